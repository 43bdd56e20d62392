package dev.conn.app;

import static dev.conn.testing.Ui.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.command.Responder;
import dev.conn.platform.fx.DialogStyler;
import dev.conn.settings.DesktopSettings;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import dev.conn.shell.MainWindowView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The layout audit of issue 14: the main window with each workspace tab, and every dialog, in the
 * dark, light and projector themes at 100 % and 200 % text, the window at 1280×720, 1366×768 and
 * 1920×1080. A state fails when {@link LayoutAudit} finds text cut off or a control outside the
 * window. Each state is saved as a PNG under {@code target/layout-audit/} for a person to look at.
 * Dialogs size themselves to the screen, not to the main window, so they are audited once per look,
 * kept inside a 1280×720 screen (the smallest audited; the headless screen itself is 1920×1080).
 */
class LayoutAuditTest extends WindowTest {
    private static final Path OUT = Path.of("target", "layout-audit");

    private static final String TITLE = "Checkout errors for EU card payments after the payment provider's failover"
            + " — Zahlungsfehler in Deutschland, España and Österreich";
    /** Starts with "Bob": the hand-off goes to him. */
    private static final String RESPONDER = "Bob Example-Longname François-Éloïse Dubois-Gutiérrez";

    private static final int[][] SIZES = {{1280, 720}, {1366, 768}, {1920, 1080}};
    private static final int[] SMALL_SCREEN = SIZES[0];
    /**
     * Workspace tabs; "people" is a tab only where the window is too narrow for its column, and
     * "timeline" only where it is too narrow for two columns.
     */
    private static final String[] PANELS = {"comms", "impact", "postmortem", "history", "people", "timeline"};

    /** Menu actions that open a dialog, by their palette names. */
    private static final String[] DIALOGS = {
        "Declare incident",
        "Compose message",
        "Message channels",
        "Settings",
        "Manage monitoring sources",
        "Add impact query",
        "Offer hand-off",
        "Acknowledge hand-off",
        "Assign task",
        "Assign role",
        "Add responder",
        "Command palette",
        "Keyboard shortcuts",
        "Show alerts",
        "About Conn",
    };

    private record Look(String name, Settings.Theme theme, boolean projector, double scale) {}

    private static final List<Look> LOOKS = List.of(
            new Look("dark", Settings.Theme.DARK, false, 1.0),
            new Look("dark", Settings.Theme.DARK, false, 2.0),
            new Look("light", Settings.Theme.LIGHT, false, 1.0),
            new Look("light", Settings.Theme.LIGHT, false, 2.0),
            new Look("projector", Settings.Theme.DARK, true, 1.0),
            new Look("projector", Settings.Theme.DARK, true, 2.0));

    @org.junit.jupiter.api.AfterEach
    void screenAsItIs() {
        DialogStyler.confineTo(null);
    }

