package dev.conn.app;

import static dev.conn.testing.Ui.waitFor;
import static dev.conn.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.comms.ChecklistItem;
import dev.conn.comms.ItemState;
import dev.conn.incident.Audience;
import dev.conn.incident.EventType;
import dev.conn.settings.ChannelSettings;
import dev.conn.settings.SecretRef;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import dev.conn.timeline.TimelineEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Comms tab and composer, in the real window on a real H2 data directory. */
class CommsViewTest extends WindowTest {

    @Test
    void anItemMarkedDoneWithoutANoteTakesOneLine(FxRobot robot) throws Exception {
        new SettingsFile(dataDir).save(Settings.defaults().withAuthorName("Ana Ops"));
        launch(UnaryOperator.identity());
        declareSev1(robot, "Checkout errors in EU");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(robot, "#checklist");
        waitUntil(() -> item(robot, "open-channel") != null);
        robot.interact(() -> {
            ListView<ChecklistItem> list = robot.lookup("#checklist").query();
            list.getItems().stream()
                    .filter(i -> i.id().equals("open-channel"))
                    .findFirst()
                    .ifPresent(i -> {
                        list.scrollTo(0);
                        list.getSelectionModel().select(i);
                    });
        });
        robot.clickOn("#doneButton");
        waitUntil(() -> item(robot, "open-channel").state() == ItemState.DONE);
        WaitForAsyncUtils.waitForFxEvents(5);

        double done = rowHeight(robot, "open-channel");
        double pending = rowHeight(robot, "notify-responders");
        assertThat(done)
                .as(
                        "'Open a bridge/channel' done with no note: one line, not a title over a blank one (a"
                                + " pending row with its countdown is %s px)",
                        pending)
                .isLessThan(pending * 0.8);
    }

    private static double rowHeight(FxRobot robot, String itemId) {
        AtomicReference<Double> out = new AtomicReference<>(0.0);
        robot.interact(() -> robot.lookup("#item-" + itemId)
                .match(n -> n.isVisible())
                .tryQuery()
                .ifPresent(n -> out.set(n.getBoundsInLocal().getHeight())));
        return out.get();
    }

    @Test
    void sev1ChecklistCountsDownTurnsRedAndSendingTicksTheItem(FxRobot robot) throws Exception {
        // a Slack channel whose URL variable is not set: the message waits in the outbox
        new SettingsFile(dataDir)
                .save(Settings.defaults()
                        .withAuthorName("Ana Ops")
                        .withChannels(List.of(ChannelSettings.webhook(
                                "slack-ops",
                                ChannelSettings.Type.SLACK,
                                Audience.RESPONDERS,
                                SecretRef.env("CONN_TEST_UNSET_SLACK_URL")))));
        launch(UnaryOperator.identity());
        declareSev1(robot, "Checkout errors in EU");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(robot, "#checklist");
        waitUntil(() -> item(robot, "notify-responders") != null);
        assertThat(item(robot, "notify-responders").state()).isEqualTo(ItemState.PENDING);
        waitUntil(() -> text(robot, "#countdown-STATUS_PAGE").contains("Status page: in 5:00 (due 14:05 UTC)")
                || text(robot, "#countdown-STATUS_PAGE").contains("Status page: in 4:59 (due 14:05 UTC)"));
        // the row's own countdown moves with the clock while its state stays the same
        String due = text(robot, "#item-notify-responders .comms-due");
        assertThat(due).isNotEmpty();
        clock.advance(Duration.ofSeconds(30));
        waitUntil(() -> !text(robot, "#item-notify-responders .comms-due").equals(due));
        assertThat(item(robot, "notify-responders").state()).isEqualTo(ItemState.PENDING);

        clock.advance(Duration.ofMinutes(4).plusSeconds(40));
        waitUntil(() -> item(robot, "notify-responders").state() == ItemState.OVERDUE);
        waitUntil(() -> text(robot, "#countdown-RESPONDERS").contains("overdue"));
        assertThat(text(robot, "#countdown-RESPONDERS")).startsWith("‼");

        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        waitFor(robot, "#compose-dialog");
        waitUntil(() -> textField(robot, "#subject").getText().contains("Checkout errors in EU"));
        robot.interact(() -> textField(robot, "#promiseMinutes").setText("30"));
        robot.interact(() -> body(robot)
                .setText(body(robot)
                        .getText()
                        .replace("(who is affected, how badly)", "EU card payments fail")
                        .replace("(bridge / channel link)", "#inc-checkout")));
        robot.clickOn("#sendButton");

        waitUntil(() -> robot.lookup("#compose-dialog").tryQuery().isEmpty());
        waitUntil(() -> item(robot, "notify-responders").state() == ItemState.DONE);
        waitUntil(() -> timelineTypes(robot).contains(EventType.MESSAGE_QUEUED));
        // a countdown that cannot pass for a clock time, and the time promised beside it
        waitUntil(() -> text(robot, "#countdown-RESPONDERS").contains("(promised"));
        assertThat(text(robot, "#countdown-RESPONDERS"))
                .matches(".*Responders and leadership: in (29:\\d\\d|30:00) \\(promised 14:35 UTC\\)");
        waitUntil(() -> text(robot, "#outboxStatus").equals("1 message waiting"));

        // Quit asks as the close button does: the message must not be forgotten
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        javafx.scene.control.Button keep = dev.conn.testing.Ui.dialogButton(robot, "Keep Conn open");
        robot.interact(keep::fire);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(stage.isShowing()).isTrue();
    }

