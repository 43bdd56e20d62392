package dev.conn.shell;

import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The keyboard cheat sheet (F1): every menu action and its shortcut, grouped by menu, generated
 * from the menu bar so features' menus appear without a hand-kept list. Esc or Enter closes it.
 */
public final class CheatSheetDialog extends Dialog<Void> {
    /**
     * @param owner the main window
     * @param actions every action, in menu order
     */
    public CheatSheetDialog(Window owner, List<MenuActions.Action> actions) {
        initOwner(owner);
        setTitle("Keyboard shortcuts");
        getDialogPane().setId("cheat-sheet");
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(4);
        int row = 0;
        String menu = null;
        for (MenuActions.Action a : actions) {
            if (!a.menu().equals(menu)) {
                menu = a.menu();
                Label heading = new Label(menu);
                heading.getStyleClass().add("cheat-sheet-menu");
                grid.add(heading, 0, row++, 2, 1);
            }
            Label key = new Label(a.shortcut().isPresent() ? a.shortcutText() : "palette (Ctrl+K)");
            key.getStyleClass().add("shortcut-key");
            grid.add(new Label(a.name()), 0, row);
            grid.add(key, 1, row++);
        }
        grid.add(new Label("Close any dialog"), 0, row);
        grid.add(shortcut("Esc"), 1, row++);
        grid.add(new Label("Move between controls"), 0, row);
        grid.add(shortcut("Tab / Shift+Tab"), 1, row);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(560, 520);
        getDialogPane().setContent(scroll);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    }

    private static Label shortcut(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("shortcut-key");
        return l;
    }
}
