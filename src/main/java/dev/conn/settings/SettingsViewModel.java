package dev.conn.settings;

import dev.conn.platform.fx.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The console's current settings for the views, saved in the background whenever they change.
 * Touch only on the FX thread.
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
     * Changes the settings on screen at once and saves them in the background.
     *
     * @param next the new settings
     * @param onError told, on the FX thread, if the file could not be written
     */
    public void update(Settings next, Consumer<String> onError) {
        settings.set(next);
        tasks.run(() -> {
            file.save(next);
            return null;
        }, ok -> {}, e -> onError.accept("Settings not saved: " + e.getMessage()));
    }
}