    @Test
    void ctrlMThenEnterQueuesNothingAndTheComposerNamesEachPlaceholderLeft(FxRobot robot) throws Exception {
        saveSlackAndStatusPage();
        launch(UnaryOperator.identity());
        declareSev1(robot, "Checkout errors in EU");

        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        waitFor(robot, "#compose-dialog");
        waitUntil(() -> body(robot).getText().contains("(who is affected, how badly)"));
        waitUntil(() -> body(robot).isFocused());
        robot.type(KeyCode.ENTER);
        robot.interact(() -> robot.lookup("#subject").query().requestFocus());
        robot.type(KeyCode.ENTER);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#compose-dialog").tryQuery()).isPresent();
        assertThat(text(robot, "#compose-placeholders"))
                .contains("(who is affected, how badly)", "(bridge / channel link)", "(time)");
        robot.clickOn("#sendButton");
        waitUntil(() -> text(robot, "#compose-error").contains("placeholders"));
        assertThat(text(robot, "#compose-error"))
                .contains("(who is affected, how badly)", "(bridge / channel link)", "(time)");

        // the public status page's template: its "(time)" is a placeholder too
        // (the choice asks, in a window of its own, whether to replace the edited text)
        javafx.application.Platform.runLater(() -> comboBox(robot)
                .setValue(comboBox(robot).getItems().stream()
                        .filter(t -> t.name().equals("statuspage-investigating"))
                        .findFirst()
                        .orElseThrow()));
        javafx.scene.control.Button replace = dev.conn.testing.Ui.dialogButton(robot, "Replace message");
        robot.interact(replace::fire);
        waitUntil(() -> body(robot).getText().startsWith("We are investigating"));
        robot.clickOn("#sendButton");
        waitUntil(() -> text(robot, "#compose-error").contains("(time)"));
        assertThat(timelineTypes(robot)).doesNotContain(EventType.MESSAGE_QUEUED);
    }

    @Test
    void typingAPromiseNeverOverwritesTheEditedMessageAndCtrlEnterQueuesIt(FxRobot robot) throws Exception {
        saveSlackAndStatusPage();
        launch(UnaryOperator.identity());
        declareSev1(robot, "Checkout errors in EU");

        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        waitFor(robot, "#compose-dialog");
        waitUntil(() -> body(robot).getText().contains("(who is affected, how badly)"));
        String edited = "Impact: every EU card payment fails\nWhere to join: #inc-checkout\nNext update at (time).";
        robot.interact(() -> body(robot).setText(edited));
        robot.clickOn("#promiseMinutes").write("20");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(body(robot).getText())
                .isEqualTo("Impact: every EU card payment fails\nWhere to join: #inc-checkout\nNext update at 14:20"
                        + " UTC.");
        assertThat(text(robot, "#compose-placeholders")).isEmpty();
        robot.clickOn("#body");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#compose-dialog").tryQuery().isEmpty());
        waitUntil(() -> timelineTypes(robot).contains(EventType.MESSAGE_QUEUED));
    }

