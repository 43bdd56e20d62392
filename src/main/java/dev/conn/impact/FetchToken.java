package dev.conn.impact;

import java.util.ArrayList;
import java.util.List;

/**
 * Cancels one fetch. The panel hands a token to each request and cancels it when the window, the
 * query or the incident changes; the HTTP adapter registers the in-flight call's {@code cancel}
 * with {@link #onCancel}, so a cancelled request stops at once instead of running to its timeout.
 * Thread-safe.
 */
public final class FetchToken {
    private final List<Runnable> hooks = new ArrayList<>();
    private boolean cancelled;

    /** @return a token that is never cancelled (tests, the CLI) */
    public static FetchToken none() {
        return new FetchToken();
    }

    /** Cancels: runs every registered hook once; later hooks run at registration. */
    public void cancel() {
        List<Runnable> run;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            run = List.copyOf(hooks);
            hooks.clear();
        }
        run.forEach(Runnable::run);
    }

    /** @return true once {@link #cancel} was called */
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /**
     * @param hook what stops the work (e.g. OkHttp's {@code Call::cancel}); run right away if the
     *     token is already cancelled
     */
    public void onCancel(Runnable hook) {
        synchronized (this) {
            if (!cancelled) {
                hooks.add(hook);
                return;
            }
        }
        hook.run();
    }

    /**
     * @throws MetricSourceException of kind {@link MetricSourceException.Kind#CANCELLED} if cancelled
     */
    public void throwIfCancelled() throws MetricSourceException {
        if (isCancelled()) {
            throw MetricSourceException.cancelled();
        }
    }
}
