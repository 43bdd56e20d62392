package dev.conn.shell;

import dev.conn.incident.Declaration;
import dev.conn.incident.HeaderCommand;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.platform.text.TimeFormat;
import dev.conn.platform.theme.ThemeManager;
import dev.conn.settings.DesktopSettings;
import dev.conn.settings.Settings;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.timeline.ui.TimelineViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The main window's state and commands, without a node: the status bar's texts (save state, UTC
 * clock, online or offline, data directory), the empty state, the look, and what the menus ask
 * (toggles, text size, the author's name, marking mitigated). The heartbeat re-renders the clocks
 * through {@link #render()}, which reads the clock and folded state only. Touch only on the FX
 * thread.
 */
public final class MainWindowViewModel {
    private final IncidentViewModel incident;
    private final SettingsViewModel settings;
    private final TimelineViewModel timeline;
    private final Path dataDirectory;
    private final Clock clock;

    private final StringProperty clockText = new SimpleStringProperty("");
    private final StringProperty savedText = new SimpleStringProperty("");
    private final StringProperty onlineText = new SimpleStringProperty("");
    private final BooleanProperty offline = new SimpleBooleanProperty(false);
    private final StringProperty emptyTitle = new SimpleStringProperty("Opening…");
    private final StringProperty emptyHint = new SimpleStringProperty("");
    private final ObservableValue<Look> look;
    private boolean probing;

    /**
     * How the window looks, from the settings.
     *
     * @param dark the dark theme (else light)
     * @param projector projector mode: high contrast
     * @param fontScale text size, 1.0 normal
     */
    public record Look(boolean dark, boolean projector, double fontScale) {
        static Look of(Settings s) {
            return new Look(
                    s.theme() == Settings.Theme.DARK,
                    s.desktop().projector(),
                    s.desktop().fontScale());
        }
    }

    /**
     * @param incident the open incident and the incident list
     * @param settings console settings
     * @param timeline the timeline (its order and clock toggles)
     * @param dataDirectory shown in the status bar
     * @param clock the clock the status bar shows
     */
    public MainWindowViewModel(
            IncidentViewModel incident,
            SettingsViewModel settings,
            TimelineViewModel timeline,
            Path dataDirectory,
            Clock clock) {
        this.incident = incident;
        this.settings = settings;
        this.timeline = timeline;
        this.dataDirectory = dataDirectory;
        this.clock = clock;
        this.look = settings.settingsProperty().map(Look::of);
        emptyHint.set("Reading " + dataDirectory);
        incident.lastSavedAtProperty()
                .subscribe(at -> savedText.set(at == null ? "" : "✓ Saved " + TimeFormat.utcSeconds(at)));
        render();
    }

    /** Re-renders the clocks from the clock and folded state; the heartbeat calls it each second. */
    public void render() {
        incident.tick();
        clockText.set(TimeFormat.utcSeconds(clock.instant()));
    }

    /**
     * Loads the incidents and opens the active one, then says what the empty state should.
     *
     * @param done told on the FX thread with true once an incident is on screen, false if none is
     *     open or the read failed
     */
    public void start(Consumer<Boolean> done) {
        incident.loadInitial(error -> {
            if (error != null) {
                emptyTitle.set("Could not read the incidents");
                emptyHint.set((error.getMessage() == null ? error.toString() : error.getMessage())
                        + "\nNothing was changed. Close Conn and start it"
                        + " again; if this repeats, check the data directory " + dataDirectory + ".");
            } else if (incident.current().isEmpty()) {
                emptyTitle.set("No incident open");
                emptyHint.set("Press Ctrl+N to declare one. Everything you record is saved the moment it appears.");
            }
            done.accept(error == null && incident.current().isPresent());
        });
    }

    /**
     * Checks online or offline through {@code network}, never on the FX thread; a check still
     * running is not started again.
     *
     * @param probe the check
     * @param network the network runner
     */
    public void checkOnline(ConnectivityProbe probe, TaskRunner network) {
        if (probing) {
            return;
        }
        probing = true;
        network.run(
                probe::online,
                online -> {
                    probing = false;
                    showOnline(online);
                },
                e -> {
                    probing = false;
                    showOnline(false);
                });
    }

    private void showOnline(boolean online) {
        onlineText.set(online ? "● Online" : "○ Offline: messages wait in the outbox");
        offline.set(!online);
    }

    /** @return the UTC clock of the status bar, e.g. "14:32:05 UTC" */
    public ReadOnlyStringProperty clockTextProperty() {
        return clockText;
    }

    /** @return "✓ Saved 14:32:05 UTC" once something was saved, else empty */
    public ReadOnlyStringProperty savedTextProperty() {
        return savedText;
    }

    /** @return the last problem to show, or empty (the one error channel) */
    public ReadOnlyStringProperty errorTextProperty() {
        return incident.lastErrorProperty();
    }

    /** @return "● Online" or "○ Offline: …", empty until the first check */
    public ReadOnlyStringProperty onlineTextProperty() {
        return onlineText;
    }

    /** @return true while the last check found no network */
    public ReadOnlyBooleanProperty offlineProperty() {
        return offline;
    }

    /** @return the empty state's title ("Opening…", "No incident open", …) */
    public ReadOnlyStringProperty emptyTitleProperty() {
        return emptyTitle;
    }

    /** @return the empty state's hint: what to do next */
    public ReadOnlyStringProperty emptyHintProperty() {
        return emptyHint;
    }

    /** @return "Data: DIR" */
    public String dataDirectoryText() {
        return "Data: " + dataDirectory;
    }

    /** @return the data directory */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** @return the look the settings ask for; changes when the theme, projector mode or text size do */
    public ObservableValue<Look> lookProperty() {
        return look;
    }

    /** @return true until the author's name is given (it is asked once, at first launch) */
    public boolean needsName() {
        return settings.settings().author().isEmpty();
    }

    /** @return the name to offer in the name dialog: the one given, else the OS user's */
    public String nameSuggestion() {
        return settings.settings().author().orElse(System.getProperty("user.name", ""));
    }

    /** @param name the author's name, kept in settings (blank is ignored) */
    public void saveName(String name) {
        String n = name == null ? "" : name.strip();
        if (!n.isEmpty()) {
            settings.update(st -> st.withAuthorName(n), incident::reportError);
        }
    }

    /** @param light true for the light theme, false for dark */
    public void useLightTheme(boolean light) {
        settings.update(st -> st.withTheme(light ? Settings.Theme.LIGHT : Settings.Theme.DARK), incident::reportError);
    }

    /** @param on true for projector mode */
    public void useProjector(boolean on) {
        settings.update(st -> st.withDesktop(st.desktop().withProjector(on)), incident::reportError);
    }

    /**
     * Larger text, up to 250 %. In projector mode the step starts from the text size shown (at
     * least 150 %), so the first Ctrl+= always makes text larger.
     */
    public void largerText() {
        settings.update(
                st -> {
                    DesktopSettings d = st.desktop();
                    double shown = ThemeManager.effectiveScale(d.fontScale(), d.projector());
                    return st.withDesktop(d.withFontScale(shown).larger());
                },
                incident::reportError);
    }

    /** Smaller text, down to 80 %. */
    public void smallerText() {
        settings.update(st -> st.withDesktop(st.desktop().smaller()), incident::reportError);
    }

    /** Normal text size. */
    public void resetText() {
        settings.update(st -> st.withDesktop(st.desktop().withFontScale(1.0)), incident::reportError);
    }

    /** Flips the timeline between UTC and local time first. */
    public void toggleUtc() {
        timeline.showUtcProperty().set(!timeline.showUtcProperty().get());
    }

    /** Flips the timeline between newest and oldest first. */
    public void toggleOrder() {
        timeline.newestFirstProperty().set(!timeline.newestFirstProperty().get());
    }

    /** Marks the open incident mitigated, now (nothing happens with no incident open). */
    public void markMitigated() {
        if (incident.current().isPresent()) {
            incident.changeHeader(
                    new HeaderCommand.MarkMitigated(Optional.empty(), Optional.empty()),
                    e -> {},
                    incident::reportError,
                    incident::reportError);
        }
    }

    /**
     * Declares an incident; the first declaration also saves the declarer's name.
     *
     * @param declaration what the dialog collected
     * @param authorName the person at the keyboard
     * @param onRefused told why on the FX thread if it was refused (the dialog opens again)
     */
    public void declare(Declaration declaration, String authorName, Consumer<String> onRefused) {
        if (needsName()) {
            saveName(authorName);
        }
        incident.declare(declaration, authorName, onRefused);
    }

    /**
     * Remembers the window's place and size and the workspace divider for the next start.
     *
     * @param layout the layout
     */
    public void saveLayout(DesktopSettings.WindowLayout layout) {
        settings.update(st -> st.withDesktop(st.desktop().withWindow(layout)), incident::reportError);
    }

    /** @return the layout remembered from the last run, or null */
    public DesktopSettings.WindowLayout savedLayout() {
        return settings.settings().desktop().window();
    }
}
