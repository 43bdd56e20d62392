package dev.conn.app;

import static dev.conn.testing.Ui.waitFor;
import static dev.conn.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conn.incident.ActionItemKind;
import dev.conn.incident.ActionItemStatus;
import dev.conn.incident.Declaration;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Severity;
import dev.conn.postmortem.ActionItem;
import dev.conn.postmortem.PostmortemCommand;
import dev.conn.postmortem.PostmortemService;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The integrations in the real window (issue 16): Create ticket on the Postmortem tab, with Jira
 * configured in {@code settings.json} and played by a loopback server answering as Jira Cloud's
 * REST API v3 documents ("Create issue",
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-post,
 * its 201 example). The token reference is {@code env:PATH}, a variable every test process has,
 * because the app reads the real environment; the loopback server accepts any token.
 */
class IntegrationsViewTest extends WindowTest {
    private static final String CREATED = "{\"id\":\"10000\",\"key\":\"ED-24\","
            + "\"self\":\"https://your-domain.atlassian.net/rest/api/3/issue/10000\"}";

    private final MockWebServer jira = new MockWebServer();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopJira() throws Exception {
        jira.shutdown();
    }

    private void launchWithJira(boolean configured) throws Exception {
        launchWithJira(configured, null);
    }

    private void launchWithJira(boolean configured, String integrations) throws Exception {
        jira.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                requests.add(r.getMethod() + " " + r.getPath());
                if (r.getPath().startsWith("/v2/enqueue")) {
                    return new MockResponse()
                            .setResponseCode(202)
                            .setHeader("Content-Type", "application/json")
                            .setBody("{\"status\":\"success\",\"message\":\"Event processed\"}");
                }
                return new MockResponse()
                        .setResponseCode(r.getMethod().equals("POST") ? 201 : 200)
                        .setHeader("Content-Type", "application/json")
                        .setBody(r.getMethod().equals("POST") ? CREATED : "{\"isLast\":true,\"issues\":[]}");
            }
        });
        jira.start(InetAddress.getByName("127.0.0.1"), 0);
        String base = jira.url("/").toString().replaceAll("/$", "");
        Settings settings = Settings.defaults().withAuthorName("alice");
        if (configured) {
            settings = settings.withIntegrations(new ObjectMapper()
                    .readTree("{\"jira\": {\"baseUrl\": \"" + base + "\", \"email\": \"conn-bot@example.com\","
                            + " \"apiToken\": \"env:PATH\", \"projectKey\": \"ED\"},"
                            + " \"pagerDuty\": {\"eventsUrl\": \"" + base + "/v2/enqueue\", \"targets\": [{\"id\":"
                            + " \"payments-oncall\", \"name\": \"Payments on-call\", \"integrationKey\":"
                            + " \"env:PATH\"}]}}"));
        }
        if (integrations != null) {
            settings = settings.withIntegrations(new ObjectMapper().readTree(integrations));
        }
        new SettingsFile(dataDir).save(settings);
        launch(java.util.function.UnaryOperator.identity(), () -> {
            IncidentId id = context.incidents()
                    .declare(
                            new Declaration(
                                    "DNS cache leak", Severity.SEV1, "", Optional.of(T0.minusSeconds(900)), "alice"),
                            "alice")
                    .incidentId();
            new PostmortemService(context.incidents())
                    .execute(
                            id,
                            new PostmortemCommand.AddActionItem(new ActionItem(
                                    ActionItem.newId(),
                                    "Alert on resolver memory",
                                    ActionItemKind.PREVENT,
                                    "",
                                    Optional.empty(),
                                    "",
                                    ActionItemStatus.OPEN,
                                    Optional.empty(),
                                    false)),
                            "alice");
        });
        robot().press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(robot(), "#pm-summary");
    }

    private long requestsOfType(EventType type) {
        return context.incidents().incidents().stream()
                .mapToLong(st -> context.incidents()
                        .events(st.id(), java.util.Set.of(type))
                        .size())
                .sum();
    }

    private static FxRobot robot() {
        return new FxRobot();
    }

    @Test
    void createTicketCreatesTheJiraIssueOnceAndShowsItsLinkBesideTheItem(FxRobot robot) throws Exception {
        launchWithJira(true);
        @SuppressWarnings("unchecked")
        ListView<ActionItem> items = robot.lookup("#pm-action-items").queryAs(ListView.class);
        waitUntil(() -> items.getItems().size() == 1);
        Button create = robot.lookup("#pm-ai-create-ticket").queryAs(Button.class);
        assertThat(create.isDisabled()).isFalse();

        robot.interact(() -> {
            items.getSelectionModel().select(0);
            create.fire();
        });

        String link = jira.url("/browse/ED-24").toString();
        waitUntil(() ->
                items.getItems().size() == 1 && items.getItems().get(0).ticket().equals(link));
        assertThat(requests).filteredOn(r -> r.startsWith("POST")).containsExactly("POST /rest/api/3/issue");
        assertThat(context.incidents().incidents().stream()
                        .flatMap(st ->
                                context
                                        .incidents()
                                        .events(st.id(), java.util.Set.of(EventType.TICKET_REQUESTED))
                                        .stream()))
                .hasSize(1);
        // asked again: refused in words, nothing sent
        robot.interact(() -> {
            items.getSelectionModel().select(0);
            create.fire();
        });
        waitUntil(
                () -> robot.lookup("#pm-message").queryAs(Label.class).getText().contains("has a ticket already"));
        assertThat(requests).filteredOn(r -> r.startsWith("POST")).hasSize(1);
    }

    @Test
    void pageSendsATriggerFromThePeoplePanelAndTheResolutionResolvesIt(FxRobot robot) throws Exception {
        launchWithJira(true);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(robot, "#page-button");

        robot.clickOn("#page-button");
        waitFor(robot, "#page-text");
        robot.interact(() -> robot.lookup("#page-text")
                .queryAs(javafx.scene.control.TextField.class)
                .setText("join the bridge"));
        robot.clickOn("#page-send");

        @SuppressWarnings("unchecked")
        ListView<dev.conn.command.Pages.Page> pages =
                robot.lookup("#pages-list").queryAs(ListView.class);
        waitUntil(() -> pages.getItems().size() == 1 && pages.getItems().get(0).paged());
        assertThat(dev.conn.command.ui.PagingViewModel.describe(pages.getItems().get(0)))
                .isEqualTo("Payments on-call: paged at 14:00 UTC, not acknowledged yet");
        assertThat(requests).filteredOn(r -> r.startsWith("POST /v2/enqueue")).hasSize(1);

        // resolving the incident resolves the page
        robot.clickOn("#resolveButton");
        robot.clickOn(dev.conn.testing.Ui.dialogButton(robot, "Resolve incident"));
        waitUntil(() -> requestsOfType(dev.conn.incident.EventType.PAGE_REQUESTED) == 2);
        clock.advance(java.time.Duration.ofSeconds(1)); // past PagerDuty's pacing per integration key
        try {
            waitUntil(() ->
                    pages.getItems().size() == 1 && pages.getItems().get(0).resolved());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(
                    "not resolved: " + requests + " " + pages.getItems() + " "
                            + context.incidents().incidents().stream()
                                    .flatMap(st -> context.incidents().timeline(st.id()).stream())
                                    .map(ev -> ev.type() + "")
                                    .toList(),
                    e);
        }
        assertThat(requests).filteredOn(r -> r.startsWith("POST /v2/enqueue")).hasSize(2);
    }

    @Test
    void integrationsSettingsThatDoNotReadAreNamedWhereTheUserActs(FxRobot robot) throws Exception {
        launchWithJira(
                false,
                "{\"jira\": {\"baseUrl\": \"https://example.atlassian.net\","
                        + " \"email\": \"conn-bot@example.com\", \"apiToken\": \"env:JIRA_API_TOKEN\"}}");

        assertThat(robot.lookup("#pm-ai-create-ticket").queryAs(Button.class).isDisabled())
                .isTrue();
        assertThat(robot.lookup("#pm-ai-tickets-hint").queryAs(Label.class).getText())
                .startsWith("The integrations settings cannot be read: ")
                .contains("integrations.jira.projectKey");
    }

    @Test
    void withoutATrackerTheTicketButtonsAreOffAndTheRowSaysWhatToConfigure(FxRobot robot) throws Exception {
        launchWithJira(false);

        assertThat(robot.lookup("#pm-ai-create-ticket").queryAs(Button.class).isDisabled())
                .isTrue();
        assertThat(robot.lookup("#pm-ai-tickets-hint").queryAs(Label.class).isVisible())
                .isTrue();
    }
}