    @Test
    void theStatusPageSubjectIsNeverTheInternalTitleAndTheLastPublicHeadlineIsOfferedAgain(FxRobot robot)
            throws Exception {
        saveSlackAndStatusPage();
        launch(UnaryOperator.identity());
        declareSev1(robot, "Checkout errors in EU");

        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        waitFor(robot, "#compose-dialog");
        chooseTemplate(robot, "statuspage-investigating");
        waitUntil(() -> body(robot).getText().startsWith("We are investigating"));
        assertThat(textField(robot, "#subject").getText()).doesNotContain("Checkout errors in EU");
        assertThat(text(robot, "#compose-placeholders")).contains("(public headline");
        robot.interact(() -> {
            textField(robot, "#subject").setText("Delays in card payments");
            body(robot)
                    .setText(body(robot)
                            .getText()
                            .replace("(what customers see, in their words)", "failed card payments"));
        });
        robot.clickOn("#promiseMinutes").write("30");
        robot.clickOn("#sendButton");
        waitUntil(() -> robot.lookup("#compose-dialog").tryQuery().isEmpty());

        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        waitFor(robot, "#compose-dialog");
        chooseTemplate(robot, "statuspage-identified");
        waitUntil(() -> body(robot).getText().startsWith("The issue has been identified"));
        assertThat(textField(robot, "#subject").getText()).isEqualTo("Delays in card payments");
    }

    @Test
    void theChecklistAndTheStatusPageCountdownShowTheSamePromiseAsACountdownBesideItsTime(FxRobot robot)
            throws Exception {
        saveSlackAndStatusPage();
        launch(UnaryOperator.identity());
        declareSev1(robot, "Checkout errors in EU");
        clock.advance(Duration.ofMinutes(3));
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        waitFor(robot, "#compose-dialog");
        chooseTemplate(robot, "statuspage-investigating");
        waitUntil(() -> body(robot).getText().startsWith("We are investigating"));
        robot.interact(() -> {
            textField(robot, "#subject").setText("Delays in card payments");
            body(robot)
                    .setText(body(robot)
                            .getText()
                            .replace("(what customers see, in their words)", "failed card payments"));
        });
        robot.clickOn("#promiseMinutes").write("30");
        robot.clickOn("#sendButton");
        waitUntil(() -> robot.lookup("#compose-dialog").tryQuery().isEmpty());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(robot, "#checklist");

        clock.advance(Duration.ofMinutes(10)); // 14:13: the scoping update's own 10 minutes are past

        waitUntil(() -> text(robot, "#countdown-STATUS_PAGE").contains("in 20:00 (promised 14:33 UTC)"));
        waitUntil(() -> item(robot, "statuspage-scoping") != null);
        assertThat(item(robot, "statuspage-scoping").state()).isEqualTo(ItemState.PENDING);
        waitUntil(() -> dueShown(robot, "statuspage-scoping").equals("in 20:00 (promised 14:33 UTC)"));
        assertThat(text(robot, "#countdown-STATUS_PAGE")).doesNotContain("overdue");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeOpensForTheSelectedChecklistItemAndSendingTicksThatItem(FxRobot robot) throws Exception {
        saveSlackAndStatusPage();
        launch(UnaryOperator.identity());
        declareSev1(robot, "Checkout errors in EU");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(robot, "#checklist");
        waitUntil(() -> item(robot, "statuspage-investigating") != null);
        ListView<ChecklistItem> list = robot.lookup("#checklist").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel()
                .select(list.getItems().stream()
                        .filter(i -> i.id().equals("statuspage-investigating"))
                        .findFirst()
                        .orElseThrow()));

        robot.interact(() -> javafx.application.Platform.runLater(
                () -> robot.lookup("#composeButton").queryButton().fire()));
        waitFor(robot, "#compose-dialog");

        waitUntil(() -> body(robot).getText().startsWith("We are investigating"));
        assertThat(text(robot, "#compose-item")).isEqualTo("Post to status page: investigating");
        assertThat(comboBox(robot).getValue().name()).isEqualTo("statuspage-investigating");
        assertThat(robot.lookup("#audience")
                        .queryAs(javafx.scene.control.ComboBox.class)
                        .getValue())
                .isEqualTo(Audience.STATUS_PAGE);
        robot.interact(() -> {
            textField(robot, "#subject").setText("Delays in card payments");
            body(robot)
                    .setText(body(robot)
                            .getText()
                            .replace("(what customers see, in their words)", "failed card payments"));
        });
        robot.clickOn("#promiseMinutes").write("30");
        robot.clickOn("#sendButton");
        waitUntil(() -> robot.lookup("#compose-dialog").tryQuery().isEmpty());
        waitUntil(() -> item(robot, "statuspage-investigating").state() == ItemState.DONE);
    }

