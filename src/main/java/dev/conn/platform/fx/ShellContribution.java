package dev.conn.platform.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.input.KeyCombination;

/**
 * What a feature adds to the main window, so the shell stays one place that knows every feature
 * and no feature edits the shell: panels in the workspace beside the timeline, menus, items in the
 * status bar and the incident header, sections of the settings dialog, and what to do once the
 * window is ready, before it may close, and when it closes. Each feature's entry point builds its
 * own; the composition root ({@code AppContext}) only lists the features.
 *
 * @param panels workspace tabs, in order
 * @param menus menus inserted before the View menu, in order
 * @param statusItems nodes shown in the status bar, left of the data directory
 * @param headerItems nodes shown in the incident header, beside the milestones
 * @param settingsSections sections of the settings dialog, built each time it opens
 * @param onReady run on the FX thread once the active incident is on screen (start background
 *     work here: it must not delay the IC's first look)
 * @param mayClose asked on the FX thread before the window closes or Conn quits; false keeps it
 *     open (e.g. messages waiting in the outbox, after asking the user)
 * @param onClose run off the FX thread when Conn closes, before the database is closed (stop
 *     background work); may block briefly
 * @param banners nodes shown above the incident header, full width, in order (loud, persistent
 *     warnings such as "nobody in command"); each shows itself only while it has something to say
 * @param sidePanels panels shown beside the workspace, on the right, while they ask to be
 */
public record ShellContribution(
        List<WorkspacePanel> panels,
        List<Menu> menus,
        List<Node> statusItems,
        List<Node> headerItems,
        List<Supplier<SettingsSection>> settingsSections,
        Runnable onReady,
        BooleanSupplier mayClose,
        Runnable onClose,
        List<Node> banners,
        List<SidePanel> sidePanels) {
    /** Copies the lists; null hooks do nothing; null banner and side panel lists are empty. */
    public ShellContribution {
        panels = List.copyOf(panels);
        menus = List.copyOf(menus);
        statusItems = List.copyOf(statusItems);
        headerItems = List.copyOf(headerItems);
        settingsSections = List.copyOf(settingsSections);
        onReady = onReady == null ? () -> {} : onReady;
        mayClose = mayClose == null ? () -> true : mayClose;
        onClose = onClose == null ? () -> {} : onClose;
        banners = banners == null ? List.of() : List.copyOf(banners);
        sidePanels = sidePanels == null ? List.of() : List.copyOf(sidePanels);
    }

    /**
     * A contribution of panels, menus and status items only.
     *
     * @param panels workspace tabs
     * @param menus menus
     * @param statusItems status bar items
     */
    public ShellContribution(List<WorkspacePanel> panels, List<Menu> menus, List<Node> statusItems) {
        this(panels, menus, statusItems, List.of(), List.of(), null, null, null, List.of(), List.of());
    }

    /** @return a builder for a contribution */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects a feature's additions. */
    public static final class Builder {
        private final List<WorkspacePanel> panels = new ArrayList<>();
        private final List<Menu> menus = new ArrayList<>();
        private final List<Node> statusItems = new ArrayList<>();
        private final List<Node> headerItems = new ArrayList<>();
        private final List<Supplier<SettingsSection>> settingsSections = new ArrayList<>();
        private Runnable onReady;
        private BooleanSupplier mayClose;
        private Runnable onClose;
        private final List<Node> banners = new ArrayList<>();
        private final List<SidePanel> sidePanels = new ArrayList<>();

        private Builder() {}

        /** @param panel a workspace tab @return this */
        public Builder panel(WorkspacePanel panel) {
            panels.add(panel);
            return this;
        }

        /** @param menu a menu @return this */
        public Builder menu(Menu menu) {
            menus.add(menu);
            return this;
        }

        /** @param item a status bar item @return this */
        public Builder statusItem(Node item) {
            statusItems.add(item);
            return this;
        }

        /** @param item an incident header item @return this */
        public Builder headerItem(Node item) {
            headerItems.add(item);
            return this;
        }

        /** @param section builds a settings section each time the dialog opens @return this */
        public Builder settingsSection(Supplier<SettingsSection> section) {
            settingsSections.add(section);
            return this;
        }

        /** @param hook see {@link ShellContribution#onReady()} @return this */
        public Builder onReady(Runnable hook) {
            onReady = hook;
            return this;
        }

        /** @param guard see {@link ShellContribution#mayClose()} @return this */
        public Builder mayClose(BooleanSupplier guard) {
            mayClose = guard;
            return this;
        }

        /** @param hook see {@link ShellContribution#onClose()} @return this */
        public Builder onClose(Runnable hook) {
            onClose = hook;
            return this;
        }

        /** @param banner a node shown above the incident header @return this */
        public Builder banner(Node banner) {
            banners.add(banner);
            return this;
        }

        /** @param panel a panel beside the workspace @return this */
        public Builder sidePanel(SidePanel panel) {
            sidePanels.add(panel);
            return this;
        }

        /** @return the contribution */
        public ShellContribution build() {
            return new ShellContribution(
                    panels,
                    menus,
                    statusItems,
                    headerItems,
                    settingsSections,
                    onReady,
                    mayClose,
                    onClose,
                    banners,
                    sidePanels);
        }
    }

    /**
     * One tab of the workspace. Its view is built the first time the tab is selected, keeping
     * start-up fast.
     *
     * @param id a stable id (the tab's CSS id, and the key of the remembered selection)
     * @param title the tab's title
     * @param shortcut the key that selects the tab (listed in the View menu)
     * @param view builds the tab's content, on the FX thread, once
     */
    public record WorkspacePanel(String id, String title, KeyCombination shortcut, Supplier<Node> view) {
        /** Checks the fields. */
        public WorkspacePanel {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(shortcut, "shortcut");
            Objects.requireNonNull(view, "view");
        }
    }

    /**
     * A panel beside the workspace, on the right (the People panel). The shell shows it while
     * {@code shown} is true and builds its view the first time it shows, keeping start-up fast; the
     * feature decides when it shows (the user's choice, or something in it needing attention).
     *
     * @param id a stable id (the panel container's CSS id)
     * @param view builds the panel's content, on the FX thread, once
     * @param shown true while the panel should be on screen
     */
    public record SidePanel(String id, Supplier<Node> view, ObservableBooleanValue shown) {
        /** Checks the fields. */
        public SidePanel {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(shown, "shown");
        }
    }
}
