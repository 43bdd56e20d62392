package dev.conn.shell;

import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Follows the event log so that what another process appends (the CLI, a deploy script, a second
 * console) appears on screen: each {@link #poll()} (once a second from the UI ticker) reads what
 * was stored since the last one, off the FX thread.
 *
 * <p>It re-reads a small window behind its last position, because with two writers a lower
 * sequence number can commit after a higher one was read; ids already passed on are dropped.
 */
public final class LiveLogFollower {
    private static final int WINDOW = 64;
    private static final int BATCH = 5_000;
    private static final int REMEMBERED_IDS = 20_000;

    private final EventStore store;
    private final TaskRunner tasks;
    private final IncidentViewModel incident;
    private final Consumer<String> onError;
    private final LinkedHashSet<UUID> seen = new LinkedHashSet<>();
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
        long from = Math.max(0, position - WINDOW);
        tasks.run(
                () -> store.readAfter(from, BATCH),
                batch -> {
                    polling = false;
                    List<Event> fresh = new ArrayList<>();
                    for (Event e : batch.events()) {
                        if (seen.add(e.id())) {
                            fresh.add(e);
                        }
                    }
                    while (seen.size() > REMEMBERED_IDS) {
                        seen.remove(seen.iterator().next());
                    }
                    position = Math.max(position, batch.lastSequence());
                    if (!fresh.isEmpty()) {
                        incident.accept(fresh);
                    }
                },
                e -> {
                    polling = false;
                    onError.accept("Cannot read the event log: " + e.getMessage());
                });
    }
}
