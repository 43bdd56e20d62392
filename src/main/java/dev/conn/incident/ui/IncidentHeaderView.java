package dev.conn.incident.ui;

import dev.conn.incident.HeaderCommand;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Severity;
import dev.conn.incident.Status;
import dev.conn.platform.text.TimeFormat;
import dev.conn.platform.theme.Styles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;

/**
 * The incident header: title, severity and status chips, ticking elapsed times, the incident
 * commander, and the controls that change status and severity or mark mitigated and resolved. The
 * controls send typed {@link HeaderCommand}s; the header re-renders from the folded state.
 */
public final class IncidentHeaderView {

    private final IncidentViewModel incident;

    @FXML
    private javafx.scene.layout.FlowPane actionRow;

    /**
     * Adds a feature's live figure to the header's second row, after the milestones (e.g. the
     * postmortem feature's TTx), so what the IC reads at a glance stays in one place.
     *
     * @param item the node; FX thread
     */
    public void addHeaderItem(javafx.scene.Node item) {
        actionRow.getChildren().add(2, item);
    }

    @FXML
    private VBox header;

    @FXML
    private Label severityChip;

    @FXML
    private Label statusChip;

    @FXML
    private Label titleLabel;

    @FXML
    private Label sinceImpactLabel;

    @FXML
    private Label sinceImpactCaption;

    @FXML
    private Label sinceDeclaredLabel;

    @FXML
    private Label commanderLabel;

    @FXML
    private Label milestoneLabel;

    @FXML
    private MenuButton statusMenu;

    @FXML
    private MenuButton severityMenu;

    @FXML
    private Button mitigateButton;

    @FXML
    private Button resolveButton;

    @FXML
    private Label summaryLabel;

    @FXML
    private Label errorLabel;

    /** @param incident the open incident */
    public IncidentHeaderView(IncidentViewModel incident) {
        this.incident = incident;
    }

    @FXML
    private void initialize() {
        for (Status s : Status.values()) {
            MenuItem item = new MenuItem(capitalize(s.label()));
            item.setId("status-" + s.label());
            item.setOnAction(e -> onSetStatus(s));
            statusMenu.getItems().add(item);
        }
        for (Severity s : Severity.values()) {
            String def = incident.severityDefinition(s);
            MenuItem item = new MenuItem(s + "  " + def);
            item.setId("severity-" + s.level());
            item.setOnAction(e -> onSetSeverity(s));
            severityMenu.getItems().add(item);
        }
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty()); // no empty line below
        incident.currentProperty().subscribe(this::render);
        incident.nowProperty().subscribe(this::renderClocks);
        incident.showUtcProperty()
                .subscribe(utc -> render(incident.currentProperty().get()));
    }

    private void render(IncidentState st) {
        errorLabel.setText("");
        if (st == null) {
            return;
        }
        severityChip.setText(st.severity().name());
        Styles.swap(
                severityChip.getStyleClass(),
                Styles::isSeverityClass,
                Styles.severity(st.severity().level()));
        statusChip.setText(st.status().label().toUpperCase(java.util.Locale.ROOT));
        Styles.swap(
                statusChip.getStyleClass(),
                Styles::isStatusClass,
                Styles.status(st.status().label()));
        titleLabel.setText(st.title());
        titleLabel.setTooltip(new javafx.scene.control.Tooltip(st.title())); // the full title when cut
        commanderLabel.setText("Incident commander: " + st.commander());
        summaryLabel.setText(st.summary());
        summaryLabel.setManaged(!st.summary().isBlank());
        StringBuilder m = new StringBuilder();
        st.mitigatedAt().ifPresent(t -> m.append("✓ Mitigated ").append(time(t)));
        st.resolvedAt().ifPresent(t -> m.append(m.length() > 0 ? "   " : "")
                .append("✓ Resolved ")
                .append(time(t)));
        milestoneLabel.setText(m.toString());
        sinceImpactCaption.setText(
                st.impactStartedAt().isPresent() ? "since impact started" : "since impact (declared)");
        mitigateButton.setDisable(st.mitigatedAt().isPresent() || !st.isOpen());
        resolveButton.setDisable(!st.isOpen());
        severityMenu
                .getItems()
                .forEach(i -> i.setDisable(
                        i.getId().equals("severity-" + st.severity().level())));
        statusMenu
                .getItems()
                .forEach(i ->
                        i.setDisable(i.getId().equals("status-" + st.status().label())));
        renderClocks(incident.nowProperty().get());
    }

    private void renderClocks(Instant now) {
        IncidentState st = incident.currentProperty().get();
        if (st == null || now == null) {
            return;
        }
        sinceImpactLabel.setText(TimeFormat.elapsed(st.sinceImpactStart(now)));
        sinceDeclaredLabel.setText(TimeFormat.elapsed(st.sinceDeclared(now)));
    }

    private String time(Instant t) {
        ZoneId zone = incident.showUtcProperty().get() ? ZoneOffset.UTC : ZoneId.systemDefault();
        return TimeFormat.minutes(
                t, zone, java.time.LocalDate.now(incident.clock().withZone(zone)));
    }

    private void onSetStatus(Status s) {
        if (s == Status.RESOLVED) {
            onResolve();
            return;
        }
        send(new HeaderCommand.ChangeStatus(s, Optional.empty(), Optional.empty()));
    }

    private void onSetSeverity(Severity s) {
        send(new HeaderCommand.ChangeSeverity(s, Optional.empty(), Optional.empty()));
    }

    @FXML
    private void onMarkMitigated() {
        send(new HeaderCommand.MarkMitigated(Optional.empty(), Optional.empty()));
    }

    @FXML
    private void onResolve() {
        IncidentState st = incident.currentProperty().get();
        if (st == null) {
            return;
        }
        ButtonType resolve = new ButtonType("Resolve incident", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Keep it open", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert confirm = new Alert(
                Alert.AlertType.CONFIRMATION,
                "Resolve \"" + st.title() + "\"? The elapsed clocks stop. You can reopen it by setting a status.",
                resolve,
                cancel);
        confirm.setTitle("Resolve incident");
        confirm.setHeaderText(null);
        if (header.getScene() != null) {
            confirm.initOwner(header.getScene().getWindow());
        }
        Optional<ButtonType> answer = confirm.showAndWait();
        if (answer.isPresent() && answer.get() == resolve) {
            send(new HeaderCommand.Resolve(Optional.empty(), Optional.empty()));
        }
    }

    private void send(HeaderCommand command) {
        incident.changeHeader(command, e -> {}, errorLabel::setText, errorLabel::setText);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
