package gongkai.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One embedded cluster per data directory: an exclusive lock on {@value #FILE} in it, held while the cluster
 * runs and released by the operating system when the process ends, kill -9 included. A second {@code demo}
 * on the same directory fails at once with a clear message instead of racing the first one's broker.
 */
public final class DataDirLock implements AutoCloseable {
    public static final String FILE = "monitor.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws IllegalStateException if another process (or this one) holds the directory, or it cannot be written
     */
    public static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                lock = null;
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
                channel.close();
                throw new IllegalStateException("another monitor is running on the data directory " + dataDir.toAbsolutePath()
                        + (holder.isEmpty() ? "" : " (process " + holder + ")") + "; stop it, or give another --data-dir");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return new DataDirLock(channel, lock);
        } catch (AccessDeniedException e) {
            closeQuietly(channel);
            throw new IllegalStateException("the data directory " + dataDir.toAbsolutePath() + " is not writable (" + e.getFile() + ")", e);
        } catch (FileSystemException e) {
            closeQuietly(channel);
            throw new IllegalStateException("cannot use the data directory " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock the data directory " + dataDir.toAbsolutePath(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing with the reason that matters
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
