package dev.conn.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The main window's responsive shell. How many columns fit is measured in em of the window's text
 * size (the window's width divided by its font size), so 200 % text on a 1280-pixel window gets the
 * layout of a 640-pixel one:
 *
 * <ul>
 *   <li>{@link Mode#WIDE} (at least {@link #WIDE_EM} em): incidents sidebar, timeline beside the
 *       workspace tabs, People panel on the right;
 *   <li>{@link Mode#COMPACT}: the sidebar is hidden (Ctrl+B or the ☰ button opens it as a drawer over
 *       the timeline: {@link SidebarDrawer}), the People panel is a workspace tab;
 *   <li>{@link Mode#SINGLE} (under {@link #SINGLE_EM} em): as compact, and the timeline is a
 *       workspace tab too, so one column has the whole width.
 * </ul>
 *
 * Switching moves the same nodes, so nothing is lost: selection, scroll position, typed text, the
 * workspace divider, and the focus (it is handed back to the node that had it). In every mode the
 * banners and the incident header take at most 40 % of the height and scroll beyond it ({@link
 * IncidentTop}), so the timeline keeps its rows. FX thread only.
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

    private static final String COMPACT_CLASS = "shell-compact";
    private static final String SINGLE_CLASS = "shell-single";
    private static final String MAX_WIDTH = "shell.maxWidth";

    private final BorderPane root;
    private final SplitPane split;
    private final TabPane tabs;
    private final Pane sidePanels;
    private final Node timeline;
    private final Node dataDir;
    private final List<Workspace.Docked> docked;
    private final Map<Workspace.Docked, Tab> dockTabs = new HashMap<>();
    private final Tab timelineTab = new Tab("Timeline");
    private final BooleanProperty single = new SimpleBooleanProperty();
    private final SidebarDrawer sidebar;
    private Mode mode;
    private boolean remeasureQueued;
    private double[] dividers;
    private Tab beforeDocked;

    /**
     * Takes over the window's layout: the sidebar ({@code root}'s left, see {@link SidebarDrawer}),
     * the banners and header ({@link IncidentTop}), the workspace split (timeline first) and its
     * tabs, the side panels, the status bar's data directory.
     *
     * @param root the window's root, its left the sidebar, its top the menu bar, its centre a stack
     *     pane whose first child is the incident pane (banners, header, workspace split) and whose
     *     last is the toast area
     * @param slots the window's View menu, workspace split (the timeline, then the tabs if any
     *     feature has a panel), workspace tabs and side panel column
     * @param docked the features' side panels, in order
     * @param dataDir the status bar's data directory (shown only in the wide layout; About names it)
     */
    ShellLayout(BorderPane root, Workspace.Slots slots, List<Workspace.Docked> docked, Node dataDir) {
        this.root = root;
        this.split = slots.split();
        this.tabs = slots.tabs();
        this.sidePanels = slots.sidePanels();
        this.timeline = split.getItems().get(0);
        this.dataDir = dataDir;
        this.docked = List.copyOf(docked);
        this.sidebar = new SidebarDrawer(root, slots.viewMenu());
        timelineTab.setId("timeline-tab");
        timelineTab.setClosable(false);
        IncidentTop.install(split, single);
        // the toasts sit over the timeline's corner: while another tab has the one column, they wait
        // (the status bar's badge still counts the alerts), never covering that tab's controls
        StackPane center = (StackPane) root.getCenter();
        center.getChildren()
                .get(center.getChildren().size() - 1)
                .visibleProperty()
                .bind(single.not().or(timelineTab.selectedProperty()));
        for (Workspace.Docked d : this.docked) {
            d.panel().shown().addListener((o, was, now) -> shownChanged(d, now));
        }
        root.widthProperty().subscribe(this::measure);
        sidebar.button().fontProperty().subscribe(this::measure);
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

    /** Makes sure the timeline is on screen (selects its tab in the single-column layout). */
    void revealTimeline() {
        sidebar.close();
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
        Mode m = fitting();
        if (m != null && m != mode && !remeasureQueued) {
            // the font arrives in a CSS pass and the width in a layout pass; moving nodes between
            // parents inside either pass breaks JavaFX's walk over the children (Node.reapplyCss
            // indexes a list that shrank), so the move waits for the pass to end
            remeasureQueued = true;
            Platform.runLater(() -> {
                remeasureQueued = false;
                Mode now = fitting();
                if (now != null && now != mode) {
                    apply(now);
                }
            });
        }
    }

    /** The layout that fits the window now, or null before the window has a size and a font. */
    private Mode fitting() {
        double w = root.getWidth();
        double font = sidebar.button().getFont().getSize();
        return w > 0 && font > 0 ? modeFor(w, font) : null;
    }

    private void apply(Mode m) {
        Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (split.getItems().size() > 1) {
            dividers = split.getDividerPositions();
        }
        boolean hasTabs = split.getItems().contains(tabs);
        mode = m;
        single.set(m == Mode.SINGLE);
        root.getStyleClass().removeAll(COMPACT_CLASS, SINGLE_CLASS);
        if (m != Mode.WIDE) {
            root.getStyleClass().add(COMPACT_CLASS);
        }
        if (m == Mode.SINGLE) {
            root.getStyleClass().add(SINGLE_CLASS);
        }
        sidebar.dockable(m == Mode.WIDE);
        for (Workspace.Docked d : docked) {
            dock(d, m == Mode.WIDE || !hasTabs, focus);
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
            boolean focusInTabs = focus != null && SidebarDrawer.inside(focus, tabs);
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

    private void dock(Workspace.Docked d, boolean beside, Node focus) {
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
            if (focus != null && SidebarDrawer.inside(focus, pane)) {
                tabs.getSelectionModel().select(tab); // the IC was working in it: it stays on screen
            }
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
                r.getProperties().putIfAbsent(MAX_WIDTH, r.getMaxWidth());
                r.setMaxWidth(Double.MAX_VALUE);
            } else if (r.getProperties().get(MAX_WIDTH) instanceof Double was) {
                r.setMaxWidth(was);
                r.getProperties().remove(MAX_WIDTH);
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
}
