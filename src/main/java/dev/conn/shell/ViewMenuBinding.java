package dev.conn.shell;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The View menu's look items: they follow the settings (the settings dialog changes them too). */
final class ViewMenuBinding {
    private ViewMenuBinding() {}

    /**
     * @param model the window's look
     * @param lightTheme the light-theme check item
     * @param projector the projector-mode check item
     * @param larger the larger-text item (Shortcut+=)
     * @param smaller the smaller-text item (Shortcut+-)
     * @param reset the reset-text item (Shortcut+0)
     * @param applyLook restyles the window once the look changed
     */
    static void bind(
            MainWindowViewModel model,
            CheckMenuItem lightTheme,
            CheckMenuItem projector,
            MenuItem larger,
            MenuItem smaller,
            MenuItem reset,
            Runnable applyLook) {
        model.lookProperty().subscribe(look -> {
            lightTheme.setSelected(!look.dark());
            projector.setSelected(look.projector());
            applyLook.run();
        });
        // set here, not in FXML: "Shortcut+=" does not parse as a key name there
        larger.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        smaller.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        reset.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
    }
}
