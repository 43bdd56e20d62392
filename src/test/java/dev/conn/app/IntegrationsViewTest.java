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
        jira.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                requests.add(r.getMethod() + " " + r.getPath());
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
                            + " \"apiToken\": \"env:PATH\", \"projectKey\": \"ED\"}}"));
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
    void withoutATrackerTheTicketButtonsAreOffAndTheRowSaysWhatToConfigure(FxRobot robot) throws Exception {
        launchWithJira(false);

        assertThat(robot.lookup("#pm-ai-create-ticket").queryAs(Button.class).isDisabled())
                .isTrue();
        assertThat(robot.lookup("#pm-ai-tickets-hint").queryAs(Label.class).isVisible())
                .isTrue();
    }
}
