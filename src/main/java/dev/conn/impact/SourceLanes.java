package dev.conn.impact;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where impact fetches run: each monitoring source has a lane of its own (a bounded pool of
 * {@value #THREADS_PER_SOURCE} daemon threads and a queue of at most {@value #QUEUE_PER_SOURCE}
 * fetches), so a hung source delays only its own charts; <i>Test connection</i> runs on a separate
 * lane that chart fetches never use. Results are handed to {@code deliver} (the JavaFX thread in
 * the app), only while the fetch's token is not cancelled.
 */
public final class SourceLanes implements AutoCloseable {
    /** Threads per source: two charts of one source fetch at once. */
    public static final int THREADS_PER_SOURCE = 2;

    /** Queued fetches per source beyond which new ones are refused ("too many requests queued"). */
    public static final int QUEUE_PER_SOURCE = 64;

    private static final Logger LOG = Logger.getLogger(SourceLanes.class.getName());

    private final Executor deliver;
    private final boolean direct;
    private final Map<String, ExecutorService> lanes = new ConcurrentHashMap<>();
    private final ExecutorService probes;
    private volatile boolean closed;

    /**
     * @param deliver runs result callbacks (in the app: {@code Platform::runLater})
     */
    public SourceLanes(Executor deliver) {
        this(deliver, false);
    }

    private SourceLanes(Executor deliver, boolean direct) {
        this.deliver = deliver;
        this.direct = direct;
        this.probes = direct ? null : pool("conn-impact-test", 2, 16);
    }

    /** @return lanes that run work and callbacks on the calling thread (tests of the view model) */
    public static SourceLanes direct() {
        return new SourceLanes(Runnable::run, true);
    }

    /**
     * Runs a fetch on the source's lane.
     *
     * @param sourceId the source's id (its lane)
     * @param work the blocking fetch; gets the token to pass to the source
     * @param onResult told the result, unless the token was cancelled meanwhile
     * @param onFailure told an unexpected failure, unless cancelled
     * @param <T> the result type
     * @return the token that cancels this fetch
     */
    public <T> FetchToken fetch(
            String sourceId,
            Function<FetchToken, T> work,
            Consumer<? super T> onResult,
            Consumer<? super Throwable> onFailure) {
        FetchToken token = new FetchToken();
        if (closed) {
            token.cancel(); // Conn is closing: no new lane, no work
            return token;
        }
        Runnable job = () -> runJob(token, () -> work.apply(token), onResult, onFailure);
        if (direct) {
            job.run();
            return token;
        }
        try {
            lanes.computeIfAbsent(sourceId, id -> pool("conn-impact-" + id, THREADS_PER_SOURCE, QUEUE_PER_SOURCE))
                    .execute(job);
        } catch (RejectedExecutionException e) {
            deliver(
                    token,
                    () -> onFailure.accept(new IllegalStateException(
                            "too many requests are waiting for source '" + sourceId + "'; it is not answering")));
        }
        return token;
    }

    /**
     * Runs a connection test on the test lane, never behind chart fetches.
     *
     * @param work the blocking test
     * @param onResult told the result
     * @param onFailure told the failure
     * @param <T> the result type
     */
    public <T> void probe(
            java.util.concurrent.Callable<T> work,
            Consumer<? super T> onResult,
            Consumer<? super Throwable> onFailure) {
        FetchToken token = new FetchToken();
        Runnable job = () -> runJob(
                token,
                () -> {
                    try {
                        return work.call();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new WrappedException(e);
                    }
                },
                onResult,
                onFailure);
        if (direct) {
            job.run();
        } else if (!closed) {
            probes.execute(job);
        }
    }

    private <T> void runJob(
            FetchToken token,
            java.util.function.Supplier<T> work,
            Consumer<? super T> onResult,
            Consumer<? super Throwable> onFailure) {
        if (token.isCancelled() || closed) {
            return;
        }
        try {
            T result = work.get();
            deliver(token, () -> onResult.accept(result));
        } catch (java.util.concurrent.CancellationException e) {
            // cancelled: nobody waits for it
        } catch (WrappedException e) {
            deliver(token, () -> onFailure.accept(e.getCause()));
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "impact fetch failed", e);
            deliver(token, () -> onFailure.accept(e));
        }
    }

    private void deliver(FetchToken token, Runnable r) {
        deliver.execute(() -> {
            if (!token.isCancelled() && !closed) {
                r.run();
            }
        });
    }

    private static ExecutorService pool(String name, int threads, int queue) {
        ThreadPoolExecutor p =
                new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queue), r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                });
        p.allowCoreThreadTimeOut(true);
        return p;
    }

    /** Stops every lane; results still in flight are not delivered. Does not wait. */
    @Override
    public void close() {
        closed = true;
        lanes.values().forEach(ExecutorService::shutdownNow);
        if (probes != null) {
            probes.shutdownNow();
        }
    }

    private static final class WrappedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrappedException(Exception cause) {
            super(cause);
        }
    }
}
