package dev.conn.platform.fx;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * A dialog body that works at any text size on any screen: the body scrolls inside the dialog
 * (the header and the buttons stay on screen below and above it), and its labels wrap to as many
 * lines as they need instead of ending in "…". {@link DialogStyler} applies it to every dialog of
 * the main window when it shows; a dialog may also build its body with {@link #scrolling(Node)}.
 */
public final class DialogBody {
    /** The style class of a dialog's scrolling body (base.css draws it without a frame). */
    public static final String STYLE_CLASS = "dialog-body";

    private DialogBody() {}

    /**
     * Puts a dialog's content in a scrolling body (unless it already is a scroll pane) and makes
     * the labels in it wrap.
     *
     * @param dialog a dialog's scene; scenes whose root is not a {@link DialogPane} are left alone
     */
    public static void scrollsAndWraps(Scene dialog) {
        if (!(dialog.getRoot() instanceof DialogPane pane) || pane.getContent() == null) {
            return;
        }
        Node content = pane.getContent();
        labelsWrap(content);
        if (content instanceof ScrollPane own) {
            followFocus(own);
        } else if (!pane.getProperties().containsKey(SCROLLS_ITSELF)) {
            pane.setContent(scrolling(content));
        }
    }

    /**
     * Marks a dialog whose body scrolls by itself (a list that shrinks with the dialog, under a
     * query field that must stay in view): {@link #scrollsAndWraps} leaves its body as it is.
     *
     * @param pane the dialog's pane
     */
    public static void scrollsItself(DialogPane pane) {
        pane.getProperties().put(SCROLLS_ITSELF, Boolean.TRUE);
    }

    private static final Object SCROLLS_ITSELF = new Object();

    /**
     * A scroll pane around a dialog's body: as wide as the dialog (no sideways scrolling while the
     * body's minimum width fits); the body is never squeezed below its preferred height (it
     * scrolls instead, so a wrapped label keeps all its lines) and fills the dialog when shorter.
     *
     * @param body the form or list
     * @return the scroll pane, styled {@value #STYLE_CLASS}
     */
    public static ScrollPane scrolling(Node body) {
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        // not fitToHeight: that squeezes the body to the viewport down to its minimum height, and
        // a grid's rows then overlap their wrapped labels. A body shorter than the viewport is
        // stretched to it through its minimum height instead.
        if (body instanceof Region r) {
            scroll.viewportBoundsProperty().subscribe(b -> r.setMinHeight(b.getHeight()));
        }
        followFocus(scroll);
        scroll.getStyleClass().add(STYLE_CLASS);
        return scroll;
    }

    /**
     * A row of buttons that wraps onto a second line when the dialog is too narrow for them all,
     * each button as wide as its text.
     *
     * @param buttons the buttons, in order
     * @return the row
     */
    public static FlowPane buttonRow(Node... buttons) {
        FlowPane row = new FlowPane(8, 6, buttons);
        for (Node b : buttons) {
            if (b instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return row;
    }

    /** A label in the first column of a form grid: the name of the field beside it. */
    private static boolean isFieldName(Labeled l) {
        Integer column = javafx.scene.layout.GridPane.getColumnIndex(l);
        return l.getParent() instanceof javafx.scene.layout.GridPane && (column == null || column == 0);
    }

    /** The width of the label's longest word in its font, plus its padding, in pixels. */
    private static double longestWord(Labeled l) {
        double widest = 0;
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(l.getFont());
        for (String word : (l.getText() == null ? "" : l.getText()).split("\\s+")) {
            probe.setText(word);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        javafx.geometry.Insets pad = l.getLabelPadding();
        return widest + l.snappedLeftInset() + l.snappedRightInset() + pad.getLeft() + pad.getRight();
    }

    /**
     * Scrolls {@code scroll} so that the control that gets the keyboard focus inside it is in view:
     * Tab into a field below the fold shows the field (a scroll pane does not do it by itself).
     *
     * @param scroll a scroll pane, in a scene or not yet
     */
    public static void followFocus(ScrollPane scroll) {
        if (scroll.getProperties().putIfAbsent(FOLLOWS_FOCUS, Boolean.TRUE) != null) {
            return;
        }
        scroll.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.focusOwnerProperty().subscribe(focused -> {
                    if (focused != null && scroll.getScene() == scene) {
                        javafx.application.Platform.runLater(() -> showInViewport(scroll, focused));
                    }
                });
            }
        });
    }

    private static final Object FOLLOWS_FOCUS = new Object();

    /** Scrolls vertically, as little as needed, until {@code node} (inside the content) is in view. */
    static void showInViewport(ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        boolean inside = false;
        for (Node n = node; n != null; n = n.getParent()) {
            inside |= n == content;
        }
        if (!inside || node.getScene() == null) {
            return;
        }
        javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double viewport = scroll.getViewportBounds().getHeight();
        double extra = content.getLayoutBounds().getHeight() - viewport;
        if (extra <= 0) {
            return;
        }
        double range = scroll.getVmax() - scroll.getVmin();
        double top = (scroll.getVvalue() - scroll.getVmin()) / range * extra;
        if (b.getMinY() < top) {
            top = b.getMinY();
        } else if (b.getMaxY() > top + viewport) {
            top = Math.min(b.getMinY(), b.getMaxY() - viewport);
        } else {
            return;
        }
        scroll.setVvalue(scroll.getVmin() + Math.max(0, Math.min(extra, top)) / extra * range);
    }

    /**
     * Makes every plain label, check box and radio button under {@code root} wrap and keep the
     * height its wrapped lines need, and every button at least as wide as its text.
     * Walks layout panes, scroll panes and titled panes only: labels inside controls' skins (list
     * cells, tab headers, buttons) keep their own rules.
     *
     * @param root a dialog's body
     */
    public static void labelsWrap(Node root) {
        if (root instanceof Label || root instanceof CheckBox || root instanceof RadioButton) {
            Labeled l = (Labeled) root;
            l.setWrapText(true);
            if (l.getMinHeight() == Region.USE_COMPUTED_SIZE) {
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
            if (l instanceof Label && l.getMinWidth() == Region.USE_COMPUTED_SIZE && isFieldName(l)) {
                // a field's name wraps between words, never inside one ("(Prometheu / s)"), at
                // any text size; values (paths, URLs) may still break where they must
                l.fontProperty().subscribe(f -> l.setMinWidth(longestWord(l) + 2));
            }
        } else if (root instanceof Button b) {
            if (b.getMinWidth() == Region.USE_COMPUTED_SIZE) {
                b.setMinWidth(Region.USE_PREF_SIZE); // "Remove source", never "Remov…"
            }
        } else if (root instanceof Pane p) {
            p.getChildren().forEach(DialogBody::labelsWrap);
        } else if (root instanceof ScrollPane s && s.getContent() != null) {
            labelsWrap(s.getContent());
        } else if (root instanceof TitledPane t && t.getContent() != null) {
            labelsWrap(t.getContent());
        }
    }
}
