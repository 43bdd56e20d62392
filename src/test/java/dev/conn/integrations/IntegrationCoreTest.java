package dev.conn.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.incident.ActionItemKind;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure parts: stable ids, mappings, the ticket's content, ADF, vendor error messages. */
class IntegrationCoreTest {
    private final UUID item = UUID.fromString("0192f0c4-7a55-7c2e-9a1b-3c4d5e6f7a8b");
    private final IncidentId incident = new IncidentId(UUID.fromString("0192f0c4-0000-7000-8000-000000000001"));

    private TicketRequest ticket(String text, String owner) {
        return new TicketRequest(
                item,
                incident,
                "Checkout errors",
                Severity.SEV2,
                text,
                ActionItemKind.PREVENT,
                Optional.ofNullable(owner),
                Optional.of(LocalDate.parse("2026-12-01")));
    }

    @Test
    void externalIdsAreStableAndFitTheVendorsLimits() {
        assertThat(ExternalIds.ticketLabel(item)).isEqualTo("conn-" + item).hasSizeLessThanOrEqualTo(50);
        assertThat(ExternalIds.pageDedupKey(incident, "payments-oncall"))
                .isEqualTo("conn-" + incident.value() + "-payments-oncall")
                .hasSizeLessThanOrEqualTo(255);
        assertThat(ExternalIds.eventTag(item)).isEqualTo("conn-event:" + item);
        assertThatThrownBy(() -> ExternalIds.pageDedupKey(incident, "payments on call"))
                .hasMessageContaining("'payments on call'");
    }

    @Test
    void theLinearIssueIdIsAVersion4UuidDerivedFromTheItem() {
        UUID id = ExternalIds.linearIssueId(item);

        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(ExternalIds.linearIssueId(item)).isEqualTo(id);
        assertThat(ExternalIds.linearIssueId(UUID.randomUUID())).isNotEqualTo(id);
    }

    @ParameterizedTest
    @CsvSource({"SEV1,critical", "SEV2,error", "SEV3,warning", "SEV4,info"})
    void sevLevelsMapToPagerDutySeverities(Severity sev, String expected) {
        assertThat(SeverityMapping.pagerDuty(sev)).isEqualTo(expected);
    }

    @Test
    void aTicketSummaryIsTheFirstLineCutToJirasLimit() {
        assertThat(ticket("Add a breaker\nbecause the client hangs", null).summary())
                .isEqualTo("Add a breaker");
        assertThat(ticket("x".repeat(400), null).summary()).hasSize(255).endsWith("...");
        assertThatThrownBy(() -> ticket("  ", null)).hasMessageContaining("has no text");
    }

    @Test
    void aTicketLosesCredentialsAndControlCharactersBeforeItLeaves() {
        TicketRequest t = ticket("Rotate token=ghp_abcdefghijklmnopqrstuvwxyz0123456789 \u001b[31mnow", null);

        assertThat(t.text())
                .doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789")
                .doesNotContain("\u001b");
        assertThat(t.markdownBody()).contains("[redacted]");
    }

    @Test
    void onlyAnEmailOwnerIsLookedUpAsTheAssignee() {
        assertThat(ticket("x", "Mia@Example.com").ownerEmail()).contains("mia@example.com");
        assertThat(ticket("x", "Mia Krystof").ownerEmail()).isEmpty();
        assertThat(ticket("x", "Mia Krystof").facts()).contains("Owner in Conn: Mia Krystof");
    }

    @Test
    void theTicketCarriesItsStableLabelAndSaysWhereItCameFrom() {
        TicketRequest t = ticket("Add a breaker", null);

        assertThat(t.labels()).containsExactly("conn", "conn-" + item);
        assertThat(t.facts())
                .containsExactly(
                        "Incident: Checkout errors (SEV2, " + incident.value() + ")",
                        "Kind: prevent",
                        "Due: 2026-12-01",
                        "Created by Conn from postmortem action item conn-" + item);
    }

