package dev.conn.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;

/**
 * What a person checks on a screenshot, done by the computer on the live scene graph: a label,
 * button, tab, column header or menu title whose rendered text differs from its full text (an
 * ellipsis, "Search the ti"), whose text runs out of its own box or is cut by a clipping container
 * (a tab strip), a text field's prompt wider than the field, and a control outside the window.
 * Rows half-scrolled out of a list or a scroll pane are not faults: what is clipped by a scrolling
 * viewport can be scrolled to, so its position is not checked (its own text still is: a label
 * ending in "…" inside a scroll pane is a fault); the scroll pane itself must lie in the window.
 * FX thread only.
 */
final class LayoutAudit {
    private LayoutAudit() {}

    /**
     * @param scene a showing scene, laid out
     * @return one line per fault, naming the node and what is wrong; empty if none
     */
    static List<String> problems(Scene scene) {
        List<String> out = new ArrayList<>();
        Parent root = scene.getRoot();
        double minW = root.minWidth(-1);
        double minH = root.minHeight(scene.getWidth()); // wrapped text is as tall as the window's width makes it
        if (minW > scene.getWidth() + 1 || minH > scene.getHeight() + 1) {
            out.add(String.format(
                    java.util.Locale.ROOT,
                    "the window's content needs at least %.0f×%.0f, more than the window's %.0f×%.0f",
                    minW,
                    minH,
                    scene.getWidth(),
                    scene.getHeight()));
        }
        if (Boolean.getBoolean("audit.debug") && minW > scene.getWidth() + 1) {
            Node n = root;
            String indent = "";
            while (n instanceof Parent p && !p.getChildrenUnmodifiable().isEmpty()) {
                Node widest = null;
                for (Node c : p.getChildrenUnmodifiable()) {
                    if (c.isManaged()) {
                        System.out.printf(java.util.Locale.ROOT, "%s%s min %.0f%n", indent, name(c), c.minWidth(-1));
                        if (widest == null || c.minWidth(-1) > widest.minWidth(-1)) {
                            widest = c;
                        }
                    }
                }
                n = widest;
                indent += "  ";
            }
        }
        walk(root, scene, false, out);
        return out;
    }

    /** Saves a PNG of the scene as it is now. */
    static void save(Scene scene, Path file) throws IOException {
        WritableImage image = scene.snapshot(null);
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }

    private static void walk(Node n, Scene scene, boolean scrolled, List<String> out) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        Bounds local = n.getLayoutBounds();
        if (local.getWidth() <= 0 && local.getHeight() <= 0) {
            return;
        }
        if (n instanceof Labeled l) {
            checkLabeled(l, scene, scrolled, out);
        }
        if (n instanceof TextField t) {
            checkPrompt(t, out);
        }
        // a scroll pane's content can be scrolled to only while the pane itself is in the window
        if ((n instanceof Labeled || n instanceof TextInputControl || n instanceof ScrollPane) && !scrolled) {
            Bounds b = n.localToScene(local);
            if (b.getMinX() < -1
                    || b.getMinY() < -1
                    || b.getMaxX() > scene.getWidth() + 1
                    || b.getMaxY() > scene.getHeight() + 1) {
                out.add(name(n) + " lies outside the window (" + fmt(b) + " in " + (int) scene.getWidth() + "×"
                        + (int) scene.getHeight() + ")");
            }
        }
        if ((n instanceof Labeled || n instanceof TextInputControl) && scrolled) {
            checkNotScrollable(n, out);
        }
        if (n instanceof Parent p) {
            boolean inner = scrolled || scrolls(n);
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, scene, inner, out);
            }
        }
    }

    /**
     * Content cut by a scroll pane along an axis it does not scroll (its scroll bar policy is
     * NEVER) cannot be scrolled to: a label or field running out of such a viewport is a fault.
     */
    private static void checkNotScrollable(Node n, List<String> out) {
        for (Node a = n.getParent(); a != null; a = a.getParent()) {
            if (a instanceof ScrollPane sp) {
                Node viewport = sp.lookup(".viewport");
                if (viewport == null) {
                    return;
                }
                Bounds v = viewport.localToScene(viewport.getLayoutBounds());
                Bounds b = n.localToScene(n.getLayoutBounds());
                boolean cutSideways = sp.getHbarPolicy() == ScrollPane.ScrollBarPolicy.NEVER
                        && (b.getMaxX() > v.getMaxX() + 1 || b.getMinX() < v.getMinX() - 1);
                boolean cutBelow = sp.getVbarPolicy() == ScrollPane.ScrollBarPolicy.NEVER
                        && (b.getMaxY() > v.getMaxY() + 1 || b.getMinY() < v.getMinY() - 1);
                if (cutSideways || cutBelow) {
                    out.add(name(n) + " is cut by a scroll pane that does not scroll that way (" + fmt(b) + " in "
                            + fmt(v) + ")");
                }
                return; // the nearest scroll pane decides
            }
            if (scrolls(a)) {
                return; // a list or text area scrolls both ways, or is itself checked
            }
        }
    }

    /** A scrolling viewport: a scroll pane or a virtualised list, table or tree. */
    private static boolean scrolls(Node n) {
        return n instanceof ScrollPane
                || n instanceof javafx.scene.control.skin.VirtualFlow<?>
                || n instanceof javafx.scene.control.TextArea;
    }

    private static void checkLabeled(Labeled l, Scene scene, boolean scrolled, List<String> out) {
        String full = l.getText();
        if (full == null || full.isBlank() || l.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
            return;
        }
        if (l.isMnemonicParsing()) {
            full = full.replaceFirst("_(?=.)", "");
        }
        Text shown = null;
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c.getClass().getName().endsWith("LabeledText")) {
                shown = t;
            }
        }
        if (shown == null || !shown.isVisible()) {
            return;
        }
        String rendered = shown.getText() == null ? "" : shown.getText();
        if (!rendered.equals(full)) {
            out.add(name(l) + " shows \"" + rendered + "\" instead of \"" + full + "\"");
            return;
        }
        Bounds t = shown.getBoundsInParent();
        double w = l.getWidth();
        double h = l.getHeight();
        // a wrapped line's trailing spaces are measured but never seen: allow one space's width
        double slack = l.isWrapText() ? l.getFont().getSize() * 0.4 : 1;
        if (t.getMinX() < -1 || t.getMaxX() > w + slack || t.getMinY() < -2 || t.getMaxY() > h + 2) {
            if (l.getClip() == null) {
                out.add(name(l) + " text runs out of its box (" + fmt(t) + " in " + (int) w + "×" + (int) h + ")");
                return;
            }
        }
        if (!scrolled) {
            Bounds mine = l.localToScene(l.getLayoutBounds());
            for (Node a = l.getParent(); a != null; a = a.getParent()) {
                if (a.getClip() != null) {
                    Bounds clip = a.localToScene(a.getClip().getBoundsInParent());
                    boolean inside = clip.getMinX() <= mine.getMinX() + 1
                            && clip.getMaxX() >= mine.getMaxX() - 1
                            && clip.getMinY() <= mine.getMinY() + 1
                            && clip.getMaxY() >= mine.getMaxY() - 1;
                    boolean outside = !clip.intersects(mine);
                    if (!inside && !outside) {
                        out.add(name(l) + " is cut by its container "
                                + a.getClass().getSimpleName());
                        return;
                    }
                }
            }
        }
    }

    private static void checkPrompt(TextField f, List<String> out) {
        String prompt = f.getPromptText();
        if (prompt == null || prompt.isEmpty() || !f.getText().isEmpty()) {
            return;
        }
        Text probe = new Text(prompt);
        probe.setFont(f.getFont());
        double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
        if (probe.getLayoutBounds().getWidth() > room + 1) {
            out.add(name(f) + " prompt \"" + prompt + "\" is wider than the field ("
                    + (int) probe.getLayoutBounds().getWidth() + " > " + (int) room + ")");
        }
    }

    private static String name(Node n) {
        String id = n.getId() == null ? "" : "#" + n.getId();
        String text = n instanceof Labeled l ? " \"" + l.getText() + "\"" : "";
        return n.getClass().getSimpleName() + id + text;
    }

    private static String fmt(Bounds b) {
        return String.format(
                java.util.Locale.ROOT, "%.0f,%.0f %.0f×%.0f", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }
}
