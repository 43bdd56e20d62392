package dev.conn.platform.fx;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The console's alert list: everything that needs the IC's attention (overdue comms, pending or
 * expired hand-offs, fatigue thresholds, delivery failures). View models post alerts under a
 * stable key; posting the same key again updates it instead of adding a second one. An alert
 * stays listed until its source clears it (the condition is over) or the user clears it; the user
 * acknowledges it to stop the badge counting it. Desktop notifications and the sound are
 * listeners ({@link #onRaised}), so nothing exists only as a transient toast. FX thread only.
 */
public final class AlertCentre {
    /** How urgent an alert is; the list shows it as text and icon, not colour alone. */
    public enum Level {
        /** Worth knowing (a hand-off waiting for its ACK). */
        INFO("ℹ", "Info"),
        /** Act soon (a break suggested, a check-back overdue). */
        WARNING("⚠", "Warning"),
        /** Act now (a hand-off expired, a message not delivered, critical fatigue). */
        CRITICAL("‼", "Critical");

        private final String icon;
        private final String label;

        Level(String icon, String label) {
            this.icon = icon;
            this.label = label;
        }

        /** @return a symbol shown before the title */
        public String icon() {
            return icon;
        }

        /** @return the level in words */
        public String label() {
            return label;
        }
    }

    /**
     * One alert.
     *
     * @param key the source's stable key, e.g. {@code fatigue:r-12:BREAK}
     * @param level how urgent
     * @param title one line, e.g. "Check-back overdue: Bob"
     * @param text what happened and what to do
     * @param raisedAt when first posted (UTC)
     * @param acknowledged whether the user has acknowledged it
     */
    public record Alert(String key, Level level, String title, String text, Instant raisedAt, boolean acknowledged) {
        /** Checks the fields. */
        public Alert {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(raisedAt, "raisedAt");
        }
    }

    private final Clock clock;
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final ObservableList<Alert> readOnly = FXCollections.unmodifiableObservableList(alerts);
    private final List<Consumer<Alert>> listeners = new ArrayList<>();
    private final IntegerBinding unacknowledged;

    /** @param clock stamps when an alert is raised */
    public AlertCentre(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.unacknowledged = Bindings.createIntegerBinding(
                () -> (int) alerts.stream().filter(a -> !a.acknowledged()).count(), alerts);
    }

    /** @return the alerts, newest first (read-only) */
    public ObservableList<Alert> alerts() {
        return readOnly;
    }

    /** @return how many alerts are not acknowledged (the status-bar badge) */
    public IntegerBinding unacknowledgedCount() {
        return unacknowledged;
    }

    /**
     * Tells {@code listener} of every alert newly raised, or raised again at a higher level (for
     * desktop notifications and the sound); not of updates to an alert's text.
     *
     * @param listener called on the FX thread
     */
    public void onRaised(Consumer<Alert> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Raises or updates an alert. A new key is added at the top and announced to the listeners. A
     * known key keeps its place and time; its text is updated; if its level rises, it is
     * un-acknowledged and announced again.
     *
     * @param key the source's stable key
     * @param level how urgent
     * @param title one line
     * @param text what happened and what to do
     */
    public void post(String key, Level level, String title, String text) {
        int i = indexOf(key);
        if (i < 0) {
            Alert a = new Alert(key, level, title, text, clock.instant(), false);
            alerts.add(0, a);
            listeners.forEach(l -> l.accept(a));
            return;
        }
        Alert old = alerts.get(i);
        boolean escalated = level.compareTo(old.level()) > 0;
        Alert a = new Alert(key, level, title, text, old.raisedAt(), old.acknowledged() && !escalated);
        if (!a.equals(old)) {
            alerts.set(i, a);
        }
        if (escalated) {
            listeners.forEach(l -> l.accept(a));
        }
    }

    /**
     * Makes the alerts whose key starts with {@code prefix} exactly {@code current}: posts each of
     * them and clears the others. For a source that recomputes its conditions (e.g. every tick).
     *
     * @param prefix the source's key prefix, e.g. {@code "task:"}
     * @param current the alerts the source has now; each key must start with {@code prefix}
     */
    public void sync(String prefix, List<Draft> current) {
        List<String> keep = new ArrayList<>();
        for (Draft d : current) {
            if (!d.key().startsWith(prefix)) {
                throw new IllegalArgumentException(d.key() + " does not start with " + prefix);
            }
            keep.add(d.key());
            post(d.key(), d.level(), d.title(), d.text());
        }
        alerts.removeIf(a -> a.key().startsWith(prefix) && !keep.contains(a.key()));
    }

    /**
     * Removes an alert (its condition is over, or the user cleared it). Unknown keys are ignored.
     *
     * @param key the key
     */
    public void clear(String key) {
        alerts.removeIf(a -> a.key().equals(key));
    }

    /**
     * Marks an alert as seen: it stays listed but no longer counts in the badge.
     *
     * @param key the key
     */
    public void acknowledge(String key) {
        int i = indexOf(key);
        if (i >= 0 && !alerts.get(i).acknowledged()) {
            Alert a = alerts.get(i);
            alerts.set(i, new Alert(a.key(), a.level(), a.title(), a.text(), a.raisedAt(), true));
        }
    }

    /** Acknowledges every alert. */
    public void acknowledgeAll() {
        alerts.stream().map(Alert::key).toList().forEach(this::acknowledge);
    }

    private int indexOf(String key) {
        for (int i = 0; i < alerts.size(); i++) {
            if (alerts.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * An alert as a source states it, for {@link #sync}.
     *
     * @param key stable key
     * @param level how urgent
     * @param title one line
     * @param text what happened and what to do
     */
    public record Draft(String key, Level level, String title, String text) {}
}