    @Test
    void noTextIsCutOffAndNothingLiesOutsideTheWindowInAnyAuditedState(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        prepareIncident(robot);
        List<String> faults = new ArrayList<>();
        int states = 0;
        // -Daudit.looks=dark-200,projector-100 audits only those looks (while fixing; the suite audits all)
        String only = System.getProperty("audit.looks", "");
        for (Look look : LOOKS) {
            if (!only.isEmpty()
                    && !List.of(only.split(",")).contains(look.name() + "-" + Math.round(look.scale() * 100))) {
                continue;
            }
            relaunch(look);
            showPeople(robot);
            String prefix = look.name() + "-" + Math.round(look.scale() * 100);
            // -Daudit.noMain=true audits the dialogs only (while fixing them)
            for (int[] size : Boolean.getBoolean("audit.noMain") ? new int[0][] : SIZES) {
                robot.interact(() -> {
                    stage.setX(0);
                    stage.setY(0);
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                // the window's size arrives from the platform later; then the scene has it
                waitUntil(() -> stage.getScene().getWidth() == size[0]
                        && stage.getScene().getHeight() == size[1]
                        && stage.getScene().getRoot().getLayoutBounds().getWidth() == size[0]);
                for (String panel : PANELS) {
                    AtomicReference<Boolean> shown = new AtomicReference<>();
                    robot.interact(() -> shown.set(view().showPanel(panel)));
                    if (!shown.get()) {
                        continue; // a column beside every tab, audited with them
                    }
                    settle();
                    faults.addAll(audit(robot, stage.getScene(), prefix + "-" + size[0] + "x" + size[1] + "-" + panel));
                    states++;
                }
                if (robot.lookup("#sidebarButton")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false)) {
                    // the incidents sidebar folded away: audit it as the drawer Ctrl+B opens
                    robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
                    waitUntil(() -> robot.lookup("#incidentList").tryQuery().isPresent());
                    settle();
                    faults.addAll(
                            audit(robot, stage.getScene(), prefix + "-" + size[0] + "x" + size[1] + "-incidents"));
                    states++;
                    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
                    waitUntil(() -> robot.lookup("#incidentList").tryQuery().isEmpty());
                }
            }
            robot.interact(() -> {
                stage.setWidth(1366);
                stage.setHeight(768);
            });
            // dialogs are kept inside the smallest audited screen, 1280×720, not the headless 1920×1080
            DialogStyler.confineTo(new javafx.geometry.Rectangle2D(0, 0, SMALL_SCREEN[0], SMALL_SCREEN[1]));
            for (String dialog : Boolean.getBoolean("audit.noDialogs") ? new String[0] : DIALOGS) {
                states += auditDialog(robot, dialog, prefix, faults);
            }
        }
        DialogStyler.confineTo(null);
        List<java.util.regex.Pattern> known = knownFaults();
        List<String> fresh = faults.stream()
                .filter(f -> known.stream().noneMatch(k -> k.matcher(f).find()))
                .toList();
        List<String> stale = known.stream()
                .filter(k -> faults.stream().noneMatch(f -> k.matcher(f).find()))
                .map(java.util.regex.Pattern::pattern)
                .toList();
        System.out.println("layout audit: " + states + " states audited, " + faults.size() + " faults ("
                + (faults.size() - fresh.size()) + " known, listed in layout-audit-known.txt); PNGs in "
                + OUT.toAbsolutePath());
        faults.forEach(f -> System.out.println("layout audit: " + f));
        java.nio.file.Files.write(OUT.resolve("faults.txt"), faults);
        assertThat(fresh).as("new layout faults in %d audited states", states).isEmpty();
        if (only.isEmpty() && !Boolean.getBoolean("audit.noDialogs") && !Boolean.getBoolean("audit.noMain")) {
            assertThat(stale)
                    .as("known faults that no longer occur: remove them from the list")
                    .isEmpty();
        }
    }

    /**
     * The faults known on this branch and not fixed yet, one regular expression a line (lines
     * starting with # are reasons). Each must still occur (a fixed fault must leave the list), and
     * nothing outside the list may.
     */
    private static List<java.util.regex.Pattern> knownFaults() throws java.io.IOException {
        try (var in = LayoutAuditTest.class.getResourceAsStream("layout-audit-known.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(java.util.regex.Pattern::compile)
                    .toList();
        }
    }

    private int auditDialog(FxRobot robot, String action, String prefix, List<String> faults) throws Exception {
        robot.interact(
                () -> assertThat(view().fireMenuAction(action)).as(action).isTrue());
        Window w = waitForDialog();
        settle();
        String base = prefix + "-dialog-" + action.toLowerCase(Locale.ROOT).replace(' ', '-');
        int states = 0;
        @SuppressWarnings("unchecked")
        ListView<String> sections = robot.lookup("#settings-sections")
                .match(n -> n.getScene() == w.getScene())
                .tryQueryAs(ListView.class)
                .orElse(null);
        if (sections != null) { // the settings dialog: each section
            for (int i = 0; i < sections.getItems().size(); i++) {
                int section = i;
                robot.interact(() -> sections.getSelectionModel().select(section));
                settle();
                faults.addAll(audit(
                        robot,
                        w.getScene(),
                        base + "-"
                                + sections.getItems()
                                        .get(section)
                                        .toLowerCase(Locale.ROOT)
                                        .replace(' ', '-')));
                states++;
            }
        } else {
            faults.addAll(audit(robot, w.getScene(), base));
            states++;
        }
        robot.interact(w::hide);
        waitUntil(() -> !w.isShowing());
        settle();
        return states;
    }

    private Window waitForDialog() throws TimeoutException {
        AtomicReference<Window> found = new AtomicReference<>();
        waitUntil(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != stage
                        && w.isShowing()
                        && w.getScene() != null
                        && w.getScene().getRoot() != null) {
                    found.set(w);
                }
            }
            return found.get() != null;
        });
        return found.get();
    }

    private List<String> audit(FxRobot robot, Scene scene, String state) throws Exception {
        AtomicReference<List<String>> out = new AtomicReference<>();
        robot.interact(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            out.set(LayoutAudit.problems(scene).stream()
                    .map(p -> state + ": " + p)
                    .toList());
            try {
                LayoutAudit.save(scene, OUT.resolve(state + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return out.get();
    }

    private void relaunch(Look look) throws Exception {
        context.close();
        context = null;
        new SettingsFile(dataDir)
                .save(Settings.defaults()
                        .withAuthorName("Ana Ops")
                        .withTheme(look.theme())
                        .withDesktop(DesktopSettings.defaults()
                                .withFontScale(look.scale())
                                .withProjector(look.projector())));
        launch(java.util.function.UnaryOperator.identity());
        settle();
    }

    private void showPeople(FxRobot robot) throws TimeoutException {
        if (!robot.lookup("#addResponderButton")
                .tryQuery()
                .map(dev.conn.testing.Ui::shown)
                .orElse(false)) {
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
            waitUntil(() -> robot.lookup("#addResponderButton")
                    .tryQuery()
                    .map(dev.conn.testing.Ui::shown)
                    .orElse(false));
        }
    }

    /** Fires a button after this call returns: a button that opens a dialog waits for it to close. */
    private static void fireLater(FxRobot robot, String query) {
        robot.interact(
                () -> javafx.application.Platform.runLater(robot.lookup(query).queryButton()::fire));
    }

    private MainWindowView view() {
        return context.mainWindowForTests();
    }

    private static void settle() {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /**
     * Skips the first checklist item with a long reason: the row's note (a skip reason, the subject
     * of the message that ticked it, who took a role) is the longest text a checklist row shows.
     */
    @SuppressWarnings("unchecked")
    private void skipFirstChecklistItem(FxRobot robot) throws Exception {
        robot.interact(() -> view().showPanel("comms"));
        ListView<dev.conn.comms.ChecklistItem> checklist =
                robot.lookup("#checklist").queryAs(ListView.class);
        waitUntil(() -> !checklist.getItems().isEmpty());
        robot.interact(() -> checklist.getSelectionModel().select(0));
        fireLater(robot, "#skipButton");
        TextField reason = (TextField) waitFor(robot, "#skip-reason");
        robot.interact(
                () -> reason.setText("the war room bridge #inc-payments-eu-checkout-failover was already open from"
                        + " the provider's maintenance window; everyone joined there (Zoë, François, 山田)"));
        robot.interact(
                () -> javafx.application.Platform.runLater(((javafx.scene.control.Button) robot.lookup("#skip-dialog")
                        .queryAs(javafx.scene.control.DialogPane.class)
                        .lookupButton(javafx.scene.control.ButtonType.OK))::fire));
        waitUntil(() -> checklist.getItems().stream().anyMatch(i -> i.state() == dev.conn.comms.ItemState.SKIPPED));
    }

    /**
     * An incident as real ones read: a long title with non-ASCII letters, a responder with a long
     * name, a long task, long entries, a checklist item skipped with a long reason, and a hand-off
     * waiting for its ACK.
     */
    @SuppressWarnings("unchecked")
    private void prepareIncident(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        TextField title = (TextField) waitFor(robot, "#declare-title");
        robot.interact(() -> title.setText(TITLE));
        robot.interact(() -> robot.lookup("#declare-summary")
                .queryTextInputControl()
                .setText("Since the payment provider's failover at 07:55 UTC, about 12 % of card payments at checkout"
                        + " in the EU (Deutschland, España, France, Österreich) fail with a gateway timeout; PayPal,"
                        + " SEPA and invoices are unaffected. We rolled the provider's configuration back at 08:20 and"
                        + " are watching the error rate."));
        robot.clickOn("#declare-sev1");
        robot.clickOn("#declare-confirm");
        waitUntil(() -> robot.lookup("#titleLabel").tryQuery().isPresent()
                && label(robot, "#titleLabel").getText().startsWith("Checkout"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#addResponderButton")
                .tryQuery()
                .map(dev.conn.testing.Ui::shown)
                .orElse(false));
        fireLater(robot, "#addResponderButton");
        TextField name = (TextField) waitFor(robot, "#responder-name");
        robot.interact(() -> name.setText(RESPONDER));
        fireLater(robot, "#responder-add");
        ListView<Object> roster = robot.lookup("#rosterList").queryAs(ListView.class);
        waitUntil(() -> !roster.getItems().isEmpty());

        fireLater(robot, "#assignTaskButton");
        ComboBox<Responder> person = (ComboBox<Responder>) waitFor(robot, "#task-person");
        robot.interact(() -> person.setValue(person.getItems().get(0)));
        robot.interact(() -> robot.lookup("#task-text")
                .queryAs(TextField.class)
                .setText("check the database failover on the payments cluster (eu-central-1 and eu-west-3) and report"
                        + " the replication lag and any stuck transactions"));
        fireLater(robot, "#task-confirm");
        ListView<Object> tasks = robot.lookup("#taskList").queryAs(ListView.class);
        waitUntil(() -> tasks.getItems().size() == 1);

        for (String note : List.of(
                "Error rate on checkout at 12 % since the failover; EU customers cannot pay with cards",
                "/decision roll back the payment provider's configuration to yesterday's version",
                // a long word with no space to break at, as a pasted link is
                "https://grafana.example.com/d/payments-eu-checkout/payments-checkout-overview?orgId=1&from=now-3h"
                        + "&to=now&var-region=eu-central-1",
                "Short note")) {
            robot.interact(
                    () -> robot.lookup("#captureField").queryTextInputControl().setText(note));
            robot.interact(() -> robot.lookup("#captureField").query().requestFocus());
            robot.type(KeyCode.ENTER);
            waitUntil(() -> robot.lookup("#captureField")
                    .queryTextInputControl()
                    .getText()
                    .isEmpty());
        }

        skipFirstChecklistItem(robot);

        fireLater(robot, "#offerHandoffButton");
        ComboBox<Responder> to = (ComboBox<Responder>) waitFor(robot, "#choice-person");
        robot.interact(() -> to.setValue(to.getItems().stream()
                .filter(r -> r.name().startsWith("Bob"))
                .findFirst()
                .orElseThrow()));
        fireLater(robot, "#choice-confirm");
        waitFor(robot, "#brief-dialog");
        waitUntil(() -> robot.lookup("#copy-confirm")
                .tryQuery()
                .map(dev.conn.testing.Ui::shown)
                .orElse(false));
        fireLater(robot, "#copy-confirm");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        waitUntil(() -> robot.lookup("#handoffBanner").query().isVisible());
    }
}
