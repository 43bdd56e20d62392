package dev.conn.command.ui;

import dev.conn.command.Pages;
import dev.conn.command.PagingDesk;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The pages part of the People panel (issue 16 §2): each page and where it stands, *Page…* (a
 * dialog: target, message, link) and *Resolve page*. Binds to {@link PagingViewModel}.
 */
final class PagesPane {
    private PagesPane() {}

    /**
     * @param model the view model
     * @param owner the window dialogs belong to
     * @return the pane
     */
    static Node build(PagingViewModel model, Supplier<Window> owner) {
        Label title = new Label("Pages");
        title.getStyleClass().add("section-title");
        ListView<Pages.Page> list = new ListView<>(model.pages());
        list.setId("pages-list");
        list.setPrefHeight(90);
        list.setCellFactory(v -> new dev.conn.platform.fx.WrappingTextCell<>(PagingViewModel::describe));
        Button page = new Button("Page…");
        page.setId("page-button");
        page.setOnAction(e -> ask(owner.get(), model));
        Button resolve = new Button("Resolve page");
        resolve.setId("resolve-page-button");
        resolve.setOnAction(e -> model.resolve(list.getSelectionModel().getSelectedItem()));
        for (Button b : java.util.List.of(page, resolve)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.disableProperty().bind(model.configuredProperty().not());
        }
        Label hint = new Label("Configure PagerDuty under \"integrations\" in settings.json to page from here");
        hint.setId("page-hint");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // all its lines, never "…"
        hint.visibleProperty().bind(model.configuredProperty().not());
        hint.managedProperty().bind(hint.visibleProperty());
        Label message = new Label();
        message.setId("page-message");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        FlowPane buttons = new FlowPane(6, 6, page, resolve);
        buttons.setPrefWrapLength(250);
        for (javafx.scene.layout.Region r : java.util.List.of(list, hint, message)) {
            r.setMinWidth(0);
            r.setPrefWidth(250);
        }
        VBox pane = new VBox(4, title, list, buttons, hint, message);
        pane.setPadding(new javafx.geometry.Insets(0, 8, 8, 8));
        return pane;
    }

    /** Opens the Page… dialog; on "Page", sends the page. */
    static void ask(Window owner, PagingViewModel model) {
        if (model.targets().isEmpty()) {
            model.messageProperty().set("Configure PagerDuty under \"integrations\" in settings.json first");
            return;
        }
        dialog(owner, model).showAndWait().ifPresent(a -> model.page(a.target(), a.message(), a.link()));
    }

    /** What the dialog asks. */
    record Answer(PagingDesk.Target target, String message, String link) {}

    private static Dialog<Answer> dialog(Window owner, PagingViewModel model) {
        Dialog<Answer> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Page");
        d.setHeaderText("Page a service or team through PagerDuty");
        ComboBox<PagingDesk.Target> target = new ComboBox<>(model.targets());
        target.setId("page-target");
        target.getSelectionModel().selectFirst();
        TextField message = new TextField();
        message.setId("page-text");
        message.setPromptText("join the bridge (optional)");
        message.setPrefColumnCount(30);
        TextField link = new TextField();
        link.setId("page-link");
        link.setPromptText("https://meet.example.com/sev1 (optional)");
        link.setPrefColumnCount(30);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Who"), target);
        grid.addRow(1, new Label("Message"), message);
        grid.addRow(2, new Label("Link"), link);
        d.getDialogPane().setContent(grid);
        ButtonType send = new ButtonType("Page", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(send, ButtonType.CANCEL);
        Button sendButton = (Button) d.getDialogPane().lookupButton(send);
        sendButton.setId("page-send");
        sendButton.disableProperty().bind(target.valueProperty().isNull());
        d.setResultConverter(b -> b == send
                ? Optional.ofNullable(target.getValue())
                        .map(t -> new Answer(t, message.getText(), link.getText()))
                        .orElse(null)
                : null);
        return d;
    }
}
