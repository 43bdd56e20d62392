package dev.conn.shell;

import dev.conn.platform.theme.ThemeManager;
import javafx.scene.Scene;
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

    /**
     * Styles a scene with a look: dark or light theme, projector mode (at least 150 % text), font scale.
     *
     * @param look the look the settings ask for
     * @param scene the scene to style
     */
    static void applyLook(MainWindowViewModel.Look look, Scene scene) {
        ThemeManager.apply(scene, look.dark(), look.projector());
        ThemeManager.scaleFonts(scene, ThemeManager.effectiveScale(look.fontScale(), look.projector()));
    }
}
