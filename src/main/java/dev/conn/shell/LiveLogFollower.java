package dev.conn.shell;

import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.platform.fx.TaskRunner;
import java.util.List;
import java.util.function.Consumer;

/**
 * Follows the event log for what <em>other</em> processes append (the CLI, a deploy script, a
 * second console), so it appears on screen: each {@link #poll()} (once a second, from the {@link
 * Heartbeat}) reads what was stored since the last one, off the FX thread. This process's own
 * events never come back this way: they reach the view models once, through the store's
 * publication, and the follower drops every event the store says was appended here ({@link
 * EventStore#appendedHere}).
 *
 * <p>Reading strictly after the last position is enough: every writer takes its turn on the
 * store's append lock, so events commit in sequence order and none can appear behind the
 * position later.
 */
public final class LiveLogFollower {
    private static final int BATCH = 5_000;

    private final EventStore store;
    private final TaskRunner tasks;
    private final Consumer<List<Event>> sink;
    private final Consumer<String> onError;
    private long position = -1;
    private boolean polling;

    /**
     * @param store the event log
     * @param tasks runs the reads off the FX thread
     * @param sink receives other processes' new events on the FX thread, in storage order
     * @param onError told on the FX thread when the log cannot be read
     */
    public LiveLogFollower(EventStore store, TaskRunner tasks, Consumer<List<Event>> sink, Consumer<String> onError) {
        this.store = store;
        this.tasks = tasks;
        this.sink = sink;
        this.onError = onError;
    }

    /** Starts following from the current end of the log. */
    public void start() {
        tasks.run(store::lastSequence, this::startAt, e -> onError.accept(e.getMessage()));
    }

    /**
     * Starts following from a known position (what a first read was taken at), so nothing stored
     * since is missed.
     *
     * @param from a log position
     */
    public void startAt(long from) {
        position = Math.max(position, from);
    }

    /** Reads what was stored since the last poll; skipped if the previous poll is still running. */
    public void poll() {
        if (position < 0 || polling) {
            return;
        }
        polling = true;
        long from = position;
        tasks.run(
                () -> {
                    EventStore.Batch b = store.readAfter(from, BATCH);
                    List<Event> others = b.events().stream()
                            .filter(e -> !store.appendedHere(e.id()))
                            .toList();
                    return new EventStore.Batch(others, b.lastSequence());
                },
                batch -> {
                    polling = false;
                    position = Math.max(position, batch.lastSequence());
                    if (!batch.events().isEmpty()) {
                        sink.accept(batch.events());
                    }
                },
                e -> {
                    polling = false;
                    onError.accept("Cannot read the event log: " + e.getMessage());
                });
    }
}
