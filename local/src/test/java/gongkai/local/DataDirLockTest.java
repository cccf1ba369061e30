package gongkai.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One monitor per data directory, and what a kill -9 leaves behind: the lock goes with the process, and the
 * {@code embedded.env} it wrote is recognised as stale.
 */
class DataDirLockTest {
    @TempDir
    Path data;

    /** Run in a child JVM: holds the lock of the directory in args[0] until its stdin closes or it is killed. */
    public static void main(String[] args) throws Exception {
        try (DataDirLock lock = DataDirLock.acquire(Path.of(args[0]))) {
            ProcessHandle self = ProcessHandle.current();
            Files.writeString(Path.of(args[0]).resolve(EmbeddedCluster.ENV_FILE), "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1\n"
                    + EmbeddedCluster.PID + "=" + self.pid() + "\n" + EmbeddedCluster.STARTED + "=" + self.info().startInstant().orElseThrow() + "\n");
            System.out.println("locked");
            System.out.flush();
            System.in.read();
        }
    }

    @Test
    void aSecondMonitorOnTheSameDirectoryFailsClearlyAndTheLockGoesWithAKilledProcess() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DataDirLockTest.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        try {
            String first = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertEquals("locked", first);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataDirLock.acquire(data));
            assertTrue(e.getMessage().contains("another monitor is running on the data directory")
                    && e.getMessage().contains("process " + holder.pid()), e.getMessage());
            assertEquals("127.0.0.1:1", EmbeddedCluster.readEnv(data).get("KAFKA_BOOTSTRAP_SERVERS"), "a running demo's addresses are used");
        } finally {
            holder.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(Files.exists(data.resolve(EmbeddedCluster.ENV_FILE)), "the killed demo left its file behind");
        assertEquals(Map.of(), EmbeddedCluster.readEnv(data), "but its addresses are not used");
        try (DataDirLock lock = DataDirLock.acquire(data)) {
            assertThrows(IllegalStateException.class, () -> DataDirLock.acquire(data), "held by this process now");
        }
    }
}
