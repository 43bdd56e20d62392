package dev.conn.shell;

import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import java.util.function.Consumer;

/**
 * Follows the event log so that what another process appends (the CLI, a deploy script, a second
 * console) appears on screen: each {@link #poll()} (once a second from the UI ticker) reads what
 * was stored since the last one, off the FX thread.
 *
 * <p>Reading strictly after the last position is enough: every writer takes its turn on the
 * store's append lock, so events commit in sequence order and none can appear behind the
 * position later. The view model ignores events it already has (its own, just recorded).
 */
public final class LiveLogFollower {
    private static final int BATCH = 5_000;

    private final EventStore store;
    private final TaskRunner tasks;
    private final IncidentViewModel incident;
    private final Consumer<String> onError;
    private long position = -1;
    private boolean polling;

    /**
     * @param store the event log
     * @param tasks runs the reads off the FX thread
     * @param incident receives new events on the FX thread
     * @param onError told on the FX thread when the log cannot be read
     */
    public LiveLogFollower(EventStore store, TaskRunner tasks, IncidentViewModel incident, Consumer<String> onError) {
        this.store = store;
        this.tasks = tasks;
        this.incident = incident;
        this.onError = onError;
    }

    /** Starts following from the current end of the log. */
    public void start() {
        tasks.run(store::lastSequence, last -> position = last, e -> onError.accept(e.getMessage()));
    }

    /** Reads what was stored since the last poll; skipped if the previous poll is still running. */
    public void poll() {
        if (position < 0 || polling) {
            return;
        }
        polling = true;
        long from = position;
        tasks.run(
                () -> store.readAfter(from, BATCH),
                batch -> {
                    polling = false;
                    position = Math.max(position, batch.lastSequence());
                    if (!batch.events().isEmpty()) {
                        incident.accept(batch.events());
                    }
                },
                e -> {
                    polling = false;
                    onError.accept("Cannot read the event log: " + e.getMessage());
                });
    }
}
