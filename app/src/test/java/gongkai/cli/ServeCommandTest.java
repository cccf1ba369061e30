package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./monitor serve} refuses to open review actions to other machines without a token or basic auth. */
class ServeCommandTest {
    @TempDir
    Path data;

    @Test
    void bindingBeyondLoopbackWithoutAuthIsRefusedBeforeAnythingStarts() {
        StringWriter err = new StringWriter();
        CommandLine cl = Monitor.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute("serve", "--bind", "0.0.0.0", "--data-dir", data.toString(), "-b", "127.0.0.1:1", "-r", "http://127.0.0.1:1");
        assertEquals(1, exit);
        assertTrue(err.toString().contains("0.0.0.0") && err.toString().contains("--token-file"), err.toString());
    }

    @Test
    void helpNamesThePortAndTheBindFlag() {
        StringWriter out = new StringWriter();
        CommandLine cl = Monitor.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("serve", "--help"));
        assertTrue(out.toString().contains("--port") && out.toString().contains("--bind") && out.toString().contains("127.0.0.1"), out.toString());
    }
}
