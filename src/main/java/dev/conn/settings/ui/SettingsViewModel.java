package dev.conn.settings.ui;

import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.ConfigException;
import dev.conn.settings.Policy;
import dev.conn.settings.PolicyFile;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The console's current settings for the views, saved in the background whenever they change.
 * A save changes only what the user changed: fields edited by hand in {@code settings.json} while
 * Conn runs are kept. Touch only on the FX thread.
 */
public final class SettingsViewModel {
    private final ObjectProperty<Settings> settings;
    private final SettingsFile file;
    private final TaskRunner tasks;
    private final Policy policy;

    /**
     * @param initial the settings loaded at start
     * @param file where to save them
     * @param policy the loaded response policy
     * @param tasks runs the saves off the FX thread
     */
    public SettingsViewModel(Settings initial, SettingsFile file, Policy policy, TaskRunner tasks) {
        this.settings = new SimpleObjectProperty<>(initial);
        this.file = file;
        this.policy = policy;
        this.tasks = tasks;
    }

    /** @return the current settings */
    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings;
    }

    /** @return the current settings */
    public Settings settings() {
        return settings.get();
    }

    /** @return the response policy */
    public Policy policy() {
        return policy;
    }

    /**
     * Applies {@code change} to the settings on screen at once, then in the background re-reads
     * {@code settings.json} and saves {@code change} applied to what the file holds, so fields
     * edited there by hand are kept. If the file cannot be read (damaged, from a newer Conn) it is
     * left untouched and {@code onError} is told, naming the file; the change still holds on screen
     * until Conn closes.
     *
     * @param change a pure function from settings to settings, e.g. {@code s -> s.withTheme(LIGHT)};
     *     it runs twice, on the FX thread and in the background
     * @param onError told, on the FX thread, if the file could not be read or written
     */
    public void update(UnaryOperator<Settings> change, Consumer<String> onError) {
        settings.set(Objects.requireNonNull(change.apply(settings.get()), "change returned no settings"));
        tasks.run(
                () -> file.update(change),
                saved -> {},
                e -> onError.accept("Settings not saved: "
                        + (e instanceof ConfigException ? e.getMessage() : file.path() + ": " + e.getMessage())));
    }

    /**
     * Shows {@code next} at once and saves, as {@link #update(UnaryOperator, Consumer)}, only the
     * fields in which {@code next} differs from the settings currently on screen; the file's other
     * fields are kept.
     *
     * @param next the new settings, usually {@code settings().withX(...)}
     * @param onError told, on the FX thread, if the file could not be read or written
     */
    public void update(Settings next, Consumer<String> onError) {
        update(changesFrom(settings.get(), next), onError);
    }

    /**
     * Reads and validates a policy file in the background, without applying it.
     *
     * @param file the policy file
     * @param onResult told on the FX thread: empty if valid, else the message naming the file and
     *     the bad field
     */
    public void checkPolicy(PolicyFile file, Consumer<java.util.Optional<String>> onResult) {
        tasks.run(
                () -> {
                    file.read();
                    return java.util.Optional.<String>empty();
                },
                onResult,
                e -> onResult.accept(java.util.Optional.of(e.getMessage() == null ? e.toString() : e.getMessage())));
    }

    /**
     * @param before settings as they were
     * @param after the same settings with some fields changed
     * @return a change that sets, in any settings, exactly the fields that differ between the two
     */
    static UnaryOperator<Settings> changesFrom(Settings before, Settings after) {
        // Lists every field but version; a new field of Settings needs a line here.
        return s -> {
            Settings r = s;
            if (!Objects.equals(before.authorName(), after.authorName())) {
                r = r.withAuthorName(after.authorName());
            }
            if (before.timeDisplay() != after.timeDisplay()) {
                r = r.withTimeDisplay(after.timeDisplay());
            }
            if (before.theme() != after.theme()) {
                r = r.withTheme(after.theme());
            }
            if (!Objects.equals(before.desktop(), after.desktop())) {
                r = r.withDesktop(after.desktop());
            }
            return r;
        };
    }
}
