package dev.conn.shell;

import dev.conn.incident.ui.DeclareIncidentDialog;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.SettingsSection;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.timeline.CaptureParser;
import dev.conn.timeline.ui.TimelineViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/**
 * The main window's own dialogs, opened from its menus: declare an incident, your name, and the
 * settings dialog (the console's sections, then the features'); and full screen. Split from {@link MainWindowView}
 * so the controller only binds and forwards.
 */
final class ShellDialogs {
    private final MainWindowViewModel model;
    private final IncidentViewModel incident;
    private final SettingsViewModel settings;
    private final TimelineViewModel timelineModel;
    private final Supplier<Window> owner;
    private final Runnable focusCapture;

    /**
     * @param model the window's state and commands
     * @param incident the open incident (severity definitions, clock, error reports)
     * @param settings console settings
     * @param timelineModel the timeline (display zone)
     * @param owner the main window, once it shows
     * @param focusCapture puts the cursor in the capture bar
     */
    ShellDialogs(
            MainWindowViewModel model,
            IncidentViewModel incident,
            SettingsViewModel settings,
            TimelineViewModel timelineModel,
            Supplier<Window> owner,
            Runnable focusCapture) {
        this.model = model;
        this.incident = incident;
        this.settings = settings;
        this.timelineModel = timelineModel;
        this.owner = owner;
        this.focusCapture = focusCapture;
    }

    /** Opens the declare dialog, empty. */
    void declare() {
        declare(Optional.empty(), "");
    }

    /** Opens the declare dialog; after a refused save it opens again with what was typed. */
    void declare(Optional<DeclareIncidentDialog.Answer> previous, String problem) {
        CaptureParser parser = new CaptureParser(incident.clock());
        new DeclareIncidentDialog(
                        owner.get(),
                        incident.severityDefinitions(),
                        settings.settings().author(),
                        parser::parseWhen,
                        timelineModel.displayZone(),
                        previous,
                        problem)
                .showAndWait()
                .ifPresent(answer -> {
                    model.declare(
                            answer.declaration(),
                            answer.authorName(),
                            error -> declare(Optional.of(answer), "Not declared: " + error));
                    Platform.runLater(focusCapture);
                });
    }

    /** First launch: the name is asked once, then kept in settings. */
    void askNameOnce() {
        if (model.needsName()) {
            // the prompt sits over the window's "Press Ctrl+N" hint, so it says the next step too
            askName("Welcome to Conn. What is your name? It is shown as the author of what you record,"
                    + " and you become incident commander of what you declare.\nThen press Ctrl+N to declare"
                    + " an incident.");
        }
    }

    /** @param header what the dialog says above the name field */
    void askName(String header) {
        TextInputDialog d = new TextInputDialog(model.nameSuggestion());
        d.initOwner(owner.get());
        d.setTitle("Your name");
        d.setHeaderText(header);
        d.setContentText("Name");
        d.getEditor().setId("name-field");
        ((Button) d.getDialogPane().lookupButton(ButtonType.OK)).setText("Save name");
        d.showAndWait().ifPresent(model::saveName);
    }

    /** Full screen on, or off again. */
    void toggleFullScreen() {
        if (owner.get() instanceof javafx.stage.Stage stage) {
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    /** @param featureSections the features' settings sections, after the console's own */
    void settings(List<Supplier<SettingsSection>> featureSections) {
        List<SettingsSection> sections = new ArrayList<>();
        sections.add(ConsoleSettingsSections.identity(settings, timelineModel, incident::reportError));
        sections.add(ConsoleSettingsSections.appearance(settings, () -> {}, incident::reportError));
        sections.add(ConsoleSettingsSections.data(settings, model.dataDirectory()));
        featureSections.forEach(s -> sections.add(s.get()));
        new SettingsDialog(owner.get(), sections).showAndWait();
    }
}
