package dev.conn.app;

import static dev.conn.testing.Ui.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.command.Responder;
import dev.conn.command.ui.PeopleListViewModel;
import dev.conn.incident.EventType;
import dev.conn.testing.Ui;
import dev.conn.timeline.TimelineEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The People panel and the command banners, in the real window on a real H2 data directory. */
class PeopleViewTest extends WindowTest {

    @Test
    void commandPassesToBobOnceHeReadsBackTheCode(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");
        addResponder(robot, "Bob");

        offerCommandTo(robot, "Bob");
        waitUntil(() -> robot.lookup("#handoffBanner").query().isVisible());
        clock.advance(Duration.ofMillis(500));
        waitUntil(() -> List.of("4:59", "5:00").contains(text(robot, "#handoffCountdown")));
        String code = text(robot, "#handoffCode").replaceAll(".*read-back code (\\S+).*", "$1");

        robot.clickOn("#acknowledgeButton");
        TextField field = (TextField) waitFor(robot, "#ack-code");
        robot.interact(() -> field.setText(code));
        robot.clickOn("#ack-confirm");

        waitFor(robot, "#announcement-dialog");
        dialogButton(robot, "Copy announcement"); // waits for the announcement's copy button
        String announcement = robot.lookup("#copy-text")
                .queryAs(javafx.scene.control.TextArea.class)
                .getText();
        // besides Copy, the announcement goes out through a channel, in the composer, editable
        waitUntil(() ->
                robot.lookup("#send-announcement").tryQuery().map(Ui::shown).orElse(false));
        robot.interact(() -> robot.lookup("#send-announcement").queryButton().fire());
        waitFor(robot, "#compose-dialog");
        assertThat(robot.lookup("#subject").queryTextInputControl().getText())
                .isEqualTo("Hand-off: Incident Commander is now Bob");
        assertThat(robot.lookup("#body").queryTextInputControl().getText()).isEqualTo(announcement);
        robot.interact(() ->
                robot.lookup("#compose-dialog").query().getScene().getWindow().hide());
        closeDialog(robot, "Close");
        waitUntil(() -> text(robot, "#commanderLabel").contains("Bob"));
        waitUntil(() -> timelineTypes(robot).contains(EventType.HANDOFF_ACKNOWLEDGED));
        assertThat(timelineTypes(robot)).contains(EventType.HANDOFF_OFFERED);
        assertThat(robot.lookup("#handoffBanner").query().isVisible()).isFalse();

        // the state summary falls due at the hand-off, and the Comms tab says so rather than just turning red
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        clock.advance(Duration.ofSeconds(9));
        waitUntil(() -> robot.lookup("#countdown-STATE_SUMMARY").tryQuery().isPresent()
                && text(robot, "#countdown-STATE_SUMMARY").contains("overdue"));
        assertThat(text(robot, "#countdown-STATE_SUMMARY"))
                .matches("‼ State summary: 0:\\d\\d overdue \\(due at the hand-off of command, 14:00 UTC\\)");
    }

    @Test
    void theBriefCanBeSentThroughAChannelBeforeTheOffer(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");
        addResponder(robot, "Bob");
        robot.clickOn("#offerHandoffButton");
        @SuppressWarnings("unchecked")
        ComboBox<Responder> person = (ComboBox<Responder>) waitFor(robot, "#choice-person");
        robot.interact(() -> person.setValue(person.getItems().stream()
                .filter(r -> r.name().equals("Bob"))
                .findFirst()
                .orElseThrow()));
        robot.clickOn("#choice-confirm");
        waitFor(robot, "#brief-dialog");
        String brief = robot.lookup("#copy-text")
                .queryAs(javafx.scene.control.TextArea.class)
                .getText();
        waitUntil(() -> robot.lookup("#send-brief").tryQuery().map(Ui::shown).orElse(false));

        robot.interact(() -> robot.lookup("#send-brief").queryButton().fire());

        waitFor(robot, "#compose-dialog");
        assertThat(robot.lookup("#subject").queryTextInputControl().getText())
                .isEqualTo("Hand-off brief: Incident Commander to Bob");
        assertThat(robot.lookup("#body").queryTextInputControl().getText()).isEqualTo(brief);
        assertThat(timelineTypes(robot)).doesNotContain(EventType.HANDOFF_OFFERED); // nothing offered yet
    }

