package dev.conn.testing;

import dev.conn.platform.fx.TaskRunner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link dev.conn.platform.fx.TaskRunner} that queues work and runs it, with its callback, on the
 * calling thread only when the test says so: for testing what a view model does while work is in
 * flight. Not thread-safe; use from the test thread.
 */
public final class ManualTaskRunner implements TaskRunner {
    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        queue.add(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
    }

    /** @return how many tasks are queued and not yet run */
    public int pending() {
        return queue.size();
    }

    /**
     * Runs the oldest queued task and its callback.
     *
     * @throws IllegalStateException if nothing is queued
     */
    public void runNext() {
        Runnable next = queue.poll();
        if (next == null) {
            throw new IllegalStateException("no task queued");
        }
        next.run();
    }

    /** Runs queued tasks, including ones their callbacks queue, until none is left. */
    public void runAll() {
        while (!queue.isEmpty()) {
            runNext();
        }
    }

    @Override
    public void close() {}
}