    private static String dueShown(FxRobot robot, String itemId) {
        AtomicReference<String> out = new AtomicReference<>("");
        // scrolled to, as a user would: the checklist may hold more items than it shows
        robot.interact(() -> {
            ListView<ChecklistItem> list = robot.lookup("#checklist").query();
            list.getItems().stream()
                    .filter(i -> i.id().equals(itemId))
                    .findFirst()
                    .ifPresent(list::scrollTo);
        });
        robot.interact(() -> robot.lookup("#item-" + itemId + " .comms-due")
                .tryQuery()
                .ifPresent(n -> out.set(((Label) n).getText())));
        return out.get();
    }

    /** Chooses a template whose text replaces an unedited message (no question asked). */
    private static void chooseTemplate(FxRobot robot, String name) {
        robot.interact(() -> comboBox(robot)
                .setValue(comboBox(robot).getItems().stream()
                        .filter(t -> t.name().equals(name))
                        .findFirst()
                        .orElseThrow()));
    }

    private void saveSlackAndStatusPage() throws Exception {
        new SettingsFile(dataDir)
                .save(Settings.defaults()
                        .withAuthorName("Ana Ops")
                        .withChannels(List.of(
                                ChannelSettings.webhook(
                                        "slack-ops",
                                        ChannelSettings.Type.SLACK,
                                        Audience.RESPONDERS,
                                        SecretRef.env("CONN_TEST_UNSET_SLACK_URL")),
                                ChannelSettings.statuspage(
                                        "statuspage",
                                        "page1",
                                        SecretRef.env("CONN_TEST_UNSET_STATUSPAGE_KEY"),
                                        "http://127.0.0.1:9",
                                        java.util.Map.of()))));
    }

    private static javafx.scene.control.TextArea body(FxRobot robot) {
        return robot.lookup("#body").queryAs(javafx.scene.control.TextArea.class);
    }

    @SuppressWarnings("unchecked")
    private static javafx.scene.control.ComboBox<dev.conn.comms.MessageTemplates.Template> comboBox(FxRobot robot) {
        return robot.lookup("#template").queryAs(javafx.scene.control.ComboBox.class);
    }

