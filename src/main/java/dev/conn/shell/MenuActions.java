package dev.conn.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/**
 * Every action of the main window, read from its menu bar when asked: so the command palette and
 * the cheat sheet cover the menus that features add through {@code ShellContribution} without a
 * hand-kept list.
 */
public final class MenuActions {
    private MenuActions() {}

    /**
     * One menu item that runs something.
     *
     * @param menu the menu path, e.g. "People" (mnemonic underscores removed)
     * @param name the item's text without a trailing ellipsis, e.g. "Declare incident"
     * @param shortcut the accelerator, if any
     * @param item the menu item (fired to run the action)
     */
    public record Action(String menu, String name, Optional<KeyCombination> shortcut, MenuItem item) {
        /** @return the shortcut as shown to the user ("Ctrl+N"), or "" */
        public String shortcutText() {
            return shortcut.map(KeyCombination::getDisplayText).orElse("");
        }

        /** @return whether it can run now (enabled) */
        public boolean available() {
            return !item.isDisable();
        }

        /** Runs the action as a click on its menu item would (a check item toggles). */
        public void run() {
            if (item instanceof CheckMenuItem check) {
                check.setSelected(!check.isSelected());
            }
            item.fire();
        }
    }

    /**
     * Runs a menu action by its exact name, as if chosen from the menu (later, on the FX thread,
     * so a dialog that asked for it has closed first).
     *
     * @param bar the menu bar
     * @param name the action's name as the palette lists it (a trailing "…" is ignored)
     * @return whether such an action exists
     */
    static boolean fire(MenuBar bar, String name) {
        Optional<Action> action = of(bar).stream()
                .filter(a -> a.name().equals(name.replace("…", "").strip()))
                .findFirst();
        action.ifPresent(a -> javafx.application.Platform.runLater(a::run));
        return action.isPresent();
    }

    /**
     * @param bar the menu bar
     * @param id a menu item's id
     * @return the first item of a top-level menu with that id, if any
     */
    static Optional<MenuItem> item(MenuBar bar, String id) {
        return bar.getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId()))
                .findFirst();
    }

    /**
     * @param bar the menu bar
     * @return every item with an action, in menu order (sub-menus flattened, separators skipped)
     */
    public static List<Action> of(MenuBar bar) {
        List<Action> out = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            collect(plain(m.getText()), m, out);
        }
        return out;
    }

    private static void collect(String path, Menu menu, List<Action> out) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof SeparatorMenuItem || item.getText() == null) {
                continue;
            }
            if (item instanceof Menu sub) {
                collect(path + " › " + plain(sub.getText()), sub, out);
            } else if (item.getOnAction() != null) {
                out.add(new Action(path, name(item.getText()), Optional.ofNullable(item.getAccelerator()), item));
            }
        }
    }

    /**
     * The actions matching a palette query, best first.
     *
     * @param actions all actions
     * @param query what the user typed (blank: all, in menu order)
     * @return the matches; the menu name counts too ("people add" finds "Add responder")
     */
    public static List<Action> find(List<Action> actions, String query) {
        record Scored(Action action, int score, int index) {}
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            OptionalInt byName = FuzzyMatch.score(query, a.name());
            OptionalInt withMenu = FuzzyMatch.score(query, a.menu() + " " + a.name());
            int s = byName.isPresent()
                    ? byName.getAsInt()
                    : withMenu.isPresent() ? withMenu.getAsInt() / 2 : Integer.MIN_VALUE;
            if (s != Integer.MIN_VALUE) {
                scored.add(new Scored(a, s, i));
            }
        }
        scored.sort(Comparator.comparingInt((Scored s) -> -s.score()).thenComparingInt(Scored::index));
        return scored.stream().map(Scored::action).toList();
    }

    static String plain(String text) {
        return text == null ? "" : text.replace("_", "");
    }

    static String name(String text) {
        String t = plain(text).strip();
        return t.endsWith("…") ? t.substring(0, t.length() - 1).strip() : t;
    }
}
