package dev.conn.postmortem.ui;

import dev.conn.incident.Event;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.postmortem.PostmortemFold;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;

/**
 * Keeps a {@link PostmortemFold} in step with the open incident: the events that arrive in {@link
 * IncidentViewModel#events()} (this console's commands, and other processes' events that {@code
 * shell.LiveLogFollower} reads) are added to the fold as they come, each costing the work it
 * brings; the fold is filled again only when another incident is opened (or the list of a long
 * incident is completed). FX thread only.
 */
final class PostmortemFeed {
    private final IncidentViewModel incident;
    private final Consumer<Boolean> changed;
    private PostmortemFold fold = new PostmortemFold();

    /**
     * Starts following at once and fills the fold with the events already there.
     *
     * @param incident the open incident
     * @param changed run after events arrived or the incident changed, with true if the fold
     *     changed (false: only other events arrived)
     */
    PostmortemFeed(IncidentViewModel incident, Consumer<Boolean> changed) {
        this.incident = incident;
        this.changed = changed;
        incident.events().addListener((ListChangeListener<Event>) this::onEvents);
        incident.resetsProperty().addListener((o, was, now) -> rebuild());
        fold = PostmortemFold.of(incident.events());
    }

    /** @return the fold of the open incident's events */
    PostmortemFold fold() {
        return fold;
    }

    private void onEvents(ListChangeListener.Change<? extends Event> c) {
        if (incident.isResetting()) {
            return; // resetsProperty follows and rebuilds
        }
        boolean any = false;
        boolean relevant = false;
        while (c.next()) {
            if (c.wasRemoved() && !c.wasAdded()) {
                rebuild();
                return;
            }
            for (Event e : c.getAddedSubList()) {
                any = true;
                relevant |= fold.add(e);
            }
        }
        if (any) {
            changed.accept(relevant);
        }
    }

    private void rebuild() {
        fold = PostmortemFold.of(incident.events());
        changed.accept(true);
    }
}
