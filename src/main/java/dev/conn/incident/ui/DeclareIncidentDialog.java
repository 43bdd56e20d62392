package dev.conn.incident.ui;

import dev.conn.incident.Declaration;
import dev.conn.incident.Severity;
import dev.conn.platform.theme.Styles;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for what declaring an incident needs: title, severity (with the policy's one-line
 * definitions), optional summary, optional "impact started at", and, the first time only, the
 * declarer's name. The declarer becomes the incident commander of record.
 */
public final class DeclareIncidentDialog extends Dialog<DeclareIncidentDialog.Answer> {

    /**
     * What the user entered.
     *
     * @param declaration the declaration
     * @param authorName the name of the person at the keyboard (new or as before)
     */
    public record Answer(Declaration declaration, String authorName) {}

    private final TextField title = new TextField();
    private final ToggleGroup severity = new ToggleGroup();
    private final TextArea summary = new TextArea();
    private final TextField impactStart = new TextField();
    private final Label impactPreview = new Label();
    private final TextField name = new TextField();
    private final Label problem = new Label();

    /**
     * @param owner the main window
     * @param severityDefinitions one line per severity, from the policy
     * @param knownName the author name in settings, if any; the name field shows only without it
     * @param parseWhen reads "09:12" / "-20m" / ISO times into instants (the capture bar's rules)
     * @param zone the zone the console shows times in; "09:12" is read in it, as in the capture bar
     * @param previous what was typed last time, if a save was refused; the form starts with it
     * @param problemText why the last save was refused, or empty
     */
    public DeclareIncidentDialog(
            Window owner,
            java.util.Map<Severity, String> severityDefinitions,
            Optional<String> knownName,
            BiFunction<String, ZoneId, Instant> parseWhen,
            ZoneId zone,
            Optional<Answer> previous,
            String problemText) {
        initOwner(owner);
        setTitle("Declare incident");
        setHeaderText("Declare an incident. You become its incident commander.");
        title.setId("declare-title");
        title.setPromptText("What is broken, for whom? e.g. \"Checkout errors for EU customers\"");
        title.setPrefColumnCount(44); // the whole example shows, at every text size
        VBox severities = new VBox(6);
        for (Severity s : Severity.values()) {
            String def = severityDefinitions.getOrDefault(s, "");
            RadioButton rb = new RadioButton(s.name());
            rb.setId("declare-" + s.name().toLowerCase(java.util.Locale.ROOT));
            rb.setUserData(s);
            rb.setToggleGroup(severity);
            rb.setMinWidth(Region.USE_PREF_SIZE);
            // the definition in a Label of its own wraps in full; a wrapped radio button's text
            // was cut to "…" once selected (issue 14 item 6)
            Label definition = new Label(def);
            definition.setWrapText(true);
            definition.setMinHeight(Region.USE_PREF_SIZE);
            definition.setMinWidth(0);
            definition.setLabelFor(rb);
            definition.setOnMouseClicked(e -> {
                rb.setSelected(true);
                rb.requestFocus();
            });
            HBox line = new HBox(8, rb, definition);
            HBox.setHgrow(definition, Priority.ALWAYS);
            severities.getChildren().add(line);
        }
        // No severity is chosen for the declarer: a preselected SEV2 contradicts "if unsure, pick
        // the higher", and a preselected SEV1 would page leadership for every small incident. The
        // choice is required, with the definitions and the advice in front of the declarer.
        Label unsure = new Label("Choose one. If unsure, pick the higher severity.");
        unsure.getStyleClass().add(Styles.MUTED);
        summary.setId("declare-summary");
        summary.setPromptText("Optional: what we know so far");
        summary.setPrefRowCount(3);
        summary.setWrapText(true);
        // Tab leaves the summary, as in every other field (a tab character in a summary is never
        // meant, and "-10m" typed next belongs in "Impact started at")
        summary.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                if (e.isShiftDown()) {
                    focusSeverity();
                } else {
                    impactStart.requestFocus();
                }
            }
        });
        impactStart.setId("declare-impact-start");
        impactStart.setPromptText("Optional: 09:12 (" + zoneLabel(zone) + "), -20m or 2026-11-21T09:12:00Z");
        impactPreview.setId("declare-impact-preview");
        impactPreview.getStyleClass().add(Styles.MUTED);
        impactPreview.setWrapText(true);
        impactStart.textProperty().subscribe(text -> {
            impactPreview.setText(previewOf(text, parseWhen, zone));
            impactPreview.setManaged(!impactPreview.getText().isEmpty()); // no blank line
        });
        name.setId("declare-name");
        name.setText(System.getProperty("user.name", ""));
        problem.setId("declare-problem");
        problem.getStyleClass().add(Styles.DANGER_TEXT);
        problem.setWrapText(true);

        VBox form = new VBox(8);
        form.setPadding(new Insets(10));
        form.getChildren()
                .addAll(
                        new Label("Title"),
                        title,
                        new Label("Severity"),
                        severities,
                        unsure,
                        new Label("Summary"),
                        summary,
                        new Label("Impact started at"),
                        impactStart,
                        impactPreview);
        if (knownName.isEmpty()) {
            form.getChildren().addAll(new Label("Your name (shown as author; asked once)"), name);
        }
        form.getChildren().add(problem);
        // at large text the form can be taller than the screen: it scrolls, and the buttons stay
        // on screen below it (at 100 % text the whole form shows at 1280x720)
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefViewportHeight(540);
        getDialogPane().setContent(scroll);
        getDialogPane()
                .setMaxHeight(javafx.stage.Screen.getPrimary().getVisualBounds().getHeight() - 60);

        ButtonType declare = new ButtonType("Declare incident", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(declare, ButtonType.CANCEL);
        Button declareButton = (Button) getDialogPane().lookupButton(declare);
        declareButton.setId("declare-confirm");
        declareButton.disableProperty().bind(title.textProperty().isEmpty());
        declareButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (validate(knownName, parseWhen, zone).isEmpty()) {
                e.consume();
            }
        });
        setResultConverter(
                b -> b == declare ? validate(knownName, parseWhen, zone).orElse(null) : null);
        previous.ifPresent(p -> {
            Declaration d = p.declaration();
            title.setText(d.title());
            summary.setText(d.summary());
            severity.getToggles().stream()
                    .filter(t -> t.getUserData() == d.severity())
                    .findFirst()
                    .ifPresent(severity::selectToggle);
            d.impactStartedAt().ifPresent(t -> impactStart.setText(t.toString()));
            name.setText(p.authorName());
        });
        problem.setText(problemText);
        Platform.runLater(title::requestFocus);
    }

    private void focusSeverity() {
        javafx.scene.Node target = severity.getSelectedToggle() instanceof RadioButton rb
                ? rb
                : (RadioButton) severity.getToggles().get(0);
        target.requestFocus();
    }

    /**
     * @return what "Impact started at" resolves to, in UTC to the second, or why it cannot be read;
     *     empty for a blank field
     */
    static String previewOf(String text, BiFunction<String, ZoneId, Instant> parseWhen, ZoneId zone) {
        String when = text == null ? "" : text.strip();
        if (when.isEmpty()) {
            return "";
        }
        try {
            Instant at = parseWhen.apply(when.startsWith("@") ? when.substring(1) : when, zone);
            return "= " + PREVIEW.format(at);
        } catch (IllegalArgumentException ex) {
            return "Not understood yet: " + ex.getMessage();
        }
    }

    private static final java.time.format.DateTimeFormatter PREVIEW = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(java.time.ZoneOffset.UTC);

    private static String zoneLabel(ZoneId zone) {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : "local";
    }

    private Optional<Answer> validate(
            Optional<String> knownName, BiFunction<String, ZoneId, Instant> parseWhen, ZoneId zone) {
        String t = title.getText().strip();
        if (t.isEmpty()) {
            problem.setText("Give the incident a title.");
            return Optional.empty();
        }
        if (severity.getSelectedToggle() == null) {
            problem.setText("Choose a severity. If unsure, pick the higher one.");
            return Optional.empty();
        }
        String author = knownName.orElse(name.getText().strip());
        if (author.isEmpty()) {
            problem.setText("Type your name: it is shown as the author of what you record.");
            return Optional.empty();
        }
        Optional<Instant> start = Optional.empty();
        String when = impactStart.getText().strip();
        if (!when.isEmpty()) {
            try {
                start = Optional.of(parseWhen.apply(when.startsWith("@") ? when.substring(1) : when, zone));
            } catch (IllegalArgumentException ex) {
                problem.setText("Impact started at: " + ex.getMessage());
                return Optional.empty();
            }
        }
        problem.setText("");
        Severity sev = (Severity) severity.getSelectedToggle().getUserData();
        return Optional.of(new Answer(new Declaration(t, sev, summary.getText(), start, author), author));
    }
}