    @Test
    void anOfferNotAcknowledgedInFiveMinutesExpiresAndTheCommanderStays(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");
        addResponder(robot, "Bob");
        offerCommandTo(robot, "Bob");
        waitUntil(() -> robot.lookup("#handoffBanner").query().isVisible());

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        waitUntil(() -> robot.lookup("#expiredBanner").query().isVisible());
        assertThat(text(robot, "#expiredText")).contains("Hand-off to Bob expired at 14:05 UTC");
        assertThat(robot.lookup("#handoffBanner").query().isVisible()).isFalse();
        assertThat(text(robot, "#commanderLabel")).contains("Ana Ops");
        waitUntil(() -> timelineTypes(robot).contains(EventType.HANDOFF_EXPIRED));
    }

    @Test
    void theCommanderLeavingWithoutHandOffRaisesTheLeaderlessBanner(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU"); // Ana Ops, the declaring IC, is on the roster
        assertThat(robot.lookup("#leaderlessBanner").query().isVisible()).isFalse();

        ListView<PeopleListViewModel.ResponderRow> roster = roster(robot);
        robot.interact(() -> roster.getSelectionModel().select(0));
        robot.clickOn("#leaveButton");

        waitUntil(() -> robot.lookup("#leaderlessBanner").query().isVisible());
        assertThat(text(robot, "#leaderlessText"))
                .startsWith("No incident commander since 14:00 UTC")
                .endsWith("Assign command or hand off.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDeclaringCommanderIsOnTheRosterTakesATaskAndStaysAfterHandingOff(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");

        waitUntil(() -> names(robot).equals(List.of("Ana Ops ON DUTY")));
        robot.clickOn("#assignTaskButton");
        ComboBox<Responder> person = (ComboBox<Responder>) waitFor(robot, "#task-person");
        assertThat(person.getItems()).extracting(Responder::name).containsExactly("Ana Ops");
        robot.interact(() -> person.setValue(person.getItems().get(0)));
        robot.interact(() -> robot.lookup("#task-text").queryAs(TextField.class).setText("page the DB team"));
        robot.clickOn("#task-confirm");
        ListView<Object> tasks = robot.lookup("#taskList").queryAs(ListView.class);
        waitUntil(() -> tasks.getItems().size() == 1);

        addResponder(robot, "Bob");
        offerCommandTo(robot, "Bob");
        waitUntil(() -> robot.lookup("#handoffBanner").query().isVisible());
        String code = text(robot, "#handoffCode").replaceAll(".*read-back code (\\S+).*", "$1");
        robot.clickOn("#acknowledgeButton");
        TextField field = (TextField) waitFor(robot, "#ack-code");
        robot.interact(() -> field.setText(code));
        robot.clickOn("#ack-confirm");
        waitFor(robot, "#announcement-dialog");
        closeDialog(robot, "Close");
        waitUntil(() -> text(robot, "#commanderLabel").contains("Bob"));

        assertThat(names(robot)).containsExactly("Ana Ops ON DUTY", "Bob ON DUTY");
    }

