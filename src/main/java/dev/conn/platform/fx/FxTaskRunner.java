package dev.conn.platform.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;

/**
 * The production {@link TaskRunner}: one daemon worker thread, results via {@link Platform#runLater}.
 * The window has two, passed in explicitly: one for the disk (the event log, in order) and one for
 * the network, so a slow server never holds back an append.
 */
public final class FxTaskRunner implements TaskRunner {
    private static final Logger LOG = Logger.getLogger(FxTaskRunner.class.getName());

    private final ExecutorService worker;

    private volatile boolean closed;

    /** A runner whose worker thread is named {@code conn-io} (the disk runner). */
    public FxTaskRunner() {
        this("conn-io");
    }

    /**
     * @param threadName the worker thread's name, e.g. {@code conn-io} or {@code conn-net}
     */
    public FxTaskRunner(String threadName) {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>After {@link #close()} (the window is closing) new work is dropped, and results of work
     * still running are not delivered: nothing is left to show them.
     */
    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        if (closed) {
            LOG.fine("task submitted after close; dropped");
            return;
        }
        worker.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    if (!closed) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Throwable e) {
                LOG.log(Level.WARNING, "background task failed", e);
                Platform.runLater(() -> {
                    if (!closed) {
                        onFailure.accept(e);
                    }
                });
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Straight to the FX thread ({@link Platform#runLater}), never behind the worker's queue:
     * a long read must not hold back what was just saved. Dropped after {@link #close()}.
     */
    @Override
    public void deliver(Runnable action) {
        if (closed) {
            return;
        }
        Platform.runLater(() -> {
            if (!closed) {
                action.run();
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
