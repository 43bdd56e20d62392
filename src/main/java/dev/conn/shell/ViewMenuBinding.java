package dev.conn.shell;

import dev.conn.platform.theme.ThemeManager;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The View menu's look items: they follow the settings (the settings dialog changes them too). */
final class ViewMenuBinding {
    private ViewMenuBinding() {}

    /**
     * Binds the View menu's look items (found by their FXML ids) to the settings, and sets their
     * actions.
     *
     * @param model the window's look
     * @param viewMenu the View menu: {@code lightThemeItem}, {@code projectorItem} (check items),
     *     {@code largerTextItem} (Shortcut+=), {@code smallerTextItem} (Shortcut+-), {@code
     *     resetTextItem} (Shortcut+0)
     * @param applyLook restyles the window once the look changed
     * @throws java.util.NoSuchElementException if the menu lacks one of them
     */
    static void bind(MainWindowViewModel model, Menu viewMenu, Runnable applyLook) {
        CheckMenuItem lightTheme = (CheckMenuItem) item(viewMenu, "lightThemeItem");
        CheckMenuItem projector = (CheckMenuItem) item(viewMenu, "projectorItem");
        model.lookProperty().subscribe(look -> {
            lightTheme.setSelected(!look.dark());
            projector.setSelected(look.projector());
            applyLook.run();
        });
        lightTheme.setOnAction(e -> model.useLightTheme(lightTheme.isSelected()));
        projector.setOnAction(e -> model.useProjector(projector.isSelected()));
        // set here, not in FXML: "Shortcut+=" does not parse as a key name there
        bind(item(viewMenu, "largerTextItem"), KeyCode.EQUALS, model::largerText);
        bind(item(viewMenu, "smallerTextItem"), KeyCode.MINUS, model::smallerText);
        bind(item(viewMenu, "resetTextItem"), KeyCode.DIGIT0, model::resetText);
    }

    private static void bind(MenuItem item, KeyCode key, Runnable action) {
        item.setAccelerator(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
        item.setOnAction(e -> action.run());
    }

    private static MenuItem item(Menu menu, String id) {
        return menu.getItems().stream()
                .filter(i -> id.equals(i.getId()))
                .findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no menu item " + id));
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
