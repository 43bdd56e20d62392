package dev.conn.postmortem.ui;

import dev.conn.incident.IncidentId;
import dev.conn.postmortem.Postmortem;
import dev.conn.postmortem.PostmortemCommand;
import dev.conn.postmortem.PostmortemField;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The editor's postmortem sections: one text property per {@link PostmortemField} key. Typing
 * marks a section dirty; it is saved ({@link PostmortemCommand.SetField}) once typing has paused for
 * {@link #SAVE_AFTER}, judged by the injected clock on the 1-second tick, and always before an
 * export or when the console opens another incident. Sections with unsaved typing are never
 * overwritten by what arrives from the log. FX thread only.
 */
final class SectionEditor {
    /** How long typing must pause before a section is saved. */
    static final Duration SAVE_AFTER = Duration.ofSeconds(1);

    private final PostmortemSender sender;
    private final Clock clock;
    private final Consumer<String> message;
    private final Consumer<String> failure;
    private final Map<String, StringProperty> fields = new HashMap<>();
    private final Map<String, Instant> dirtySince = new HashMap<>();
    private final Set<String> applying = new HashSet<>();

    /**
     * @param sender sends the saves
     * @param clock judges the pause in typing
     * @param message where refusals and failures are shown in the tab
     * @param failure where a failure is shown when the tab may not be on screen (the status bar too)
     */
    SectionEditor(PostmortemSender sender, Clock clock, Consumer<String> message, Consumer<String> failure) {
        this.sender = sender;
        this.clock = clock;
        this.message = message;
        this.failure = failure;
    }

    /**
     * @param key a {@link PostmortemField} key
     * @return its editor text; typing in it schedules a save
     */
    StringProperty field(String key) {
        return fields.computeIfAbsent(key, k -> {
            StringProperty p = new SimpleStringProperty("");
            p.addListener((obs, old, now) -> {
                if (!applying.contains(k)) {
                    dirtySince.put(k, clock.instant());
                }
            });
            return p;
        });
    }

    /**
     * Sets a section's text without marking it dirty (what the log says, or a choice saved at once).
     *
     * @param key the key
     * @param text its text
     */
    void setQuietly(String key, String text) {
        StringProperty p = field(key);
        if (!text.equals(p.get())) {
            applying.add(key);
            try {
                p.set(text);
            } finally {
                applying.remove(key);
            }
        }
    }

    /**
     * Shows what the log holds in every section the user is not typing in.
     *
     * @param pm the postmortem as folded
     */
    void show(Postmortem pm) {
        Set<String> keys = new HashSet<>(fields.keySet());
        keys.addAll(pm.fields().keySet());
        for (String key : keys) {
            if (!dirtySince.containsKey(key)) {
                setQuietly(key, pm.field(key));
            }
        }
    }

    /** @param now the tick's instant: saves each section whose typing paused long enough */
    void onTick(Instant now) {
        if (now == null) {
            return;
        }
        for (String key : List.copyOf(dirtySince.keySet())) {
            Instant since = dirtySince.get(key);
            if (since != null && !now.isBefore(since.plus(SAVE_AFTER))) {
                save(key);
            }
        }
    }

    /** Saves every section with unsaved typing now (before an export, on leaving the tab). */
    void flush() {
        List.copyOf(dirtySince.keySet()).forEach(this::save);
    }

    /**
     * Saves what was typed to the incident being left, before the editor shows another one, and
     * forgets it here.
     *
     * @param left the incident the text was typed for
     */
    void leave(IncidentId left) {
        for (String key : List.copyOf(dirtySince.keySet())) {
            sender.sendTo(
                    left,
                    new PostmortemCommand.SetField(key, field(key).get()),
                    saved -> {},
                    e -> failure.accept("A postmortem edit of the previous incident was not saved: " + e));
        }
        dirtySince.clear();
    }

    private void save(String key) {
        String text = field(key).get();
        dirtySince.remove(key);
        try {
            PostmortemField.check(key, text);
        } catch (IllegalArgumentException e) {
            message.accept(e.getMessage()); // never saved: the text stays in the editor
            return;
        }
        sender.send(new PostmortemCommand.SetField(key, text), saved -> {}, err -> {
            message.accept("Not saved: " + err);
            dirtySince.putIfAbsent(key, clock.instant());
        });
    }
}
