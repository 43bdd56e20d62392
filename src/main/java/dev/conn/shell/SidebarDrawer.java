package dev.conn.shell;

import java.util.List;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The incidents sidebar's place: docked on the window's left where the layout has room for it
 * (and the IC has not hidden it), else hidden, and then opened on demand as a drawer over the
 * timeline. Ctrl+B (View &gt; Show incidents sidebar) and the ☰ button before the menus (shown
 * whenever the sidebar is not docked) show and hide it. The drawer takes the keyboard into the
 * incident list and closes on Escape, on Enter or a click on an incident, or when the focus leaves
 * it; Escape gives the keyboard back where it was. The same node moves, so its selection and scroll
 * position stay. FX thread only.
 */
final class SidebarDrawer {
    private static final PseudoClass DRAWER = PseudoClass.getPseudoClass("drawer");

    private final BorderPane root;
    private final Region sidebar;
    private final Node incidentList;
    private final StackPane center;
    private final Button button = new Button("☰");
    private final CheckMenuItem item = new CheckMenuItem("Show incidents sidebar");
    private boolean dockable = true;
    private boolean hidden;
    private boolean open;
    private Node focusBefore;

    /**
     * @param root the window's root: its left the sidebar (with an {@code .incident-list}), its top
     *     the menu bar, its centre a stack pane whose last child is the toast area
     * @param viewMenu the View menu, which gets "Show incidents sidebar" (Ctrl+B) first
     */
    SidebarDrawer(BorderPane root, Menu viewMenu) {
        this.root = root;
        this.sidebar = (Region) root.getLeft();
        this.incidentList = sidebar.lookup(".incident-list");
        this.center = (StackPane) root.getCenter();
        MenuBar menuBar = (MenuBar) root.getTop();
        root.setTop(null);
        HBox top = new HBox(button, menuBar);
        top.getStyleClass().add("top-bar");
        HBox.setHgrow(menuBar, Priority.ALWAYS);
        root.setTop(top);
        button.setId("sidebarButton");
        button.getStyleClass().add("sidebar-toggle");
        button.setTooltip(new Tooltip("Show the incidents (Ctrl+B)"));
        button.setAccessibleText("Show the incidents (Ctrl+B)");
        button.setFocusTraversable(false); // the keyboard has Ctrl+B
        button.setOnAction(e -> toggle());
        item.setId("sidebar-item");
        item.setAccelerator(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN));
        item.setOnAction(e -> toggle());
        viewMenu.getItems().addAll(0, List.of(item, new SeparatorMenuItem()));
        sidebar.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (open
                    && (e.getCode() == KeyCode.ESCAPE
                            || (e.getCode() == KeyCode.ENTER && inside((Node) e.getTarget(), incidentList)))) {
                e.consume();
                close(true);
            }
        });
        incidentList.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (open && !(e.getTarget() instanceof ScrollBar)) {
                Platform.runLater(() -> close(true)); // after the click chose the incident
            }
        });
        root.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.focusOwnerProperty().subscribe(this::focusMoved);
            }
        });
        place();
    }

    /** @return the ☰ button (its font is the window's text size) */
    Button button() {
        return button;
    }

    /**
     * @param room whether the layout has room to dock the sidebar (an open drawer then closes and
     *     the sidebar docks, unless the IC hid it)
     */
    void dockable(boolean room) {
        dockable = room;
        if (room) {
            open = false;
        }
        place();
    }

    /** Shows or hides the sidebar: docked where there is room, else as a drawer. */
    void toggle() {
        if (dockable) {
            hidden = !hidden;
            place();
            if (!hidden) {
                incidentList.requestFocus();
            }
        } else if (open) {
            close(true);
        } else {
            Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
            open = true;
            place();
            focusBefore = focus;
            incidentList.requestFocus();
        }
    }

    /** Closes the drawer (if open) without moving the keyboard. */
    void close() {
        close(false);
    }

    private void place() {
        boolean docks = dockable && !hidden;
        boolean drawer = !docks && open;
        if (!docks && root.getLeft() == sidebar) {
            root.setLeft(null);
        }
        if (!drawer) {
            center.getChildren().remove(sidebar);
        }
        if (docks && root.getLeft() != sidebar) {
            root.setLeft(sidebar);
        }
        if (drawer && !center.getChildren().contains(sidebar)) {
            center.getChildren().add(center.getChildren().size() - 1, sidebar); // under the toasts
            StackPane.setAlignment(sidebar, Pos.TOP_LEFT);
        }
        sidebar.setMaxWidth(drawer ? Region.USE_PREF_SIZE : Double.MAX_VALUE);
        sidebar.pseudoClassStateChanged(DRAWER, drawer);
        button.setVisible(!docks);
        button.setManaged(!docks);
        item.setSelected(docks || drawer);
    }

    private void close(boolean focusBack) {
        if (!open) {
            return;
        }
        open = false;
        place();
        Node back = focusBefore;
        focusBefore = null;
        if (focusBack && back != null && back.getScene() != null) {
            back.requestFocus();
        }
    }

    private void focusMoved(Node now) {
        if (open && now != null && !inside(now, sidebar)) {
            close(false); // the IC went elsewhere on purpose: the keyboard stays there
        }
    }

    /** @return whether {@code n} is {@code ancestor} or lies inside it */
    static boolean inside(Node n, Node ancestor) {
        for (Node a = n; a != null; a = a.getParent()) {
            if (a == ancestor) {
                return true;
            }
        }
        return false;
    }
}