    @Test
    void resolvingStandsEveryoneDownAndEndsTheFatigueAlerts(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");
        addResponder(robot, "Bob");
        clock.advance(Duration.ofMinutes(91));
        waitUntil(() -> robot.lookup(".fatigue-alert-text").queryAll().size() == 2); // Ana Ops and Bob

        robot.clickOn("#resolveButton");
        robot.clickOn(dialogButton(robot, "Resolve incident"));
        waitUntil(() -> robot.lookup("#resolveButton").queryButton().isDisabled());
        clock.advance(Duration.ofMinutes(200)); // past the hand-off threshold, had duty gone on

        waitUntil(() -> names(robot).equals(List.of("Ana Ops STOOD DOWN", "Bob STOOD DOWN")));
        waitUntil(() -> robot.lookup(".fatigue-alert-text").tryQuery().isEmpty());
        assertThat(timelineTypes(robot).stream().filter(t -> t == EventType.FATIGUE_ALERTED))
                .hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void assigningACommunicationsLeadTicksNameACommunicationsLead(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");
        addResponder(robot, "Bob");

        // (the button may sit beyond the panel's edge at this window size: fired, not clicked)
        javafx.application.Platform.runLater(
                () -> robot.lookup("#assignRoleButton").queryButton().fire());
        ComboBox<dev.conn.incident.Role> role = (ComboBox<dev.conn.incident.Role>) waitFor(robot, "#choice-role");
        robot.interact(() -> role.setValue(dev.conn.incident.Role.COMMUNICATIONS_LEAD));
        ComboBox<Responder> person =
                (ComboBox<Responder>) robot.lookup("#choice-person").query();
        robot.interact(() -> person.setValue(person.getItems().stream()
                .filter(r -> r.name().equals("Bob"))
                .findFirst()
                .orElseThrow()));
        robot.clickOn("#choice-confirm");
        waitUntil(() -> timelineTypes(robot).contains(EventType.ROLE_ASSIGNED));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(robot, "#checklist");
        ListView<dev.conn.comms.ChecklistItem> checklist =
                robot.lookup("#checklist").queryAs(ListView.class);
        waitUntil(() -> checklist.getItems().stream()
                .anyMatch(i -> i.id().equals("comms-lead")
                        && i.state() == dev.conn.comms.ItemState.DONE
                        && i.note().orElse("").equals("Bob is Communications Lead")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCheckBackTaskPreselectsTheOnlyResponderAndEnterSaysWhatIsMissing(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU"); // Ana Ops, the declaring IC, is the only responder

        robot.clickOn("#assignTaskButton");
        ComboBox<Responder> person = (ComboBox<Responder>) waitFor(robot, "#task-person");
        assertThat(person.getValue()).extracting(Responder::name).isEqualTo("Ana Ops");
        TextField task = robot.lookup("#task-text").queryAs(TextField.class);
        waitUntil(task::isFocused);
        robot.type(KeyCode.ENTER); // no task typed yet

        waitUntil(() -> text(robot, "#task-problem").startsWith("Say what the task is"));
        assertThat(robot.lookup("#task-person").tryQuery()).isPresent(); // the dialog stays open
        robot.clickOn(task).write("page the DB team");
        waitUntil(() -> task.getText().equals("page the DB team"));
        robot.type(KeyCode.ENTER);

        try {
            waitUntil(() -> robot.lookup("#task-person").tryQuery().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(
                    text(robot, "#task-problem") + " / " + task.isFocused() + " / " + person.getValue(), e);
        }
        ListView<Object> tasks = robot.lookup("#taskList").queryAs(ListView.class);
        waitUntil(() -> tasks.getItems().size() == 1);
    }

    private static List<String> names(FxRobot robot) {
        AtomicReference<List<String>> out = new AtomicReference<>();
        robot.interact(() -> out.set(roster(robot).getItems().stream()
                .map(r -> r.responder().name() + " " + r.presence())
                .toList()));
        return out.get();
    }

    @Test
    void ninetyOneMinutesOnDutyPromptsABreak(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");
        addResponder(robot, "Bob");

        clock.advance(Duration.ofMinutes(91));

        waitUntil(() -> robot.lookup(".fatigue-alert-text").queryAll().size() == 2); // Bob's and Ana's
        assertThat(robot.lookup(".fatigue-alert-text").queryAllAs(Label.class))
                .extracting(Label::getText)
                .anySatisfy(t -> assertThat(t).contains("Bob").contains("Break suggested"));
        waitUntil(() -> timelineTypes(robot).contains(EventType.FATIGUE_ALERTED));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTasksAcknowledgementAndCompletionRowsSayWhichTask(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        declare(robot, "Checkout errors in EU");
        addResponder(robot, "Bob");
        robot.clickOn("#assignTaskButton");
        ComboBox<Responder> person = (ComboBox<Responder>) waitFor(robot, "#task-person");
        robot.interact(() -> person.setValue(person.getItems().stream()
                .filter(r -> r.name().equals("Bob"))
                .findFirst()
                .orElseThrow()));
        robot.interact(() -> robot.lookup("#task-text").queryAs(TextField.class).setText("check the DB failover"));
        robot.clickOn("#task-confirm");
        ListView<Object> tasks = robot.lookup("#taskList").queryAs(ListView.class);
        waitUntil(() -> tasks.getItems().size() == 1);

        robot.interact(() -> tasks.getSelectionModel().select(0));
        robot.clickOn("#acknowledgeTaskButton");
        waitUntil(() -> timelineTexts(robot).contains("Task acknowledged by Bob: check the DB failover"));
        // (the Done button may sit below the panel's fold at this window size: fired, not clicked)
        robot.interact(() -> {
            tasks.getSelectionModel().select(0);
            robot.lookup("#completeTaskButton").queryButton().fire();
        });
        waitUntil(() ->
                timelineTexts(robot).stream().anyMatch(t -> t.startsWith("Task done: check the DB failover (Bob)")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> timelineTexts(FxRobot robot) {
        AtomicReference<List<String>> out = new AtomicReference<>();
        robot.interact(() -> out.set(robot.lookup("#timelineList").queryAs(ListView.class).getItems().stream()
                .map(e -> ((TimelineEntry) e).text())
                .toList()));
        return out.get();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private void declare(FxRobot robot, String title) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        TextField field = (TextField) waitFor(robot, "#declare-title");
        robot.interact(() -> field.setText(title));
        robot.clickOn("#declare-sev2"); // a severity is a required choice
        robot.clickOn("#declare-confirm");
        waitUntil(() -> title.equals(text(robot, "#titleLabel")));
        // the people panel opens on demand, as an IC would open it
        // not built until first shown (start-up stays fast), or built but hidden
        assertThat(robot.lookup("#addResponderButton").tryQuery().map(Ui::shown))
                .isNotEqualTo(java.util.Optional.of(true));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() ->
                robot.lookup("#addResponderButton").tryQuery().map(Ui::shown).orElse(false));
    }

    private void addResponder(FxRobot robot, String name) throws TimeoutException {
        robot.clickOn("#addResponderButton");
        TextField field = (TextField) waitFor(robot, "#responder-name");
        robot.interact(() -> field.setText(name));
        robot.clickOn("#responder-add");
        waitUntil(() -> roster(robot).getItems().stream()
                .anyMatch(r -> r.responder().name().equals(name)));
    }

    @SuppressWarnings("unchecked")
    private void offerCommandTo(FxRobot robot, String name) throws TimeoutException {
        robot.clickOn("#offerHandoffButton");
        ComboBox<Responder> person = (ComboBox<Responder>) waitFor(robot, "#choice-person");
        robot.interact(() -> person.setValue(person.getItems().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow()));
        robot.clickOn("#choice-confirm");
        waitFor(robot, "#brief-dialog");
        // the brief is read before the offer: nothing is recorded until the holder offers
        assertThat(timelineTypes(robot)).doesNotContain(EventType.HANDOFF_OFFERED);
        String brief = robot.lookup("#copy-text")
                .queryAs(javafx.scene.control.TextArea.class)
                .getText();
        dev.conn.testing.Ui.waitUntil(() -> robot.lookup("#copy-confirm")
                .tryQuery()
                .map(dev.conn.testing.Ui::shown)
                .orElse(false));
        robot.interact(() -> robot.lookup("#copy-confirm").queryButton().fire());
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        waitUntil(() -> robot.lookup("#handoffBanner").query().isVisible());
        String code = text(robot, "#handoffCode").replaceAll(".*read-back code (\\S+).*", "$1");
        assertThat(brief).contains(code); // the code read aloud from the preview is the one to read back
    }

    private void closeDialog(FxRobot robot, String buttonText) throws TimeoutException {
        Button b = dialogButton(robot, buttonText);
        robot.interact(b::fire);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static ListView<PeopleListViewModel.ResponderRow> roster(FxRobot robot) {
        return robot.lookup("#rosterList").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private static List<EventType> timelineTypes(FxRobot robot) {
        AtomicReference<List<EventType>> out = new AtomicReference<>();
        robot.interact(() -> out.set(robot.lookup("#timelineList").queryAs(ListView.class).getItems().stream()
                .map(e -> ((TimelineEntry) e).event().type())
                .toList()));
        return out.get();
    }

    private static String text(FxRobot robot, String query) {
        AtomicReference<String> out = new AtomicReference<>();
        robot.interact(() -> out.set(robot.lookup(query).queryAs(Label.class).getText()));
        return out.get();
    }
}
