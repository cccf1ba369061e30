package gongkai.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The five sample reports, copied into src/test/resources/samples. */
final class Samples {
    private Samples() {
    }

    static final List<String> NAMES = List.of("fengtai-changxindian-2020", "chaoyang-jinzhan-2021", "miyun-mujiayu-2020",
            "anfeng-2020", "daxing-yinghai-2023");

    static byte[] bytes(String name) {
        return resource("/samples/" + name + ".txt");
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static byte[] resource(String path) {
        try (InputStream in = Samples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
