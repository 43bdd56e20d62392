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
            Label key = shortcut(a.shortcut().isPresent() ? a.shortcutText() : "palette (Ctrl+K)");
            grid.add(new Label(a.name()), 0, row);
            grid.add(key, 1, row++);
        }
        grid.add(new Label("Close any dialog"), 0, row);
        grid.add(shortcut("Esc"), 1, row++);
        grid.add(new Label("Move between controls"), 0, row);
        grid.add(shortcut("Tab / Shift+Tab"), 1, row);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("cheat-sheet-body"); // sized in em (base.css)
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        grid.setPadding(new javafx.geometry.Insets(8, 24, 8, 12)); // right: room for the scroll bar
        getDialogPane().setContent(scroll);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    }

    private static Label shortcut(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("shortcut-key");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the names beside wrap instead
        return l;
    }
}
