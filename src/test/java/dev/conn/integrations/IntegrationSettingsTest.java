package dev.conn.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.conn.incident.EventType;
import dev.conn.platform.json.Json;
import dev.conn.settings.SecretRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code integrations} section of {@code settings.json}: read, defaulted and checked field by field. */
class IntegrationSettingsTest {
    private static final JsonMapper JSON = Json.newMapper();

    /** The example of src/docs/integrations.md. */
    static final String EXAMPLE =
            """
            {
              "ticketTracker": "JIRA",
              "jira": {"baseUrl": "https://example.atlassian.net", "email": "conn-bot@example.com",
                       "apiToken": "env:JIRA_API_TOKEN", "projectKey": "OPS", "labels": ["postmortem"]},
              "github": {"owner": "example", "repo": "platform", "token": "keyring:conn-github",
                         "assignees": {"Mia Krystof": "mia-k"}},
              "linear": {"apiKey": "env:LINEAR_API_KEY", "teamId": "9cfb482a-81e3-4154-b5b9-2c805e70a02d"},
              "pagerDuty": {"restApiKey": "env:PAGERDUTY_REST_KEY",
                            "targets": [{"id": "payments-oncall", "name": "Payments on-call",
                                         "integrationKey": "env:PD_PAYMENTS_KEY"}]},
              "grafana": {"baseUrl": "https://grafana.example.com/", "token": "env:GRAFANA_TOKEN",
                          "dashboardUid": "checkout-overview"}
            }
            """;

    private static IntegrationSettings read(String json) throws Exception {
        return JSON.readValue(json, IntegrationSettings.class);
    }

    @Test
    void theDocumentedExampleReadsWithItsDefaults() throws Exception {
        IntegrationSettings s = read(EXAMPLE);

        assertThat(s.tracker()).contains(TicketRef.Tracker.JIRA);
        assertThat(s.jira().issueType()).isEqualTo("Task");
        assertThat(s.github().apiBase()).isEqualTo("https://api.github.com");
        assertThat(s.github().loginFor("mia krystof")).contains("mia-k");
        assertThat(s.github().loginFor("@octocat")).contains("octocat");
        assertThat(s.github().loginFor("Bob")).isEmpty();
        assertThat(s.linear().apiUrl()).isEqualTo("https://api.linear.app/graphql");
        assertThat(s.pagerDuty().eventsUrl()).isEqualTo("https://events.pagerduty.com/v2/enqueue");
        assertThat(s.grafana().baseUrl()).isEqualTo("https://grafana.example.com");
        assertThat(s.grafana().eventTypes())
                .containsExactly(
                        EventType.INCIDENT_DECLARED,
                        EventType.SEVERITY_CHANGED,
                        EventType.STATUS_CHANGED,
                        EventType.ACTION_TAKEN,
                        EventType.MITIGATED,
                        EventType.RESOLVED);
        assertThat(s.secretRefs())
                .containsExactlyInAnyOrder(
                        SecretRef.env("JIRA_API_TOKEN"),
                        SecretRef.keyring("conn-github"),
                        SecretRef.env("LINEAR_API_KEY"),
                        SecretRef.env("PAGERDUTY_REST_KEY"),
                        SecretRef.env("PD_PAYMENTS_KEY"),
                        SecretRef.env("GRAFANA_TOKEN"));
    }

    @Test
    void aPastedTokenIsRefusedWithWhatToWriteInstead() {
        assertThatThrownBy(() -> read("{\"grafana\": {\"baseUrl\": \"https://g.example.com\","
                        + " \"token\": \"glsa_realtokenvalue_123\"}}"))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("env:VARIABLE or keyring:ENTRY");
    }

    @Test
    void eachMissingFieldIsNamed() {
        assertThatThrownBy(() ->
                        new JiraSettings("https://example.atlassian.net", "a@example.com", null, "OPS", null, null))
                .hasMessageStartingWith("integrations.jira.apiToken is missing");
        assertThatThrownBy(() -> new GitHubSettings(null, "example", null, SecretRef.env("T"), null, null))
                .hasMessage("integrations.github.repo is missing");
        assertThatThrownBy(() -> new LinearSettings(null, SecretRef.env("K"), " ", null))
                .hasMessage("integrations.linear.teamId is missing");
        assertThatThrownBy(() -> new GrafanaSettings("grafana.example.com", SecretRef.env("T"), null, null, null))
                .hasMessageStartingWith("integrations.grafana.baseUrl: start the URL with https://");
    }

    @Test
    void aJiraProjectKeyMustLookLikeOne() {
        assertThatThrownBy(() -> new JiraSettings(
                        "https://example.atlassian.net", "a@example.com", SecretRef.env("T"), "ops team", null, null))
                .hasMessageContaining("integrations.jira.projectKey: 'ops team' is not a Jira project key");
    }

    @Test
    void pageTargetsNeedUniqueIdsThatFitADedupKey() {
        PagerDutySettings.Target a = new PagerDutySettings.Target("dba", "DBA on-call", SecretRef.env("PD_DBA"));
        assertThatThrownBy(() -> new PagerDutySettings(null, null, null, null, List.of(a, a)))
                .hasMessageContaining("the id 'dba' is used twice");
        assertThatThrownBy(() -> new PagerDutySettings.Target("dba team", null, SecretRef.env("PD_DBA")))
                .hasMessageContaining("got 'dba team'");
        assertThatThrownBy(() -> new PagerDutySettings(null, null, null, null, List.of()))
                .hasMessageContaining("integrations.pagerDuty.targets is empty");
    }

    @Test
    void onlyAnnotatableEventTypesMayGoToGrafana() {
        assertThatThrownBy(() -> new GrafanaSettings(
                        "https://g.example.com", SecretRef.env("T"), null, List.of(EventType.MESSAGE_SENT), null))
                .hasMessageContaining("integrations.grafana.eventTypes: MESSAGE_SENT cannot become an annotation")
                .hasMessageContaining("ACTION_TAKEN");
    }

    @Test
    void theTrackerIsTheChosenOneOrTheOnlyOneConfigured() {
        GitHubSettings gh = new GitHubSettings(null, "example", "platform", SecretRef.env("T"), null, Map.of());
        LinearSettings lin = new LinearSettings(null, SecretRef.env("K"), "team", null);

        assertThat(new IntegrationSettings(null, null, gh, null, null, null).tracker())
                .contains(TicketRef.Tracker.GITHUB);
        assertThat(new IntegrationSettings(null, null, gh, lin, null, null).tracker())
                .isEmpty();
        assertThat(new IntegrationSettings(TicketRef.Tracker.LINEAR, null, gh, lin, null, null).tracker())
                .contains(TicketRef.Tracker.LINEAR);
        assertThatThrownBy(() -> new IntegrationSettings(TicketRef.Tracker.JIRA, null, gh, null, null, null))
                .hasMessage("integrations.ticketTracker is JIRA but integrations.jira is not configured");
        assertThat(IntegrationSettings.none().tracker()).isEmpty();
    }

    @Test
    void anUnknownFieldIsAnErrorNotIgnored() {
        assertThatThrownBy(() -> read("{\"grafana\": {\"baseUrl\": \"https://g.example.com\", \"token\": \"env:T\","
                        + " \"dashbordUid\": \"x\"}}"))
                .hasMessageContaining("dashbordUid");
    }
}
