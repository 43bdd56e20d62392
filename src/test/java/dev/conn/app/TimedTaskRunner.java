package dev.conn.app;

import dev.conn.platform.fx.TaskRunner;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * A runner that times, on the FX thread, every callback it hands there (results, failures and
 * published events): the FX-thread work the window does for what the disk and the network bring.
 * For the benchmark's pulse probe.
 */
final class TimedTaskRunner implements TaskRunner {
    private final TaskRunner delegate;
    private final LongConsumer nanos;

    /**
     * @param delegate the runner that does the work
     * @param nanos receives the duration of each FX-thread callback, in nanoseconds
     */
    TimedTaskRunner(TaskRunner delegate, LongConsumer nanos) {
        this.delegate = delegate;
        this.nanos = nanos;
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        delegate.run(work, r -> timed(() -> onSuccess.accept(r)), e -> timed(() -> onFailure.accept(e)));
    }

    @Override
    public void deliver(Runnable action) {
        delegate.deliver(() -> timed(action));
    }

    private void timed(Runnable r) {
        long t0 = System.nanoTime();
        try {
            r.run();
        } finally {
            nanos.accept(System.nanoTime() - t0);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
