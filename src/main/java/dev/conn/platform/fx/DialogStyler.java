package dev.conn.platform.fx;

import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Gives every dialog of a window the window's look: its stylesheets (theme tokens, projector mode,
 * feature sheets) and its root font size (font scaling), copied when the dialog is shown. JavaFX
 * dialogs do not inherit their owner's stylesheets; doing it here covers every feature's dialogs
 * without each of them knowing about themes. It also makes Esc back out of every such dialog.
 */
public final class DialogStyler {
    private DialogStyler() {}

    /** The screen area dialogs are kept in instead of their screen's visual bounds; null: none. */
    private static volatile javafx.geometry.Rectangle2D screenArea;

    /**
     * Keeps dialogs, from now on, inside {@code area} instead of their screen's visual bounds: a
     * test on a large headless screen sees what a dialog does on a small one (1280×720, in pixels).
     *
     * @param area the area in screen coordinates, or null to use the real screen again
     */
    public static void confineTo(javafx.geometry.Rectangle2D area) {
        screenArea = area;
    }

    /**
     * Styles, from now on, every window shown with {@code main} as its owner.
     *
     * @param main the main window's scene (read each time a dialog shows, so later theme and
     *     font changes are followed)
     */
    public static void install(Scene main) {
        if (main.getProperties().putIfAbsent(DialogStyler.class, Boolean.TRUE) != null) {
            return; // already styling this scene's dialogs
        }
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                Window owner = main.getWindow();
                for (Window w : change.getAddedSubList()) {
                    // a scene no longer in a window (the window got a new scene) owns nothing: an
                    // ownerless window, such as the main window shown again, is not its dialog
                    if (owner != null
                            && w != owner
                            && w instanceof Stage s
                            && s.getOwner() == owner
                            && w.getScene() != null) {
                        copyLook(main, w.getScene());
                        escapeCancels(w.getScene());
                        javafx.application.Platform.runLater(() -> {
                            buttonsKeepTheirText(w.getScene());
                            DialogBody.scrollsAndWraps(w.getScene());
                            // the window was sized before it had the main window's font size
                            growToContent(w);
                            fitOnScreen(w);
                            javafx.application.Platform.runLater(
                                    () -> { // once more, laid out in it
                                        growToContent(w);
                                        fitOnScreen(w);
                                        javafx.application.Platform.runLater(() -> shrinkToContent(w));
                                    });
                        });
                    }
                }
            }
        });
    }

    /**
     * Grows a dialog to its content's preferred size in the font it now has: the window was sized
     * before it had the main window's font size (a dialog at 200 % text would cut its fields).
     *
     * @param w a showing dialog window
     */
    public static void growToContent(Window w) {
        if (w.getScene() == null || !(w.getScene().getRoot() instanceof DialogPane pane)) {
            return;
        }
        pane.applyCss();
        pane.layout();
        double width = Math.max(pane.prefWidth(-1), pane.minWidth(-1));
        // as tall as the content is at the width the dialog will have on screen: measured at a
        // width it cannot get, wrapped text would look shorter than it is
        double onScreen = Math.min(width, screenArea(w).getWidth());
        double height = Math.max(pane.prefHeight(onScreen), pane.minHeight(onScreen));
        Scene scene = w.getScene();
        if (width > scene.getWidth() + 0.5) {
            w.setWidth(w.getWidth() + width - scene.getWidth());
        }
        if (height > scene.getHeight() + 0.5) {
            w.setHeight(w.getHeight() + height - scene.getHeight());
        }
    }

    /**
     * Gives back the height a dialog's scrolling body does not use: measured before it had its
     * final width, a body with wrapped text can ask for more than it needs at that width.
     *
     * @param w a showing dialog window
     */
    public static void shrinkToContent(Window w) {
        if (w.getScene() == null
                || !(w.getScene().getRoot() instanceof DialogPane pane)
                || !(pane.getContent() instanceof javafx.scene.control.ScrollPane scroll)
                || !(scroll.getContent() instanceof javafx.scene.layout.Region body)) {
            return;
        }
        pane.applyCss();
        pane.layout();
        javafx.geometry.Bounds viewport = scroll.getViewportBounds();
        double needed = body.prefHeight(viewport.getWidth());
        double spare = viewport.getHeight() - needed;
        if (spare > 1 && needed > 0) {
            w.setHeight(w.getHeight() - spare);
        }
    }

    /**
     * Keeps a dialog's buttons at least as wide as their text ("Save settings", never "Save
     * setti…"): the button bar squeezes its buttons otherwise when the dialog is narrow.
     *
     * @param dialog a dialog's scene; scenes whose root is not a {@link DialogPane} are left alone
     */
    public static void buttonsKeepTheirText(Scene dialog) {
        if (dialog.getRoot() instanceof DialogPane pane) {
            for (ButtonType type : pane.getButtonTypes()) {
                if (pane.lookupButton(type) instanceof Button b) {
                    // the button bar fixed their widths at the first layout, in the default font, and
                    // fixes them again at every layout while they are of uniform size
                    javafx.scene.control.ButtonBar.setButtonUniformSize(b, false);
                    b.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
                    b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                }
            }
        }
    }

    /**
     * Makes Esc cancel a dialog even when the focused control would swallow the key (a list, a
     * table): Esc fires the dialog's cancel button, as the platform does when nothing swallows it.
     *
     * @param dialog a dialog's scene; scenes whose root is not a {@link DialogPane} are left alone
     */
    public static void escapeCancels(Scene dialog) {
        dialog.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && dialog.getRoot() instanceof DialogPane pane) {
                for (ButtonType type : pane.getButtonTypes()) {
                    if (type.getButtonData().isCancelButton() && pane.lookupButton(type) instanceof Button b) {
                        e.consume();
                        b.fire();
                        return;
                    }
                }
            }
        });
    }

    /**
     * Keeps a dialog inside the screen it is on (its visual bounds): at large font scales a dialog
     * can be taller than a projector's 768 or 800 lines, which would put its buttons off-screen.
     *
     * @param w a showing window
     */
    public static void fitOnScreen(Window w) {
        if (!w.isShowing()) {
            return;
        }
        javafx.geometry.Rectangle2D vb = screenArea(w);
        if (w.getHeight() > vb.getHeight()) {
            w.setHeight(vb.getHeight());
        }
        if (w.getWidth() > vb.getWidth()) {
            w.setWidth(vb.getWidth());
        }
        if (w.getY() + w.getHeight() > vb.getMaxY() || w.getY() < vb.getMinY()) {
            w.setY(Math.max(vb.getMinY(), vb.getMaxY() - w.getHeight()));
        }
        if (w.getX() + w.getWidth() > vb.getMaxX() || w.getX() < vb.getMinX()) {
            w.setX(Math.max(vb.getMinX(), vb.getMaxX() - w.getWidth()));
        }
    }

    /** The visual bounds of the screen the window is on, or the area set by {@link #confineTo}. */
    private static javafx.geometry.Rectangle2D screenArea(Window w) {
        return screenArea != null
                ? screenArea
                : javafx.stage.Screen.getScreensForRectangle(
                                w.getX(), w.getY(), Math.max(1, w.getWidth()), Math.max(1, w.getHeight()))
                        .stream()
                        .findFirst()
                        .orElse(javafx.stage.Screen.getPrimary())
                        .getVisualBounds();
    }

    /**
     * Copies the stylesheets and the root's inline font size.
     *
     * @param from the main scene
     * @param to the dialog's scene
     */
    public static void copyLook(Scene from, Scene to) {
        to.getStylesheets().setAll(from.getStylesheets());
        if (from.getRoot() != null && to.getRoot() != null) {
            to.getRoot().setStyle(from.getRoot().getStyle());
        }
    }
}