    @Test
    void adfHasParagraphsHardBreaksLinksAndBullets() {
        ObjectNode doc = Adf.doc()
                .paragraphs("First line\nsee https://example.com/runbook.\n\nSecond paragraph")
                .bullets(List.of("one", " ", "two"))
                .build();

        assertThat(doc.toString())
                .isEqualTo("{\"type\":\"doc\",\"version\":1,\"content\":["
                        + "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"First line\"},"
                        + "{\"type\":\"hardBreak\"},{\"type\":\"text\",\"text\":\"see \"},"
                        + "{\"type\":\"text\",\"text\":\"https://example.com/runbook\",\"marks\":[{\"type\":\"link\","
                        + "\"attrs\":{\"href\":\"https://example.com/runbook\"}}]},{\"type\":\"text\",\"text\":\".\"}]},"
                        + "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Second paragraph\"}]},"
                        + "{\"type\":\"bulletList\",\"content\":["
                        + "{\"type\":\"listItem\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\","
                        + "\"text\":\"one\"}]}]},"
                        + "{\"type\":\"listItem\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\","
                        + "\"text\":\"two\"}]}]}]}]}");
        assertThat(Adf.doc().paragraphs(" \n ").build().get("content")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"errorMessages\":[\"Field 'priority' is required\"],\"errors\":{}}|Field 'priority' is required",
                "{\"errorMessages\":[],\"errors\":{\"summary\":\"You must specify a summary.\"}}"
                        + "|summary: You must specify a summary.",
                "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\",\"code\":\"invalid\","
                        + "\"field\":\"assignees\"}]}|Validation Failed; assignees invalid",
                "{\"error\":{\"message\":\"Not Found\",\"code\":2100}}|Not Found",
                "<html>Bad Gateway</html>|<html>Bad Gateway</html>",
                "{}|{}"
            })
    void vendorErrorsAreReadInTheirOwnShapes(String body, String expected) {
        assertThat(VendorErrors.message(body)).isEqualTo(expected);
    }

    @Test
    void aPageSummaryNamesTheSeverityAndTheIncident() {
        PageRequest page = new PageRequest(
                incident,
                "Checkout errors",
                Severity.SEV1,
                "dba",
                null,
                Optional.empty(),
                Optional.empty(),
                "Alice",
                Instant.parse("2026-11-21T09:30:00Z"));

        assertThat(page.summary()).isEqualTo("[SEV1] Checkout errors");
        assertThat(page.targetName()).isEqualTo("dba");
        assertThatThrownBy(() -> new PageRequest(
                        incident,
                        "t",
                        Severity.SEV1,
                        "dba",
                        null,
                        Optional.empty(),
                        Optional.of("javascript:alert(1)"),
                        "Alice",
                        Instant.EPOCH))
                .hasMessageContaining("https://");
    }

    @ParameterizedTest
    @CsvSource({
        "JIRA,new,To Do,Open,OPEN",
        "JIRA,indeterminate,In Progress,In Review,IN_PROGRESS",
        "JIRA,done,Done,Closed,DONE",
        "JIRA,completed,,Done,DONE",
        "GITHUB,open,,,OPEN",
        "GITHUB,closed,not_planned,,DONE",
        "LINEAR,backlog,,Backlog,OPEN",
        "LINEAR,started,,In Progress,IN_PROGRESS",
        "LINEAR,canceled,,Canceled,DONE"
    })
    void everyTrackersStatesReadAsOpenInProgressOrDone(
            TicketRef.Tracker tracker, String a, String b, String c, TicketStatus.State expected) {
        TicketStatus s =
                switch (tracker) {
                    case JIRA -> TicketStatus.jira(a, b, c);
                    case GITHUB -> TicketStatus.gitHub(a, b);
                    case LINEAR -> TicketStatus.linear(a, c);
                };
        assertThat(s.state()).isEqualTo(expected);
    }

    @Test
    void aTicketUrlWrittenBackIsReadAgainForStatusRefresh() {
        assertThat(TicketRef.parse(TicketRef.Tracker.JIRA, "https://example.atlassian.net/browse/OPS-24", item))
                .contains(new TicketRef(
                        TicketRef.Tracker.JIRA, "OPS-24", "OPS-24", "https://example.atlassian.net/browse/OPS-24"));
        assertThat(TicketRef.parse(
                        TicketRef.Tracker.GITHUB, "https://github.com/octocat/Hello-World/issues/1347", item))
                .map(TicketRef::id)
                .contains("1347");
        assertThat(TicketRef.parse(
                        TicketRef.Tracker.LINEAR, "https://linear.app/acme/issue/ENG-123/new-exception", item))
                .contains(new TicketRef(
                        TicketRef.Tracker.LINEAR,
                        "ENG-123",
                        ExternalIds.linearIssueId(item).toString(),
                        "https://linear.app/acme/issue/ENG-123/new-exception"));
        assertThat(TicketRef.parse(TicketRef.Tracker.JIRA, "OPS-24", item)).isEmpty();
        assertThat(TicketRef.parse(TicketRef.Tracker.GITHUB, "https://github.com/octocat/Hello-World/pull/3", item))
                .isEmpty();
    }
}
