package dev.conn.platform.fx;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** A {@link TaskRunner} that runs work and callbacks on the calling thread, for tests of view models. */
public final class DirectTaskRunner implements TaskRunner {
    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void close() {}
}
