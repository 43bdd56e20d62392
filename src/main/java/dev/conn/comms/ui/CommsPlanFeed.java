package dev.conn.comms.ui;

import dev.conn.comms.CommsFold;
import dev.conn.comms.CommsSchedule;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentState;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.ListChangeListener;

/**
 * Keeps the open incident's {@link CommsFold} and {@link CommsSchedule} in step with the events
 * arriving in {@link IncidentViewModel#events()} (this console's commands, the dispatcher's
 * outcomes, and other processes' events that {@code shell.LiveLogFollower} reads): each new event
 * is added to the fold, and the schedule is worked out again only when one changed it. When the
 * event list is replaced as a whole (another incident opened, or the rest of a long incident
 * loaded), the fold is built again on the {@link TaskRunner}, off the FX thread, while events that
 * arrive meanwhile wait and are added once it is ready. Nothing here reads the store. FX thread
 * only.
 */
final class CommsPlanFeed {
    private final IncidentViewModel incident;
    private final Policy.Comms policy;
    private final TaskRunner tasks;
    private final Runnable changed;
    private CommsFold fold = new CommsFold();
    private CommsSchedule schedule = CommsSchedule.EMPTY;
    private Optional<IncidentId> foldedFor = Optional.empty();
    private int generation;
    private List<Event> arrivedWhileRebuilding;

    /**
     * Follows from {@link #start()} on.
     *
     * @param incident the open incident
     * @param policy the comms policy
     * @param tasks runs the whole-log fold off the FX thread
     * @param changed run on the FX thread after the schedule or the failures changed
     */
    CommsPlanFeed(IncidentViewModel incident, Policy.Comms policy, TaskRunner tasks, Runnable changed) {
        this.incident = incident;
        this.policy = policy;
        this.tasks = tasks;
        this.changed = changed;
    }

    /** Starts following the incident's events and folds those already there. */
    void start() {
        incident.events().addListener((ListChangeListener<Event>) this::onEvents);
        incident.resetsProperty().addListener((o, was, now) -> rebuild());
        rebuild();
    }

    /** @return the open incident's deadlines, as of the events folded so far */
    CommsSchedule schedule() {
        return schedule;
    }

    /** @return the subject last queued to the audience in the open incident, if any */
    java.util.Optional<String> lastSubject(dev.conn.incident.Audience a) {
        return fold.lastSubject(a);
    }

    /** @return the open incident's deliveries refused for good */
    List<CommsFold.Failure> failures() {
        return fold.failures();
    }

    private void onEvents(ListChangeListener.Change<? extends Event> c) {
        if (incident.isResetting()) {
            return; // resetsProperty follows and rebuilds
        }
        boolean any = false;
        while (c.next()) {
            if (c.wasRemoved()) {
                rebuild();
                return;
            }
            for (Event e : c.getAddedSubList()) {
                any |= take(e);
            }
        }
        if (any) {
            schedule = CommsSchedule.of(policy, fold);
            changed.run();
        }
    }

    private boolean take(Event e) {
        if (arrivedWhileRebuilding != null) {
            if (CommsFold.TYPES.contains(e.type())) {
                arrivedWhileRebuilding.add(e);
            }
            return false;
        }
        return fold.apply(e);
    }

    private void rebuild() {
        int gen = ++generation;
        Optional<IncidentId> id = incident.current().map(IncidentState::id);
        if (!id.equals(foldedFor)) {
            // another incident: never show the last one's checklist while this one's is folded
            fold = new CommsFold();
            schedule = CommsSchedule.EMPTY;
            changed.run();
        }
        List<Event> snapshot = List.copyOf(incident.events());
        arrivedWhileRebuilding = new ArrayList<>();
        tasks.run(
                () -> {
                    CommsFold f = CommsFold.of(snapshot);
                    return new Rebuilt(f, CommsSchedule.of(policy, f));
                },
                r -> {
                    if (gen != generation) {
                        return; // a later rebuild is on its way
                    }
                    List<Event> more = arrivedWhileRebuilding;
                    arrivedWhileRebuilding = null;
                    fold = r.fold();
                    foldedFor = id;
                    boolean any = false;
                    for (Event e : more) {
                        any |= fold.apply(e);
                    }
                    schedule = any ? CommsSchedule.of(policy, fold) : r.schedule();
                    changed.run();
                },
                e -> {
                    if (gen == generation) {
                        arrivedWhileRebuilding = null;
                        incident.reportError("Could not work out the communication plan: " + e.getMessage());
                    }
                });
    }

    /** A fold built off the FX thread, with its schedule. */
    private record Rebuilt(CommsFold fold, CommsSchedule schedule) {}
}
