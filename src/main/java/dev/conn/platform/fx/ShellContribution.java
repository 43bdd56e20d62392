package dev.conn.platform.fx;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.input.KeyCombination;

/**
 * What a feature adds to the main window, so the shell stays one place that knows every feature
 * and no feature edits the shell: panels in the workspace beside the timeline, menus, and items in
 * the status bar. Built in the composition root ({@code AppContext}).
 *
 * @param panels workspace tabs, in order
 * @param menus menus inserted before the View menu, in order
 * @param statusItems nodes shown in the status bar, left of the data directory
 */
public record ShellContribution(List<WorkspacePanel> panels, List<Menu> menus, List<Node> statusItems) {
    /** Copies the lists. */
    public ShellContribution {
        panels = List.copyOf(panels);
        menus = List.copyOf(menus);
        statusItems = List.copyOf(statusItems);
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
}
