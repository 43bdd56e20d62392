package dev.conn.platform.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;

/** The production {@link TaskRunner}: one daemon worker thread, results via {@link Platform#runLater}. */
public final class FxTaskRunner implements TaskRunner {
    private static final Logger LOG = Logger.getLogger(FxTaskRunner.class.getName());

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "conn-io");
        t.setDaemon(true);
        return t;
    });

    private volatile boolean closed;

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
