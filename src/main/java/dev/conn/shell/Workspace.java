package dev.conn.shell;

import dev.conn.platform.fx.SettingsSection;
import dev.conn.platform.fx.ShellContribution;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

/**
 * Puts the features' contributions into the main window, in the order the composition root lists
 * the features: menus before View, workspace tabs (each view built the first time its tab is
 * selected, its shortcut listed in the View menu), status-bar and header items, banners above the
 * header, side panels on the right (shown while their feature asks, built the first time they
 * show; {@link ShellLayout} makes them tabs where the window is narrow), settings sections; and runs their hooks: once ready, before closing, on close. FX thread,
 * except {@link #closeAll()}.
 */
final class Workspace {
    private static final Logger LOG = Logger.getLogger(Workspace.class.getName());

    private final List<ShellContribution> contributions;
    private final TabPane tabs;
    private final List<Docked> docked = new ArrayList<>();

    /**
     * A feature's side panel and the pane that holds it; {@link ShellLayout} puts the pane beside
     * the workspace or into a workspace tab, and decides when it shows (it is built the first time
     * it does).
     */
    record Docked(ShellContribution.SidePanel panel, StackPane pane) {}

    /** The window's slots the features fill. */
    record Slots(
            MenuBar menuBar,
            Menu viewMenu,
            SplitPane split,
            TabPane tabs,
            Pane statusItems,
            Pane banners,
            Pane sidePanels,
            Consumer<Node> headerItems) {}

    /**
     * Installs the contributions into the slots.
     *
     * @param contributions the features' contributions, in order
     * @param slots where they go
     */
    Workspace(List<ShellContribution> contributions, Slots slots) {
        this.contributions = List.copyOf(contributions);
        this.tabs = slots.tabs();
        int viewIndex = slots.menuBar().getMenus().indexOf(slots.viewMenu());
        boolean firstPanel = true;
        for (ShellContribution c : this.contributions) {
            for (javafx.scene.control.Menu m : c.menus()) {
                java.util.Optional<javafx.scene.control.Menu> same = slots.menuBar().getMenus().stream()
                        .filter(x ->
                                x.getText().replace("_", "").equals(m.getText().replace("_", "")))
                        .findFirst();
                if (same.isPresent()) {
                    mergeInto(same.get(), m); // e.g. Incident > War room… joins the shell's Incident menu
                } else {
                    slots.menuBar().getMenus().add(viewIndex++, m);
                }
            }
            slots.statusItems().getChildren().addAll(c.statusItems());
            c.headerItems().forEach(slots.headerItems());
            slots.banners().getChildren().addAll(c.banners());
            for (ShellContribution.SidePanel p : c.sidePanels()) {
                docked.add(new Docked(p, sidePanel(p)));
                slots.sidePanels()
                        .getChildren()
                        .add(docked.get(docked.size() - 1).pane());
            }
            for (ShellContribution.WorkspacePanel p : c.panels()) {
                tabs.getTabs().add(tab(p));
                if (firstPanel) {
                    slots.viewMenu().getItems().add(new SeparatorMenuItem());
                    firstPanel = false;
                }
                MenuItem show = new MenuItem("Show " + p.title());
                show.setAccelerator(p.shortcut());
                show.setOnAction(e -> showPanel(p.id()));
                slots.viewMenu().getItems().add(show);
            }
        }
        if (tabs.getTabs().isEmpty()) {
            slots.split().getItems().remove(tabs);
        } else {
            slots.split().setDividerPositions(0.55);
        }
    }

    private static Tab tab(ShellContribution.WorkspacePanel p) {
        Tab tab = new Tab(p.title());
        tab.setId(p.id() + "-tab");
        tab.setUserData(p);
        tab.selectedProperty().subscribe(selected -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(p.view().get());
            }
        });
        return tab;
    }

    private static StackPane sidePanel(ShellContribution.SidePanel p) {
        StackPane pane = new StackPane();
        pane.setId(p.id());
        pane.visibleProperty().bind(p.shown()); // beside the workspace; ShellLayout rebinds it in a tab
        pane.managedProperty().bind(pane.visibleProperty());
        pane.visibleProperty().subscribe(visible -> {
            if (visible && pane.getChildren().isEmpty()) {
                pane.getChildren().setAll(p.view().get());
            }
        });
        return pane;
    }

    /**
     * Selects a workspace tab, building its view if needed, and focuses it.
     *
     * @param id the panel's id
     * @return whether a panel with that id exists
     */
    boolean showPanel(String id) {
        for (Tab tab : tabs.getTabs()) {
            if (tab.getUserData() instanceof ShellContribution.WorkspacePanel p && p.id().equals(id)) {
                tabs.getSelectionModel().select(tab);
                if (tab.getContent() == null) {
                    tab.setContent(p.view().get());
                }
                tab.getContent().requestFocus();
                return true;
            }
        }
        return false;
    }

    /** @return the features' side panels and their panes, in order */
    List<Docked> docked() {
        return List.copyOf(docked);
    }

    /** @return the features' settings sections, in order, each built when the dialog opens */
    List<Supplier<SettingsSection>> settingsSections() {
        List<Supplier<SettingsSection>> out = new ArrayList<>();
        contributions.forEach(c -> out.addAll(c.settingsSections()));
        return out;
    }

    /** Runs every feature's ready hook (the active incident is on screen). */
    void ready() {
        contributions.forEach(c -> c.onReady().run());
    }

    /**
     * Asks every feature whether the window may close; stops at the first that says no (it may
     * have asked the user).
     *
     * @return true if every feature agrees
     */
    boolean mayClose() {
        for (ShellContribution c : contributions) {
            if (!c.mayClose().getAsBoolean()) {
                return false;
            }
        }
        return true;
    }

    /** Runs every feature's close hook, off the FX thread; one that fails does not stop the others. */
    void closeAll() {
        for (ShellContribution c : contributions) {
            try {
                c.onClose().run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a feature failed to close", e);
            }
        }
    }

    /**
     * Adds a feature's items to a menu of the same name the shell has, before its last separator
     * (so Quit stays last).
     */
    private static void mergeInto(javafx.scene.control.Menu into, javafx.scene.control.Menu from) {
        int at = into.getItems().size();
        for (int i = into.getItems().size() - 1; i >= 0; i--) {
            if (into.getItems().get(i) instanceof javafx.scene.control.SeparatorMenuItem) {
                at = i;
                break;
            }
        }
        List<javafx.scene.control.MenuItem> items = List.copyOf(from.getItems());
        from.getItems().clear(); // an item belongs to one menu: taken out first, it moves without a warning
        into.getItems().addAll(at, items);
    }
}
