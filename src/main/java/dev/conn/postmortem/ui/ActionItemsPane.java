package dev.conn.postmortem.ui;

import dev.conn.incident.ActionItemKind;
import dev.conn.incident.ActionItemStatus;
import dev.conn.postmortem.ActionItem;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The action items of the postmortem tab: the list (overdue items marked), the form that adds one,
 * and the status changer. The due date is read from what is typed in its field when the item is
 * added, so a date typed and not yet committed by the date picker is never lost (issue 14, item 4).
 * Binds to {@link ActionItemsViewModel}.
 */
final class ActionItemsPane {
    private ActionItemsPane() {}

    /**
     * @param model the view model
     * @return the list and its forms
     */
    static Node build(ActionItemsViewModel model) {
        ListView<ActionItem> list = new ListView<>(model.items());
        list.setId("pm-action-items");
        list.setPrefHeight(160);
        list.setCellFactory(v -> new ItemCell(model));
        TextField text = new TextField();
        text.setId("pm-ai-text");
        text.setPromptText("action item");
        HBox.setHgrow(text, Priority.ALWAYS);
        ComboBox<ActionItemKind> kind = new ComboBox<>();
        kind.setId("pm-ai-kind");
        kind.getItems().setAll(ActionItemKind.values());
        kind.setValue(ActionItemKind.PREVENT);
        TextField owner = new TextField();
        owner.setId("pm-ai-owner");
        owner.setPromptText("owner (DRI)");
        DatePicker due = new DatePicker();
        due.setId("pm-ai-due");
        due.setPromptText("due (2026-12-15)");
        due.setConverter(new IsoDates());
        TextField ticket = new TextField();
        ticket.setId("pm-ai-ticket");
        ticket.setPromptText("ticket link");
        TextField cause = new TextField();
        cause.setId("pm-ai-cause");
        cause.setPromptText("root cause #");
        cause.setPrefColumnCount(9); // "root cause #" whole
        CheckBox elsewhere = new CheckBox("answers \"where else\"");
        Button add = new Button("Add action item");
        add.setId("pm-ai-add");
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        add.setOnAction(e -> model.add(
                text.getText(),
                kind.getValue(),
                owner.getText(),
                due.getEditor().getText(), // what is typed, committed or not
                ticket.getText(),
                cause.getText(),
                elsewhere.isSelected(),
                () -> {
                    text.clear();
                    owner.clear();
                    ticket.clear();
                    due.setValue(null);
                    due.getEditor().clear();
                }));
        ComboBox<ActionItemStatus> status = new ComboBox<>();
        status.getItems().setAll(ActionItemStatus.values());
        status.setPromptText("status");
        Button setStatus = new Button("Set status of selected");
        setStatus.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        setStatus.setOnAction(e -> {
            ActionItem a = list.getSelectionModel().getSelectedItem();
            if (a != null && status.getValue() != null) {
                model.setStatus(a, status.getValue());
            }
        });
        FlowPane form = new FlowPane(6, 6, text, kind, owner, due, ticket, cause, elsewhere, add);
        model.ticketStates()
                .addListener((javafx.collections.MapChangeListener<java.util.UUID, String>) c -> list.refresh());
        model.ticketRequests()
                .addListener((javafx.collections.MapChangeListener<java.util.UUID, String>) c -> list.refresh());
        return new VBox(6, list, form, new HBox(6, status, setStatus), ticketButtons(model, list));
    }

    /** Create ticket, Create tickets for all without one, Refresh ticket status (issue 16 §1). */
    private static Node ticketButtons(ActionItemsViewModel model, ListView<ActionItem> list) {
        Button one = new Button("Create ticket");
        one.setId("pm-ai-create-ticket");
        one.setOnAction(e -> model.createTicket(list.getSelectionModel().getSelectedItem()));
        Button all = new Button("Create tickets for all without one");
        all.setId("pm-ai-create-tickets");
        all.setOnAction(e -> model.createAllTickets());
        Button refresh = new Button("Refresh ticket status");
        refresh.setId("pm-ai-refresh-tickets");
        refresh.setOnAction(e -> model.refreshTicketStatus());
        for (Button b : List.of(one, all, refresh)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.disableProperty().bind(model.ticketsConfiguredProperty().not());
        }
        // a disabled button shows no tooltip: the row says why instead
        javafx.scene.control.Label hint = new javafx.scene.control.Label();
        hint.textProperty().bind(model.ticketsHintProperty());
        hint.setWrapText(true);
        hint.setId("pm-ai-tickets-hint");
        hint.visibleProperty().bind(model.ticketsHintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        FlowPane row = new FlowPane(6, 6, one, all, refresh, hint);
        return row;
    }

    /** One action item in words, marked when overdue. */
    private static final class ItemCell extends WrappingCell<ActionItem> {
        private final ActionItemsViewModel model;

        ItemCell(ActionItemsViewModel model) {
            this.model = model;
        }

        @Override
        boolean warn(ActionItem a) {
            return a.isOverdue(model.today());
        }

        @Override
        String describe(ActionItem a) {
            return (warn(a) ? "⚠ OVERDUE  " : "") + "[" + a.kind().name().toLowerCase(Locale.ROOT) + "] "
                    + a.text()
                    + (a.owner().isEmpty() ? "" : "  · DRI " + a.owner())
                    + a.due().map(d -> "  · due " + d).orElse("")
                    + (a.ticket().isEmpty() ? "" : "  · " + a.ticket())
                    + (a.ticket().isEmpty() && model.ticketRequests().containsKey(a.id())
                            ? "  · " + model.ticketRequests().get(a.id())
                            : "")
                    + (model.ticketStates().containsKey(a.id())
                            ? " (" + model.ticketStates().get(a.id()) + ")"
                            : "")
                    + "  · "
                    + a.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + a.rootCause()
                            .map(c -> "  · root cause " + c + (a.elsewhere() ? " (where else)" : ""))
                            .orElse("");
        }
    }

    /** Shows dates as the exports do ({@code 2026-12-15}) and reads what {@link DueDate} reads. */
    private static final class IsoDates extends StringConverter<LocalDate> {
        @Override
        public String toString(LocalDate d) {
            return d == null ? "" : DueDate.SHOWN.format(d);
        }

        @Override
        public LocalDate fromString(String s) {
            try {
                return DueDate.parse(s).orElse(null);
            } catch (IllegalArgumentException notADate) {
                return null; // the form says why when the item is added
            }
        }
    }
}
