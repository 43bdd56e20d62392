package dev.conn.integrations.net;

import static dev.conn.integrations.net.VendorServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conn.comms.net.IntegrationChannels;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.EntryCommand;
import dev.conn.incident.EntryDecider;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.integrations.ExternalIds;
import dev.conn.integrations.GrafanaSettings;
import dev.conn.integrations.IntegrationSettings;
import dev.conn.settings.SecretRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grafana annotations end to end (issue 16 §3): timeline events appended through the one writer
 * queue their annotation changes in the same transaction, and the dispatcher sends them to a
 * loopback Grafana; corrections PUT and retractions DELETE. Bodies follow Grafana's annotations
 * HTTP API reference (https://grafana.com/docs/grafana/latest/developers/http_api/annotations/),
 * as in {@link GrafanaAnnotationsClientTest}.
 */
class AnnotationOutboxTest {
    private static final String TOKEN = "glsa_AbCdEfGhIjKlMnOpQrStUvWxYz012345_6789abcd";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private VendorServer server;
    private IntegrationOutboxFixture f;
    private final AtomicInteger ids = new AtomicInteger(1140);

    @BeforeEach
    void setUp() throws Exception {
        server = new VendorServer();
        server.env.put("GRAFANA_TOKEN", TOKEN);
        GrafanaSettings grafana =
                new GrafanaSettings(server.url("/"), SecretRef.env("GRAFANA_TOKEN"), "jcIIG-07z", null, null);
        f = new IntegrationOutboxFixture(dir, server, Optional.of(grafana));
        f.channels.putAll(IntegrationChannels.of(
                new IntegrationSettings(null, null, null, null, null, grafana),
                server.secrets(),
                server.http,
                server.clock));
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
        server.close();
    }

    /** Grafana that adds, finds by tag (from what it holds), updates and deletes. */
    private void grafanaThatWorks(List<String> holds) {
        server.handle(h -> {
            if (h.method().equals("POST")) {
                int id = ids.incrementAndGet();
                holds.add(id + " " + tagOf(h));
                return json(200, "{\"message\":\"Annotation added\",\"id\":" + id + "}");
            }
            if (h.method().equals("GET")) {
                return json(200, found(holds, h.path()));
            }
            return json(
                    200,
                    h.method().equals("PUT")
                            ? "{\"message\":\"Annotation updated\"}"
                            : "{\"message\":\"Annotation deleted\"}");
        });
    }

    private static String tagOf(VendorServer.Hit h) {
        try {
            for (JsonNode t : JSON.readTree(h.body()).get("tags")) {
                if (t.asText().startsWith("conn-event:")) {
                    return t.asText();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return "";
    }

    /** "Find Annotations": the example entry, with the id and tag of the one held for the asked tag. */
    private static String found(List<String> holds, String path) {
        for (String held : holds) {
            String[] idAndTag = held.split(" ");
            if (path.contains(idAndTag[1].replace(":", "%3A"))) {
                return "[{\"id\":" + idAndTag[0] + ",\"alertId\":0,\"dashboardId\":468,\"dashboardUID\":\"jcIIG-07z\","
                        + "\"panelId\":2,\"userId\":1,\"time\":1507037197339,\"text\":\"Annotation Description\","
                        + "\"tags\":[\"conn\",\"" + idAndTag[1] + "\"],\"data\":{}}]";
            }
        }
        return "[]";
    }

    private Event action(String text) {
        return f.incidents.add(
                f.incident,
                new EntryCommand.Add(Event.newId(), EntryCommand.Kind.ACTION, text, Optional.empty()),
                "Alice");
    }

    private List<String> writes() {
        return server.lines().stream().filter(l -> !l.startsWith("GET")).toList();
    }

    @Test
    void theDeclarationAndAnActionGoOutAsAnnotationsAndTheirIdsAreWrittenBack() throws Exception {
        List<String> holds = new java.util.concurrent.CopyOnWriteArrayList<>();
        grafanaThatWorks(holds);
        Event rollback = action("rolled back checkout to v41");
        f.incidents.add(
                f.incident,
                new EntryCommand.Add(Event.newId(), EntryCommand.Kind.NOTE, "error rate falling", Optional.empty()),
                "Alice"); // notes are not in the default event types

        assertThat(f.dispatcher().drain(Duration.ofMinutes(1))).isTrue();

        assertThat(writes()).containsExactly("POST /api/annotations", "POST /api/annotations");
        JsonNode post = JSON.readTree(server.hits().get(1).body());
        assertThat(post.get("dashboardUID").asText()).isEqualTo("jcIIG-07z");
        assertThat(post.get("time").asLong()).isEqualTo(rollback.occurredAt().toEpochMilli());
        assertThat(post.get("text").asText()).contains("rolled back checkout to v41");
        assertThat(post.get("tags"))
                .extracting(JsonNode::asText)
                .contains(
                        "conn", "incident:" + f.incident.value(), "severity:SEV1", ExternalIds.eventTag(rollback.id()));
        assertThat(f.events(EventType.MESSAGE_SENT))
                .extracting(
                        e -> ((CommsEvent.MessageSent) e.body()).externalId().orElseThrow())
                .containsExactly("1141", "1142");
    }

    @Test
    void aCorrectionPutsAndARetractionDeletesTheAnnotationOfTheirEvent() throws Exception {
        List<String> holds = new java.util.concurrent.CopyOnWriteArrayList<>();
        grafanaThatWorks(holds);
        Event rollback = action("rolled back checkout to v41");
        f.dispatcher().drain(Duration.ofMinutes(1));

        f.incidents.correct(
                f.incident, new EntryCommand.Correct(rollback.id(), "rolled back checkout to v40"), "Alice");
        f.incidents
                .log()
                .execute(
                        f.incident,
                        new EntryDecider(),
                        new EntryCommand.Retract(rollback.id(), Optional.of("wrong")),
                        "Alice");
        assertThat(f.dispatcher().drain(Duration.ofMinutes(1))).isTrue();

        assertThat(writes())
                .containsExactly(
                        "POST /api/annotations",
                        "POST /api/annotations",
                        "PUT /api/annotations/1142",
                        "DELETE /api/annotations/1142");
        JsonNode put = JSON.readTree(server.hits().stream()
                .filter(h -> h.method().equals("PUT"))
                .findFirst()
                .orElseThrow()
                .body());
        assertThat(put.get("text").asText()).contains("rolled back checkout to v40");
    }

    @Test
    void aCreateWhoseReplyWasLostIsFoundByItsTagNotCreatedTwice() throws Exception {
        List<String> holds = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean lose = new AtomicBoolean(true);
        server.handle(h -> {
            if (h.method().equals("POST")) {
                holds.add(ids.incrementAndGet() + " " + tagOf(h));
                return lose.getAndSet(false)
                        ? VendorServer.lostReply()
                        : json(200, "{\"message\":\"Annotation added\",\"id\":" + ids.get() + "}");
            }
            return json(200, found(holds, h.path()));
        });

        assertThat(f.dispatcher().drain(Duration.ofMinutes(5))).isTrue(); // the declaration's region

        assertThat(writes()).containsExactly("POST /api/annotations");
        assertThat(f.events(EventType.MESSAGE_DELIVERY_UNKNOWN)).isEmpty();
        assertThat(f.events(EventType.MESSAGE_SENT))
                .singleElement()
                .extracting(
                        e -> ((CommsEvent.MessageSent) e.body()).externalId().orElseThrow())
                .isEqualTo("1141");
    }

    @Test
    void aRefusalIsRecordedInGrafanasWords() throws Exception {
        server.handle(h -> json(
                403,
                "{\"message\":\"You'll need additional permissions to perform this action. Permissions needed:"
                        + " annotations:create\"}"));

        assertThat(f.dispatcher().drain(Duration.ofMinutes(1))).isTrue();

        assertThat(f.events(EventType.MESSAGE_FAILED))
                .singleElement()
                .extracting(e -> ((CommsEvent.MessageFailed) e.body()).reason())
                .isEqualTo("Grafana refused (HTTP 403): You'll need additional permissions to perform this action."
                        + " Permissions needed: annotations:create");
        assertThat(f.everythingStored()).noneMatch(t -> t.contains(TOKEN));
    }

    @Test
    void declaringQueuesTheImpactWindowAndANoteOutsideTheDefaultsQueuesNothing() {
        f.incidents.add(
                f.incident,
                new EntryCommand.Add(Event.newId(), EntryCommand.Kind.NOTE, "error rate falling", Optional.empty()),
                "Alice");

        assertThat(f.outbox.queued()).singleElement().satisfies(row -> {
            assertThat(row.channel()).isEqualTo("grafana");
            assertThat(row.body()).contains("\"op\":\"create\"").doesNotContain("error rate falling");
        });
    }
}
