package dev.conn.command.ui;

import dev.conn.command.PeopleFold;
import dev.conn.incident.Event;
import dev.conn.incident.ui.IncidentViewModel;
import javafx.collections.ListChangeListener;

/**
 * Keeps a view model's {@link PeopleFold} in step with the open incident: the events that arrive
 * in {@link IncidentViewModel#events()} (this console's commands, and other processes' events
 * that {@code shell.LiveLogFollower} reads) are added to the fold as they come, and the fold is
 * filled again only when another incident is opened. FX thread only.
 */
final class PeopleFeed {
    private final IncidentViewModel incident;
    private final PeopleFold fold;
    private final Runnable changed;

    /**
     * Starts following at once and fills the fold with the events already there.
     *
     * @param incident the open incident
     * @param fold the fold to keep in step
     * @param changed run after people events arrived or the incident changed
     */
    PeopleFeed(IncidentViewModel incident, PeopleFold fold, Runnable changed) {
        this.incident = incident;
        this.fold = fold;
        this.changed = changed;
        incident.events().addListener((ListChangeListener<Event>) this::onEvents);
        incident.resetsProperty().addListener((o, was, now) -> rebuild());
        fold.addAll(incident.events());
    }

    private void onEvents(ListChangeListener.Change<? extends Event> c) {
        if (incident.isResetting()) {
            return; // resetsProperty follows and rebuilds
        }
        boolean any = false;
        while (c.next()) {
            if (c.wasRemoved() && !c.wasAdded()) {
                rebuild();
                return;
            }
            for (Event e : c.getAddedSubList()) {
                any |= fold.add(e);
            }
        }
        if (any) {
            changed.run();
        }
    }

    private void rebuild() {
        fold.clear();
        fold.addAll(incident.events());
        changed.run();
    }
}
