package dev.conn.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One CLI command at a time per data directory uses the database. Without a window open, the
 * first process to open H2 becomes the mixed-mode host and the others race its file lock (H2
 * refuses a lock file younger than 2 s: "Lock file recently modified") or lose their connection
 * when the host exits. Taking turns on an OS file lock ({@link FileChannel#lock()}, released by
 * the OS if the process dies) makes parallel commands wait for each other instead of failing. The
 * window never takes a turn: commands still run while it is open (they connect through it).
 *
 * <p>The lock file is {@code conn.cli.lock} in the data directory; it holds no data.
 */
final class CliTurn implements AutoCloseable {
    /** File name of the turn lock in the data directory. */
    static final String FILE = "conn.cli.lock";

    /** Threads of one JVM (tests) take turns here first: a JVM may hold a file lock only once. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock(true);

    private final FileChannel channel;
    private final FileLock lock;

    private CliTurn(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Waits for this process's turn on the data directory.
     *
     * @param dataDirectory an existing, writable data directory
     * @param patience how long to wait at most
     * @param told after how long to run {@code onWaiting}
     * @param onWaiting run once, on this thread, if the wait passes {@code told}
     * @return the turn; close it after the database is closed
     * @throws IllegalStateException if the turn did not come within {@code patience}, or the lock
     *     file cannot be used
     */
    static CliTurn take(Path dataDirectory, Duration patience, Duration told, Runnable onWaiting) {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        boolean said = false;
        try {
            while (!IN_PROCESS.tryLock(50, TimeUnit.MILLISECONDS)) {
                said = tell(start, told, said, onWaiting);
                if (System.nanoTime() > deadline) {
                    throw busy(dataDirectory, patience);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database in " + dataDirectory, e);
        }
        FileChannel channel = null;
        try {
            channel =
                    FileChannel.open(dataDirectory.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            dev.conn.platform.files.PrivateFiles.restrict(dataDirectory.resolve(FILE));
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock != null) {
                    return new CliTurn(channel, lock);
                }
                said = tell(start, told, said, onWaiting);
                if (System.nanoTime() > deadline) {
                    throw busy(dataDirectory, patience);
                }
                Thread.sleep(
                        10 + java.util.concurrent.ThreadLocalRandom.current().nextInt(30));
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(channel);
            IN_PROCESS.unlock();
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException(
                    "Cannot take a turn on the database in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    private static boolean tell(long start, Duration told, boolean said, Runnable onWaiting) {
        if (!said && System.nanoTime() - start >= told.toNanos()) {
            onWaiting.run();
            return true;
        }
        return said;
    }

    private static IllegalStateException busy(Path dataDirectory, Duration patience) {
        return new IllegalStateException("Other Conn commands kept the database in " + dataDirectory + " busy for "
                + patience.toSeconds() + " s. Nothing was recorded. Try again.");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }

    /** Ends this turn: the next waiting command goes. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        } finally {
            closeQuietly(channel);
            IN_PROCESS.unlock();
        }
    }
}
