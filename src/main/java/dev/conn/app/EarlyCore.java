package dev.conn.app;

import dev.conn.incident.EventStore;
import dev.conn.platform.fx.FxTaskRunner;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.platform.trace.StartupTrace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The window's data directory, opened on a side thread from the moment the launcher knows it
 * ({@link #begin}), so the database, its migration check and the settings are read while the
 * JavaFX toolkit starts, rather than after the first window is shown. {@link ConnApp} takes it
 * ({@link #take}) for the same directory and builds its {@link AppContext} on it; a failure is
 * the same exception, shown the same way, as when the window opens the directory itself.
 */
final class EarlyCore {
    private static final AtomicReference<EarlyCore> STARTED = new AtomicReference<>();

    private final Path dir;
    private final Clock clock;
    private final TaskRunner disk;
    private final TaskRunner network;
    private final CompletableFuture<OpenedCore> opened = new CompletableFuture<>();

    private EarlyCore(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        this.disk = new FxTaskRunner("conn-io");
        this.network = new FxTaskRunner("conn-net");
    }

    /**
     * Starts opening the data directory on a daemon thread and returns at once. Touches no
     * JavaFX class that needs the toolkit. Only the first call of a process counts.
     *
     * @param dir the data directory (absolute)
     * @param clock the clock the window will use
     */
    static void begin(Path dir, Clock clock) {
        EarlyCore early = new EarlyCore(dir, clock);
        if (!STARTED.compareAndSet(null, early)) {
            early.disk.close();
            early.network.close();
            return;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        OpenedCore o = OpenedCore.open(
                                dir, clock, early.disk, early.network, UnaryOperator.<EventStore>identity());
                        early.opened.complete(o);
                        warmHttpIfUsed(o.core().settings());
                    } catch (RuntimeException | Error e) {
                        early.opened.completeExceptionally(e);
                    }
                },
                "conn-open");
        t.setDaemon(true);
        t.start();
        StartupTrace.mark("core opening early on conn-open");
    }

    /**
     * Builds the shared HTTP client (TLS, the trust store: 100-170 ms cold) here rather than on
     * the FX thread while the window is built, if the settings configure anything that sends.
     */
    private static void warmHttpIfUsed(dev.conn.settings.Settings settings) {
        if (!settings.channelsOrEmpty().isEmpty() || settings.integrations() != null) {
            try {
                Class.forName("dev.conn.platform.http.HttpClients", true, EarlyCore.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // only a head start: the channels build it when they need it
            }
        }
    }

    /**
     * Hands over the directory {@link #begin} started opening, once.
     *
     * @param dir the data directory the window is about to open
     * @param clock the clock it will use
     * @return the early opening if one was started for this directory and clock; else empty (and
     *     one started for another directory is closed in the background)
     */
    static Optional<EarlyCore> take(Path dir, Clock clock) {
        EarlyCore early = STARTED.getAndSet(null);
        if (early == null) {
            return Optional.empty();
        }
        if (!early.dir.equals(dir) || !early.clock.equals(clock)) {
            early.opened.thenAccept(o -> o.core().database().close());
            early.disk.close();
            early.network.close();
            return Optional.empty();
        }
        return Optional.of(early);
    }

    /** @return the disk runner the opened core uses */
    TaskRunner disk() {
        return disk;
    }

    /** @return the network runner the opened core uses */
    TaskRunner network() {
        return network;
    }

    /**
     * Waits for the opening and builds the window's context on it. Blocks on disk: call off the
     * FX thread.
     *
     * @return the context
     * @throws RuntimeException what opening the directory threw (e.g. {@code ConfigException},
     *     {@code DatabaseException} naming the file)
     */
    AppContext context() {
        try {
            return new AppContext(opened.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening " + dir, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
