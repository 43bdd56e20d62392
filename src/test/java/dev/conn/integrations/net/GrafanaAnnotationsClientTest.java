package dev.conn.integrations.net;

import static dev.conn.integrations.net.VendorServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conn.integrations.Annotation;
import dev.conn.integrations.AnnotationOp;
import dev.conn.integrations.ExternalIds;
import dev.conn.integrations.GrafanaSettings;
import dev.conn.integrations.Outcome;
import dev.conn.settings.SecretRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GrafanaAnnotationsClient} against a loopback Grafana. Requests and answers follow Grafana's
 * annotations HTTP API reference (https://grafana.com/docs/grafana/latest/developers/http_api/annotations/):
 * "Create Annotation" (request with {@code dashboardUID} {@code jcIIG-07z}, {@code time} and {@code
 * timeEnd} 1507037197339 / 1507180805056; answer {@code {"message":"Annotation added","id": 1}}),
 * "Find Annotations" (the example entry 1124 / {@code uGlb_lG7z}, with Conn's tags), "Update
 * Annotation" (id 1141, {@code "Annotation updated"}) and "Delete Annotation By Id" ({@code
 * "Annotation deleted"}); a refusal is Grafana's {@code {"message": ...}} error body.
 */
class GrafanaAnnotationsClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "glsa_AbCdEfGhIjKlMnOpQrStUvWxYz012345_6789abcd";

    private VendorServer server;
    private GrafanaAnnotationsClient grafana;
    private final UUID event = UUID.fromString("0192f0c4-7a55-7c2e-9a1b-3c4d5e6f7a8b");
    private final String tag = ExternalIds.eventTag(event);
    private final Annotation annotation = new Annotation(
            Instant.ofEpochMilli(1507037197339L),
            Optional.of(Instant.ofEpochMilli(1507180805056L)),
            List.of("conn", "incident:0192f0c4-0000-7000-8000-000000000001", "severity:SEV1", tag),
            "Annotation Description",
            Optional.of("jcIIG-07z"));

    @BeforeEach
    void setUp() throws Exception {
        server = new VendorServer();
        server.env.put("GRAFANA_TOKEN", TOKEN);
        GrafanaSettings settings =
                new GrafanaSettings(server.url("/"), SecretRef.env("GRAFANA_TOKEN"), "jcIIG-07z", null, null);
        grafana = new GrafanaAnnotationsClient(settings, server.secrets(), server.http, server.clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private String found(long id) {
        return "[{\"id\":" + id + ",\"alertId\":0,\"dashboardId\":468,\"dashboardUID\":\"uGlb_lG7z\",\"panelId\":2,"
                + "\"userId\":1,\"userName\":\"\",\"newState\":\"\",\"prevState\":\"\",\"time\":1507037197339,"
                + "\"timeEnd\":1507180805056,\"text\":\"Annotation Description\",\"metric\":\"\","
                + "\"tags\":[\"conn\",\"" + tag + "\"],\"data\":{}}]";
    }

    @Test
    void createsTheAnnotationOnTheDashboardAndReturnsItsId() throws Exception {
        server.handle(h -> json(200, "{\"message\":\"Annotation added\",\"id\":1}"));

        Outcome<Long> out = grafana.create(new AnnotationOp.Create(event, annotation), false);

        VendorServer.Hit post = server.hits().get(0);
        assertThat(post.line()).isEqualTo("POST /api/annotations");
        assertThat(post.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        JsonNode b = JSON.readTree(post.body());
        assertThat(b.get("dashboardUID").asText()).isEqualTo("jcIIG-07z");
        assertThat(b.get("time").asLong()).isEqualTo(1507037197339L);
        assertThat(b.get("timeEnd").asLong()).isEqualTo(1507180805056L);
        assertThat(b.get("tags")).extracting(JsonNode::asText).contains("conn", tag);
        assertThat(b.get("text").asText()).isEqualTo("Annotation Description");
        // written back: the annotation's id, for corrections and retractions
        assertThat(out).isEqualTo(new Outcome.Sent<>(1L));
    }

    @Test
    void aCreateWhoseReplyWasLostIsFoundByItsEventTagInsteadOfCreatedTwice() {
        AtomicBoolean created = new AtomicBoolean();
        server.handle(h -> {
            if (h.method().equals("POST")) {
                created.set(true);
                return VendorServer.lostReply();
            }
            return json(200, created.get() ? found(1124) : "[]");
        });

        Outcome<Long> first = grafana.create(new AnnotationOp.Create(event, annotation), false);
        Outcome<Long> second = grafana.create(new AnnotationOp.Create(event, annotation), true);

        assertThat(first).isInstanceOf(Outcome.Retry.class);
        assertThat(second).isEqualTo(new Outcome.Sent<>(1124L));
        assertThat(server.lines())
                .containsExactly(
                        "POST /api/annotations",
                        "GET /api/annotations?tags=conn-event%3A" + event
                                + "&type=annotation&limit=100&dashboardUID=jcIIG-07z&from=1507037197339&to=1507180805056");
    }

    @Test
    void aLookUpIgnoresAnnotationsWithoutTheEventTag() {
        server.handle(h -> h.method().equals("GET")
                ? json(200, found(77).replace(tag, "conn-event:someone-else"))
                : json(200, "{\"message\":\"Annotation added\",\"id\":78}"));

        Outcome<Long> out = grafana.create(new AnnotationOp.Create(event, annotation), true);

        assertThat(out).isEqualTo(new Outcome.Sent<>(78L));
        assertThat(server.lines()).filteredOn(l -> l.startsWith("POST")).hasSize(1);
    }

    @Test
    void aCorrectionReplacesTheAnnotationItPointsTo() throws Exception {
        server.handle(h -> json(200, "{\"message\":\"Annotation updated\"}"));

        Outcome<Long> out = grafana.update(new AnnotationOp.Update(event, annotation), Optional.of(1141L));

        VendorServer.Hit put = server.hits().get(0);
        assertThat(put.line()).isEqualTo("PUT /api/annotations/1141");
        JsonNode b = JSON.readTree(put.body());
        assertThat(b.has("dashboardUID")).isFalse();
        assertThat(b.get("time").asLong()).isEqualTo(1507037197339L);
        assertThat(b.get("timeEnd").asLong()).isEqualTo(1507180805056L);
        assertThat(b.get("text").asText()).isEqualTo("Annotation Description");
        assertThat(out).isEqualTo(new Outcome.Sent<>(1141L));
    }

    @Test
    void aCorrectionWithoutTheWrittenBackIdFindsTheAnnotationByItsTag() {
        server.handle(h ->
                h.method().equals("GET") ? json(200, found(1124)) : json(200, "{\"message\":\"Annotation updated\"}"));

        Outcome<Long> out = grafana.update(new AnnotationOp.Update(event, annotation), Optional.empty());

        assertThat(server.lines().get(1)).isEqualTo("PUT /api/annotations/1124");
        assertThat(out).isEqualTo(new Outcome.Sent<>(1124L));
    }

    @Test
    void aRetractionDeletesTheAnnotationAndOneAlreadyGoneCountsAsDeleted() {
        server.handle(h -> json(200, "{\"message\":\"Annotation deleted\"}"));
        Outcome<Boolean> deleted = grafana.delete(new AnnotationOp.Delete(event), Optional.of(1L));
        server.handle(h -> json(404, "{\"message\":\"Could not find annotation to update\"}"));
        Outcome<Boolean> again = grafana.delete(new AnnotationOp.Delete(event), Optional.of(1L));

        assertThat(server.lines()).containsExactly("DELETE /api/annotations/1", "DELETE /api/annotations/1");
        assertThat(deleted).isEqualTo(new Outcome.Sent<>(true));
        assertThat(again).isEqualTo(new Outcome.Sent<>(false));
    }

    @Test
    void aRefusalIsFinalAndSaysWhatGrafanaSaid() {
        server.handle(h -> json(
                403,
                "{\"message\":\"You'll need additional permissions to perform this action. Permissions needed:"
                        + " annotations:create\"}"));

        Outcome<Long> out = grafana.create(new AnnotationOp.Create(event, annotation), false);

        assertThat(out)
                .isEqualTo(new Outcome.Failed<>("Grafana refused (HTTP 403): You'll need additional permissions to"
                        + " perform this action. Permissions needed: annotations:create"));
    }
}
