package dev.conn.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's responsive shell. How many columns fit is measured in em of the window's text
 * size (the window's width divided by its font size), so 200 % text on a 1280-pixel window gets the
 * layout of a 640-pixel one:
 *
 * <ul>
 *   <li>{@link Mode#WIDE} (at least {@link #WIDE_EM} em): incidents sidebar, timeline beside the
 *       workspace tabs, People panel on the right;
 *   <li>{@link Mode#COMPACT}: the sidebar is hidden (Ctrl+B or the ☰ button opens it as a drawer over
 *       the timeline), the People panel is a workspace tab;
 *   <li>{@link Mode#SINGLE} (under {@link #SINGLE_EM} em): as compact, and the timeline is a
 *       workspace tab too, so one column has the whole width.
 * </ul>
 *
 * Switching moves the same nodes, so nothing is lost: selection, scroll position, typed text, the
 * workspace divider, and the focus (it is handed back to the node that had it). In every mode the
 * banners and the incident header take at most {@link #TOP_SHARE} of the height ({@link
 * #TOP_SHARE_SINGLE} in one column) and scroll beyond it, so the timeline keeps its rows. FX thread
 * only.
 */
final class ShellLayout {
    /** The shell's layouts, widest first. */
    enum Mode {
        WIDE,
        COMPACT,
        SINGLE
    }

    /** The narrowest window, in em of its text size, with three columns. */
    static final double WIDE_EM = 96;

    /** The narrowest window, in em, with the timeline beside the workspace tabs. */
    static final double SINGLE_EM = 66;

    /** The largest share of the incident pane's height the banners and the header take. */
    static final double TOP_SHARE = 0.4;

    /** The same in the single-column layout, where the timeline's tab strip takes a line too. */
    static final double TOP_SHARE_SINGLE = 0.3;

    private static final PseudoClass DRAWER = PseudoClass.getPseudoClass("drawer");
    private static final String COMPACT_CLASS = "shell-compact";
    private static final String SINGLE_CLASS = "shell-single";

    private final BorderPane root;
    private final Region sidebar;
    private final Node incidentList;
    private final StackPane center;
    private final SplitPane split;
    private final TabPane tabs;
    private final Pane sidePanels;
    private final Node timeline;
    private final Node dataDir;
    private final List<Workspace.Docked> docked;
    private final Map<Workspace.Docked, Tab> dockTabs = new HashMap<>();
    private final Map<Node, Double> maxWidths = new HashMap<>();
    private final Button sidebarButton = new Button("☰");
    private final CheckMenuItem sidebarItem = new CheckMenuItem("Show incidents sidebar");
    private final Tab timelineTab = new Tab("Timeline");
    private Mode mode;
    private final javafx.beans.property.BooleanProperty single = new javafx.beans.property.SimpleBooleanProperty();
    private boolean sidebarHidden;
    private boolean drawerOpen;
    private Node focusBeforeDrawer;
    private double[] dividers;
    private Tab beforeDocked;

    /**
     * Takes over the window's layout: the sidebar ({@code root}'s left), the centre stack pane, the
     * workspace split (timeline first) and its tabs, the side panels, the status bar's data
     * directory; adds "Show incidents sidebar" (Ctrl+B) to the View menu and the ☰ button before the
     * menus.
     *
     * @param root the window's root, its left the sidebar, its centre a stack pane whose first child
     *     is the incident pane (banners, header, workspace split) and whose last are the toasts
     * @param slots the window's menu bar (root's top), View menu, workspace split (the timeline,
     *     then the tabs if any feature has a panel), workspace tabs and side panel column
     * @param docked the features' side panels, in order
     * @param dataDir the status bar's data directory (shown only in the wide layout; About names it)
     */
    ShellLayout(BorderPane root, Workspace.Slots slots, List<Workspace.Docked> docked, Node dataDir) {
        MenuBar menuBar = slots.menuBar();
        this.root = root;
        this.sidebar = (Region) root.getLeft();
        this.incidentList = sidebar.lookup(".incident-list");
        this.center = (StackPane) root.getCenter();
        this.split = slots.split();
        this.tabs = slots.tabs();
        this.sidePanels = slots.sidePanels();
        this.timeline = split.getItems().get(0);
        this.dataDir = dataDir;
        this.docked = List.copyOf(docked);
        timelineTab.setId("timeline-tab");
        timelineTab.setClosable(false);
        capTop();
        root.setTop(null);
        HBox top = new HBox(sidebarButton, menuBar);
        top.getStyleClass().add("top-bar");
        HBox.setHgrow(menuBar, Priority.ALWAYS);
        root.setTop(top);
        sidebarButton.setId("sidebarButton");
        sidebarButton.getStyleClass().add("sidebar-toggle");
        sidebarButton.setTooltip(new Tooltip("Show the incidents (Ctrl+B)"));
        sidebarButton.setAccessibleText("Show the incidents (Ctrl+B)");
        sidebarButton.setFocusTraversable(false); // the keyboard has Ctrl+B
        sidebarButton.setOnAction(e -> toggleSidebar());
        sidebarItem.setId("sidebar-item");
        sidebarItem.setAccelerator(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN));
        sidebarItem.setOnAction(e -> toggleSidebar());
        slots.viewMenu().getItems().addAll(0, List.of(sidebarItem, new SeparatorMenuItem()));
        for (Workspace.Docked d : this.docked) {
            d.panel().shown().addListener((o, was, now) -> shownChanged(d, now));
        }
        drawerKeys();
        root.widthProperty().subscribe(this::measure);
        sidebarButton.fontProperty().subscribe(this::measure);
        root.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.focusOwnerProperty().subscribe(this::focusMoved);
            }
        });
        apply(Mode.WIDE);
    }

    /**
     * @param widthPx the window's width, in CSS pixels
     * @param fontPx the window's text size, in CSS pixels
     * @return the layout that fits
     */
    static Mode modeFor(double widthPx, double fontPx) {
        double em = widthPx / fontPx;
        return em >= WIDE_EM ? Mode.WIDE : em >= SINGLE_EM ? Mode.COMPACT : Mode.SINGLE;
    }

    /** @return the layout in use */
    Mode mode() {
        return mode;
    }

    /**
     * Shows or hides the incidents sidebar (Ctrl+B): in the wide layout it docks on the left or
     * hides; otherwise it opens as a drawer over the timeline, with the keyboard in the incident
     * list, and closes on Escape, on choosing an incident, or when the focus leaves it.
     */
    void toggleSidebar() {
        if (mode == Mode.WIDE) {
            sidebarHidden = !sidebarHidden;
            placeSidebar();
            if (!sidebarHidden) {
                incidentList.requestFocus();
            }
        } else if (drawerOpen) {
            closeDrawer();
        } else {
            Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
            drawerOpen = true;
            placeSidebar();
            focusBeforeDrawer = focus;
            incidentList.requestFocus();
        }
    }

    /** Makes sure the timeline is on screen (selects its tab in the single-column layout). */
    void revealTimeline() {
        if (tabs.getTabs().contains(timelineTab)) {
            tabs.getSelectionModel().select(timelineTab);
        }
    }

    /**
     * Selects a side panel's tab where side panels are tabs, or the timeline's tab ("timeline") in
     * the single-column layout.
     *
     * @param id the side panel's id, or "timeline"
     * @return whether it is a tab now and was selected
     */
    boolean showDocked(String id) {
        if ("timeline".equals(id) && tabs.getTabs().contains(timelineTab)) {
            revealTimeline();
            return true;
        }
        for (Workspace.Docked d : docked) {
            Tab tab = dockTabs.get(d);
            if (d.panel().id().equals(id) && tab != null && tabs.getTabs().contains(tab)) {
                tabs.getSelectionModel().select(tab);
                return true;
            }
        }
        return false;
    }

    private void measure() {
        double w = root.getWidth();
        double font = sidebarButton.getFont().getSize();
        if (w > 0 && font > 0) {
            Mode m = modeFor(w, font);
            if (m != mode) {
                apply(m);
            }
        }
    }

    private void apply(Mode m) {
        Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (split.getItems().size() > 1) {
            dividers = split.getDividerPositions();
        }
        boolean hasTabs = split.getItems().contains(tabs);
        mode = m;
        single.set(m == Mode.SINGLE);
        if (m == Mode.WIDE) {
            drawerOpen = false;
        }
        root.getStyleClass().removeAll(COMPACT_CLASS, SINGLE_CLASS);
        if (m != Mode.WIDE) {
            root.getStyleClass().add(COMPACT_CLASS);
        }
        if (m == Mode.SINGLE) {
            root.getStyleClass().add(SINGLE_CLASS);
        }
        placeSidebar();
        for (Workspace.Docked d : docked) {
            dock(d, m == Mode.WIDE || !hasTabs);
        }
        placeTimeline(m == Mode.SINGLE && hasTabs, focus);
        dataDir.setVisible(m == Mode.WIDE);
        dataDir.setManaged(m == Mode.WIDE);
        if (focus != null
                && focus.getScene() != null
                && focus != focus.getScene().getFocusOwner()) {
            focus.requestFocus(); // a moved node lost the focus: it gets it back
        }
    }

    private void placeTimeline(boolean inTab, Node focus) {
        if (inTab && !tabs.getTabs().contains(timelineTab)) {
            boolean focusInTabs = focus != null && inside(focus, tabs);
            split.getItems().remove(timeline);
            timelineTab.setContent(timeline);
            tabs.getTabs().add(0, timelineTab);
            if (!focusInTabs) {
                tabs.getSelectionModel().select(timelineTab); // the capture bar stays on screen
            }
        } else if (!inTab && tabs.getTabs().contains(timelineTab)) {
            tabs.getTabs().remove(timelineTab);
            timelineTab.setContent(null);
            split.getItems().add(0, timeline);
            if (dividers != null && dividers.length == split.getItems().size() - 1) {
                split.setDividerPositions(dividers);
            }
        }
    }

    private void dock(Workspace.Docked d, boolean beside) {
        Tab tab = dockTabs.computeIfAbsent(d, ShellLayout::tabFor);
        StackPane pane = d.pane();
        if (beside) {
            if (tabs.getTabs().remove(tab)) {
                ((ScrollPane) tab.getContent()).setContent(null);
            }
            pane.setMinHeight(Region.USE_COMPUTED_SIZE);
            pane.visibleProperty().unbind();
            pane.visibleProperty().bind(d.panel().shown());
            pane.getChildren().forEach(c -> widen(c, false));
            if (!sidePanels.getChildren().contains(pane)) {
                sidePanels
                        .getChildren()
                        .setAll(docked.stream()
                                .map(Workspace.Docked::pane)
                                .filter(p ->
                                        p == pane || sidePanels.getChildren().contains(p))
                                .toList());
            }
        } else if (!tabs.getTabs().contains(tab)) {
            sidePanels.getChildren().remove(pane);
            pane.visibleProperty().unbind();
            pane.visibleProperty().bind(tab.selectedProperty()); // built the first time its tab shows
            pane.getChildren().forEach(c -> widen(c, true));
            pane.setMinHeight(Region.USE_PREF_SIZE); // a short window scrolls the tab, never squeezes it
            ((ScrollPane) tab.getContent()).setContent(pane);
            tabs.getTabs().add(tab);
        }
    }

    private static Tab tabFor(Workspace.Docked d) {
        String id = d.panel().id();
        Tab tab = new Tab(Character.toUpperCase(id.charAt(0)) + id.substring(1));
        tab.setId(id + "-tab");
        tab.setClosable(false);
        ScrollPane scroll = new ScrollPane();
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("side-panel-tab");
        tab.setContent(scroll);
        // a panel built while it is a tab fills the tab
        d.pane()
                .getChildren()
                .subscribe(() -> d.pane().getChildren().forEach(c -> widen(c, scroll.getContent() != null)));
        return tab;
    }

    /** A side panel's own width limit suits a column; in a tab it fills the tab. */
    private static void widen(Node c, boolean fill) {
        if (c instanceof Region r) {
            if (fill) {
                r.getProperties().putIfAbsent("shell.maxWidth", r.getMaxWidth());
                r.setMaxWidth(Double.MAX_VALUE);
            } else if (r.getProperties().get("shell.maxWidth") instanceof Double was) {
                r.setMaxWidth(was);
                r.getProperties().remove("shell.maxWidth");
            }
        }
    }

    private void shownChanged(Workspace.Docked d, boolean now) {
        Tab tab = dockTabs.get(d);
        if (tab == null || !tabs.getTabs().contains(tab)) {
            return;
        }
        if (now && !tab.isSelected()) {
            beforeDocked = tabs.getSelectionModel().getSelectedItem();
            tabs.getSelectionModel().select(tab);
        } else if (!now
                && tab.isSelected()
                && beforeDocked != null
                && tabs.getTabs().contains(beforeDocked)) {
            tabs.getSelectionModel().select(beforeDocked); // Ctrl+Shift+P again: back where the IC was
        }
    }

    private void placeSidebar() {
        boolean docks = mode == Mode.WIDE && !sidebarHidden;
        boolean drawer = !docks && drawerOpen;
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
            StackPane.setAlignment(sidebar, javafx.geometry.Pos.TOP_LEFT);
        }
        sidebar.setMaxWidth(drawer ? Region.USE_PREF_SIZE : Double.MAX_VALUE);
        sidebar.pseudoClassStateChanged(DRAWER, drawer);
        sidebarButton.setVisible(!docks);
        sidebarButton.setManaged(!docks);
        sidebarItem.setSelected(docks || drawer);
    }

    private void closeDrawer() {
        if (!drawerOpen) {
            return;
        }
        drawerOpen = false;
        placeSidebar();
        Node back = focusBeforeDrawer;
        focusBeforeDrawer = null;
        if (back != null && back.getScene() != null) {
            back.requestFocus();
        }
    }

    /** Escape closes the drawer; Enter or a click on an incident opens it and closes the drawer. */
    private void drawerKeys() {
        sidebar.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (drawerOpen
                    && (e.getCode() == KeyCode.ESCAPE
                            || (e.getCode() == KeyCode.ENTER && inside((Node) e.getTarget(), incidentList)))) {
                e.consume();
                closeDrawer();
            }
        });
        incidentList.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (drawerOpen && e.getTarget() instanceof Node n && !(n instanceof javafx.scene.control.ScrollBar)) {
                javafx.application.Platform.runLater(this::closeDrawer);
            }
        });
    }

    private void focusMoved(Node now) {
        if (drawerOpen && now != null && !inside(now, sidebar)) {
            focusBeforeDrawer = null; // the IC went elsewhere on purpose: the focus stays there
            closeDrawer();
        }
    }

    private static boolean inside(Node n, Node ancestor) {
        for (Node a = n; a != null; a = a.getParent()) {
            if (a == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * Banners and header in one scroll pane that takes at most {@link #TOP_SHARE} ({@link
     * #TOP_SHARE_SINGLE} in one column) of the incident pane's height, and only as much as they need.
     */
    private void capTop() {
        VBox pane = (VBox) split.getParent();
        int at = pane.getChildren().indexOf(split);
        List<Node> above = List.copyOf(pane.getChildren().subList(0, at));
        pane.getChildren().removeAll(above);
        VBox content = new VBox();
        content.getChildren().setAll(above);
        ScrollPane top = new FitScroll(content);
        top.setId("incidentTop");
        top.maxHeightProperty()
                .bind(javafx.beans.binding.Bindings.createDoubleBinding(
                        () -> pane.getHeight() * (single.get() ? TOP_SHARE_SINGLE : TOP_SHARE),
                        pane.heightProperty(),
                        single));
        pane.getChildren().add(0, top);
    }

    /**
     * A scroll pane as tall as its content at its width (wrapped lines included), up to its maximum
     * height; beyond that it scrolls.
     */
    private static final class FitScroll extends ScrollPane {
        FitScroll(Parent content) {
            super(content);
            setFitToWidth(true);
            setHbarPolicy(ScrollBarPolicy.NEVER);
            getStyleClass().add("incident-top");
        }

        /** Never squeezed below what it needs (up to its cap) by the workspace below it. */
        @Override
        protected double computeMinHeight(double width) {
            return Math.min(computePrefHeight(width), getMaxHeight());
        }

        @Override
        protected double computePrefHeight(double width) {
            double w = (width >= 0 ? width : getWidth()) - snappedLeftInset() - snappedRightInset();
            return snappedTopInset() + getContent().prefHeight(w > 0 ? w : -1) + snappedBottomInset();
        }
    }
}
