package dev.conn.platform.fx;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (disk, network) off the FX thread and hands the result back on it. The one
 * way Conn's views do I/O: the FX thread never waits (a frozen window during an outage is the
 * worst bug Conn can ship).
 *
 * <p>Work runs in submission order on one background thread, so appends reach the event log in
 * the order the user made them.
 */
public interface TaskRunner extends AutoCloseable {

    /**
     * Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the FX
     * thread (or, for the same-thread variant used in tests, right away).
     *
     * @param work the blocking work
     * @param onSuccess receives the result on the FX thread
     * @param onFailure receives the exception on the FX thread
     * @param <T> the result type
     */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /**
     * Runs {@code action} on the FX thread, after what is already waiting there, without waiting
     * for the background work queued on this runner: how events published on a background thread
     * reach the view models. The default goes through {@link #run} (so, in the same-thread variant
     * used in tests, it runs at once); the production runner hands it straight to the FX thread.
     *
     * @param action what to run on the FX thread
     */
    default void deliver(Runnable action) {
        run(() -> null, ignored -> action.run(), e -> {});
    }

    /** Stops accepting work and waits up to 5 s for submitted work to finish. */
    @Override
    void close();
}
