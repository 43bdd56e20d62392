package dev.conn.shell;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The command palette (Ctrl+K): type part of any action's name, arrows to choose, Enter runs it,
 * Esc closes. Lists each action's menu and shortcut, so it also teaches the shortcuts. The actions
 * are read from the menu bar each time it opens ({@link MenuActions}).
 */
public final class CommandPaletteDialog extends Dialog<MenuActions.Action> {
    private static final ButtonType RUN = new ButtonType("Run action", ButtonBar.ButtonData.OK_DONE);

    private final TextField query = new TextField();
    private final ListView<MenuActions.Action> list = new ListView<>();

    /**
     * @param owner the main window
     * @param actions every action, in menu order
     */
    public CommandPaletteDialog(Window owner, List<MenuActions.Action> actions) {
        initOwner(owner);
        setTitle("Command palette");
        getDialogPane().setId("command-palette");
        query.setId("palette-query");
        query.setPromptText("Type an action, e.g. declare, hand-off, theme");
        list.setId("palette-list");
        list.getStyleClass().add("palette-list");
        query.setPrefColumnCount(36); // the prompt shows whole at every text size
        list.setPlaceholder(new Label("No action matches. Esc closes; F1 lists every shortcut."));
        list.setCellFactory(l -> new ActionCell());
        query.textProperty().subscribe(text -> {
            list.getItems().setAll(MenuActions.find(actions, text));
            list.getSelectionModel().selectFirst();
        });
        // arrows move the choice while the typing stays in the query field
        query.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                int i = list.getSelectionModel().getSelectedIndex() + (e.getCode() == KeyCode.DOWN ? 1 : -1);
                if (i >= 0 && i < list.getItems().size()) {
                    list.getSelectionModel().select(i);
                    list.scrollTo(i);
                }
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                ((Button) getDialogPane().lookupButton(RUN)).fire();
            }
        });
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        getDialogPane().setContent(new VBox(8, query, list));
        // the list scrolls and shrinks with the dialog; the query field stays in view above it
        dev.conn.platform.fx.DialogBody.scrollsItself(getDialogPane());
        getDialogPane().getButtonTypes().setAll(RUN, ButtonType.CLOSE);
        Button run = (Button) getDialogPane().lookupButton(RUN);
        run.setId("palette-run");
        run.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        run.disableProperty()
                .bind(list.getSelectionModel()
                        .selectedItemProperty()
                        .map(a -> !a.available())
                        .orElse(true));
        setResultConverter(b -> b == RUN ? list.getSelectionModel().getSelectedItem() : null);
        setOnShown(e -> Platform.runLater(query::requestFocus));
    }

    /**
     * Shows the palette and, once it has closed, runs the chosen action (so an action that opens a
     * dialog opens it over the main window, not over the palette).
     *
     * @param owner the main window
     * @param actions every action
     */
    public static void open(Window owner, List<MenuActions.Action> actions) {
        Optional<MenuActions.Action> chosen = new CommandPaletteDialog(owner, actions).showAndWait();
        chosen.ifPresent(a -> Platform.runLater(a::run));
    }

    /** One row: name, its menu in muted text, its shortcut on the right. */
    private static final class ActionCell extends ListCell<MenuActions.Action> {
        @Override
        protected void updateItem(MenuActions.Action a, boolean empty) {
            super.updateItem(a, empty);
            if (empty || a == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(a.name() + (a.available() ? "" : "  (not available now)"));
            Label menu = new Label(a.menu());
            menu.getStyleClass().add("muted");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label key = new Label(a.shortcutText());
            key.getStyleClass().add("shortcut-key");
            setText(null);
            setGraphic(new HBox(10, name, menu, gap, key));
        }
    }
}
