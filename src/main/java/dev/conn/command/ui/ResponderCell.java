package dev.conn.command.ui;

import dev.conn.incident.FatigueLevel;
import dev.conn.platform.theme.Styles;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/**
 * One roster line: name, presence (text and colour), roles held, continuous duty and fatigue level
 * (text and colour). Every state is spelled out, never shown by colour alone.
 */
public final class ResponderCell extends ListCell<PeopleListViewModel.ResponderRow> {
    private final Label name = new Label();
    private final Label presence = new Label();
    private final Label nextIc = new Label("NEXT IC");
    private final Label roles = new Label();
    private final Label duty = new Label();
    private final Label fatigue = new Label();
    private final VBox box;

    /** Builds the cell's nodes once; {@link #updateItem} only fills them. */
    public ResponderCell() {
        name.getStyleClass().add("responder-name");
        presence.getStyleClass().add("presence-badge");
        nextIc.getStyleClass().addAll("presence-badge", Styles.MUTED);
        roles.getStyleClass().add(Styles.MUTED);
        roles.setWrapText(true);
        duty.getStyleClass().add(Styles.TIME_STAMP);
        fatigue.getStyleClass().add("fatigue-badge");
        setPrefWidth(0); // fit the list's width: long role lists wrap instead of scrolling sideways
        roles.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        duty.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // chips keep their words and wrap to the next line at large text (never "ON D…")
        name.setWrapText(true);
        name.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        for (Label chip : new Label[] {presence, nextIc, fatigue}) {
            chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        javafx.scene.layout.FlowPane first = new javafx.scene.layout.FlowPane(8, 2, name, presence, nextIc);
        javafx.scene.layout.FlowPane last = new javafx.scene.layout.FlowPane(8, 2, duty, fatigue);
        box = new VBox(2, first, roles, last);
        listViewProperty().addListener((o, was, list) -> {
            box.prefWidthProperty().unbind();
            if (list != null) {
                box.prefWidthProperty().bind(list.widthProperty().subtract(28));
            }
        });
    }

    @Override
    protected void updateItem(PeopleListViewModel.ResponderRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        name.setText(row.responder().name());
        presence.setText(row.presence());
        Styles.swap(
                presence.getStyleClass(),
                c -> c.startsWith("presence-") && !c.equals("presence-badge"),
                "presence-"
                        + row.responder()
                                .presence()
                                .name()
                                .toLowerCase(Locale.ROOT)
                                .replace('_', '-'));
        nextIc.setVisible(row.nextIc());
        nextIc.setManaged(row.nextIc());
        roles.setText(row.roles().isEmpty() ? "No role" : row.roles());
        boolean present = row.responder().presence().isPresent();
        duty.setText(present ? "Duty " + row.continuousDuty() : "");
        FatigueLevel level = row.level();
        fatigue.setText(present && level != FatigueLevel.RESTED ? "⚠ " + level.label() : present ? "Rested" : "");
        Styles.swap(
                fatigue.getStyleClass(),
                c -> c.startsWith("fatigue-") && !c.equals("fatigue-badge"),
                "fatigue-" + level.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        setText(null);
        setGraphic(box);
    }
}
