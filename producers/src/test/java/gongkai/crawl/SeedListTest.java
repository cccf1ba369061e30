package gongkai.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class SeedListTest {
    @Test
    void readsUrlsWithOptionalAgencyAndSkipsComments() throws Exception {
        List<SeedList.Seed> seeds = SeedList.read(Path.of(getClass().getResource("/crawl/seeds-example.txt").toURI()));

        assertEquals(List.of(
                new SeedList.Seed(URI.create("http://www.bjdx.gov.cn/bjsdxqrmzf/zwxx/zfxxgkndbg/yhz/index.html"), "北京市大兴区瀛海镇人民政府"),
                new SeedList.Seed(URI.create("https://example.gov.cn/gk/nb/"), null),
                new SeedList.Seed(URI.create("http://127.0.0.1:8080/listing.html"), "朝阳区金盏地区办事处")), seeds);
    }

    @Test
    void ignoresAByteOrderMarkAndAnEmptyAgency() {
        assertEquals(List.of(new SeedList.Seed(URI.create("http://a.gov.cn/x"), null)), SeedList.parse("\uFEFFhttp://a.gov.cn/x |  \n", "s"));
    }

    @Test
    void namesTheLineOfAnEntryThatIsNotAWebUrl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeedList.parse("# ok\nhttp://a.gov.cn/\nfile:///etc/passwd | x\n", "seeds.txt"));

        assertEquals("seeds.txt:3: not an http(s) URL: file:///etc/passwd", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SeedList.parse("www.gov.cn/list.html", "seeds.txt"));
        assertThrows(IllegalArgumentException.class, () -> SeedList.parse("http://bad host/", "seeds.txt"));
    }
}