    @Test
    void aSendInterruptedByACrashAsksTheUserAndMarkSentRecordsIt(FxRobot robot) throws Exception {
        new SettingsFile(dataDir).save(Settings.defaults().withAuthorName("Ana Ops"));
        try (dev.conn.platform.db.Database db = dev.conn.platform.db.Database.open(dataDir)) {
            dev.conn.incident.EventStore store = dev.conn.incident.EventStore.jdbc(
                    db.dataSource(), List.of(new dev.conn.comms.store.JdbcOutboxProjection()));
            dev.conn.incident.IncidentService incidents = new dev.conn.incident.IncidentService(store, clock);
            dev.conn.incident.IncidentId id = incidents
                    .declare(
                            new dev.conn.incident.Declaration(
                                    "Checkout errors",
                                    dev.conn.incident.Severity.SEV1,
                                    "",
                                    java.util.Optional.empty(),
                                    "Ana Ops"),
                            "Ana Ops")
                    .incidentId();
            store.setActiveIncident(id);
            dev.conn.comms.store.JdbcOutbox outbox = new dev.conn.comms.store.JdbcOutbox(db.dataSource());
            queue(incidents, outbox, id, "Ana Ops");
            // Conn died mid-send: it held the lease (already expired by the app's clock) and marked
            // the row in flight
            dev.conn.comms.DispatchLease dead = new dev.conn.comms.store.JdbcDispatchLease(
                    db.dataSource(),
                    java.time.Clock.offset(clock, java.time.Duration.ofHours(-1)),
                    dev.conn.comms.DispatchLease.Owner.thisProcess("a Conn window that died"),
                    java.time.Duration.ofSeconds(15));
            long token = ((dev.conn.comms.DispatchLease.Claim.Held) dead.claim()).token();
            outbox.markInFlight(outbox.queued().get(0).seq(), token);
        }
        launch(UnaryOperator.identity());
        waitUntil(() -> "Checkout errors".equals(text(robot, "#titleLabel")));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(robot, "#checklist");
        waitUntil(() -> robot.lookup("#unknownDeliveries").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<dev.conn.comms.OutboxMessage> unknown = (ListView<dev.conn.comms.OutboxMessage>)
                robot.lookup("#unknownDeliveries").query();
        waitUntil(() -> unknown.getItems().size() == 1);
        // one timeline row per message, saying where its delivery stands (issue 14 item 11)
        try {
            waitUntil(() -> messageRows(robot).size() == 1
                    && messageRows(robot).get(0).contains(". Delivery unknown (Conn stopped while sending"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("rows: " + messageRows(robot), e);
        }
        assertThat(messageRows(robot).get(0)).startsWith("Message to slack-ops: We are investigating.");
        // select and press in one go: the outbox list may be refreshed between two robot steps
        robot.interact(() -> {
            unknown.getSelectionModel().select(0);
            robot.lookup("#markSentButton").queryButton().fire();
        });
        waitUntil(() -> unknown.getItems().isEmpty());
        waitUntil(() -> messageRows(robot).get(0).contains("Sent at "));
        assertThat(messageRows(robot)).singleElement().satisfies(t -> assertThat(t)
                .matches("Message to slack-ops: We are investigating\\. Sent at"
                        + " \\d\\d:\\d\\d:\\d\\d UTC \\(marked sent by user\\)"));
        assertThat(timelineTypes(robot))
                .doesNotContain(EventType.MESSAGE_SENT, EventType.MESSAGE_DELIVERY_UNKNOWN)
                .containsOnlyOnce(EventType.MESSAGE_QUEUED);
    }

    /** The texts of the timeline's message rows, newest first. */
    private static List<String> messageRows(FxRobot robot) {
        AtomicReference<List<String>> out = new AtomicReference<>();
        @SuppressWarnings("unchecked")
        ListView<TimelineEntry> list = robot.lookup("#timelineList").queryAs(ListView.class);
        robot.interact(() -> out.set(list.getItems().stream()
                .filter(e -> e.type().label().equals("Message"))
                .map(TimelineEntry::text)
                .toList()));
        return out.get();
    }

    @Test
    void aSecondWindowSaysTheOtherWindowSendsAndTakesOverWhenItCloses(FxRobot robot) throws Exception {
        new SettingsFile(dataDir)
                .save(Settings.defaults()
                        .withAuthorName("Ana Ops")
                        .withChannels(List.of(ChannelSettings.webhook(
                                "slack-ops",
                                ChannelSettings.Type.SLACK,
                                Audience.RESPONDERS,
                                SecretRef.env("CONN_TEST_UNSET_SLACK_URL")))));
        // another Conn window on the same data directory holds the lease (its heartbeat keeps it)
        dev.conn.comms.DispatchLease.Owner ben =
                dev.conn.comms.DispatchLease.Owner.thisProcess("Conn window of Ben Ops");
        long token;
        try (dev.conn.platform.db.Database db = dev.conn.platform.db.Database.open(dataDir)) {
            token = ((dev.conn.comms.DispatchLease.Claim.Held)
                            new dev.conn.comms.store.JdbcDispatchLease(db.dataSource(), clock, ben, Duration.ofHours(1))
                                    .claim())
                    .token();
            dev.conn.incident.EventStore store = dev.conn.incident.EventStore.jdbc(
                    db.dataSource(), List.of(new dev.conn.comms.store.JdbcOutboxProjection()));
            dev.conn.incident.IncidentService incidents = new dev.conn.incident.IncidentService(store, clock);
            dev.conn.incident.IncidentId id = incidents
                    .declare(
                            new dev.conn.incident.Declaration(
                                    "Checkout errors",
                                    dev.conn.incident.Severity.SEV1,
                                    "",
                                    java.util.Optional.empty(),
                                    "Ben Ops"),
                            "Ben Ops")
                    .incidentId();
            store.setActiveIncident(id);
            queue(incidents, new dev.conn.comms.store.JdbcOutbox(db.dataSource()), id, "Ben Ops");
        }
        launch(UnaryOperator.identity());
        waitUntil(() -> "Checkout errors".equals(text(robot, "#titleLabel")));
        dev.conn.platform.db.Database shared = dev.conn.platform.db.Database.open(dataDir);
        try {
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
            waitFor(robot, "#checklist");
            waitUntil(() -> text(robot, "#outboxStatus").equals("1 message waiting: the other Conn window sends them"));
            waitUntil(() -> text(robot, "#outboxSender").startsWith("Messages are sent by the other Conn window"));
            assertThat(text(robot, "#outboxSender")).contains("Conn window of Ben Ops");

            new dev.conn.comms.store.JdbcDispatchLease(shared.dataSource(), clock, ben, Duration.ofHours(1))
                    .release(token); // the other window closes
            // this window takes over at its dispatcher's next poll, which announces the change
            waitUntil(() -> {
                clock.advance(Duration.ofSeconds(1));
                return text(robot, "#outboxStatus").equals("1 message waiting");
            });
            waitUntil(() -> !robot.lookup("#outboxSender").query().isVisible());
        } finally {
            shared.close();
        }
    }

    @Test
    void channelsEditorRefusesAPastedSecretAndSendTestNamesTheMissingReference(FxRobot robot) throws Exception {
        launchAs("Ana Ops");
        robot.interact(() -> ((javafx.scene.control.MenuItem)
                        robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                                .filter(m -> "Comms".equals(m.getText()))
                                .findFirst()
                                .orElseThrow()
                                .getItems()
                                .stream()
                                .filter(i -> "channelsMenuItem".equals(i.getId()))
                                .findFirst()
                                .orElseThrow())
                .fire());
        waitFor(robot, "#channels-dialog");
        robot.interact(() -> {
            textField(robot, "#channel-id").setText("slack-ops");
            textField(robot, "#channel-url").setText("https://hooks.slack.com/services/T0/B0/SECRETTOKEN");
        });
        robot.clickOn("#channel-test");
        waitUntil(() -> text(robot, "#channel-result").contains("write a reference"));
        assertThat(text(robot, "#channel-result")).doesNotContain("SECRETTOKEN");

        robot.interact(() -> textField(robot, "#channel-url").setText("env:CONN_TEST_UNSET_SLACK_URL"));
        robot.clickOn("#channel-test");
        waitUntil(() -> text(robot, "#channel-result").startsWith("Not sent"));
        assertThat(text(robot, "#channel-result")).contains("CONN_TEST_UNSET_SLACK_URL");
    }

    /** Queues "We are investigating" to slack-ops as another Conn process would. */
    private void queue(
            dev.conn.incident.IncidentService incidents,
            dev.conn.comms.Outbox outbox,
            dev.conn.incident.IncidentId id,
            String author) {
        new dev.conn.comms.CommsService(incidents.log(), outbox, new dev.conn.comms.OutboxWatch(outbox))
                .execute(
                        id,
                        new dev.conn.comms.CommsCommand.QueueMessage(
                                java.util.UUID.randomUUID(),
                                Audience.RESPONDERS,
                                List.of("slack-ops"),
                                "We are investigating",
                                "Checkout errors in EU",
                                null,
                                java.util.Optional.empty(),
                                java.util.Optional.empty()),
                        author);
    }

    private void declareSev1(FxRobot robot, String title) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        TextField field = (TextField) waitFor(robot, "#declare-title");
        robot.interact(() -> field.setText(title));
        robot.clickOn("#declare-sev1");
        robot.clickOn("#declare-confirm");
        waitUntil(() -> title.equals(text(robot, "#titleLabel")));
    }

    @SuppressWarnings("unchecked")
    private static ChecklistItem item(FxRobot robot, String id) {
        AtomicReference<ChecklistItem> out = new AtomicReference<>();
        robot.interact(() -> out.set(((ListView<ChecklistItem>)
                        robot.lookup("#checklist").query())
                .getItems().stream().filter(i -> i.id().equals(id)).findFirst().orElse(null)));
        return out.get();
    }

    private static List<EventType> timelineTypes(FxRobot robot) {
        AtomicReference<List<EventType>> out = new AtomicReference<>();
        robot.interact(() -> out.set(robot.lookup("#timelineList").queryAs(ListView.class).getItems().stream()
                .map(e -> ((TimelineEntry) e).event().type())
                .toList()));
        return out.get();
    }

    private static TextField textField(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class);
    }

    private static String text(FxRobot robot, String query) {
        AtomicReference<String> out = new AtomicReference<>();
        robot.interact(() -> out.set(
                robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("")));
        return out.get();
    }
}
