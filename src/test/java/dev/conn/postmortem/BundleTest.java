package dev.conn.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentService;
import dev.conn.platform.db.Database;
import dev.conn.platform.json.Json;
import dev.conn.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BundleTest {
    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final List<Database> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(Database::close);
    }

    private IncidentService service(String dir) {
        Database db = Database.open(tmp.resolve(dir));
        open.add(db);
        return new IncidentService(EventStore.jdbc(db.dataSource()), clock);
    }

    private static String bundle() {
        return new IncidentBundle(RichIncident.ID, RichIncident.events(), List.of()).toJson();
    }

    @Test
    void exportImportIntoAFreshDataDirAndExportAgainIsByteIdentical() throws Exception {
        IncidentService a = service("a");
        a.importEvents(RichIncident.events());
        byte[] first = new PostmortemExports(
                        a, MetricSeriesArchive.none(), clock, dev.conn.platform.secrets.KnownSecrets::new)
                .export(RichIncident.ID, PostmortemExports.Format.JSON);
        Path file = tmp.resolve("incident.json");
        Files.write(file, first);

        IncidentService b = service("b");
        BundleImporter.Result r = new BundleImporter(b, MetricSeriesArchive.none()).importFile(file);
        byte[] second = new PostmortemExports(
                        b, MetricSeriesArchive.none(), clock, dev.conn.platform.secrets.KnownSecrets::new)
                .export(RichIncident.ID, PostmortemExports.Format.JSON);

        assertThat(r.added()).isEqualTo(RichIncident.events().size());
        assertThat(new String(second, StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8));
        assertThat(new PostmortemExports(
                                b, MetricSeriesArchive.none(), clock, dev.conn.platform.secrets.KnownSecrets::new)
                        .export(RichIncident.ID, PostmortemExports.Format.MD))
                .isEqualTo(new PostmortemExports(
                                a, MetricSeriesArchive.none(), clock, dev.conn.platform.secrets.KnownSecrets::new)
                        .export(RichIncident.ID, PostmortemExports.Format.MD));
    }

    @Test
    void importingTheSameBundleTwiceAddsNothing() {
        IncidentService s = service("twice");
        BundleImporter importer = new BundleImporter(s, MetricSeriesArchive.none());
        byte[] bytes = bundle().getBytes(StandardCharsets.UTF_8);

        importer.importBytes(bytes);
        BundleImporter.Result again = importer.importBytes(bytes);

        assertThat(again.added()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(RichIncident.events().size());
        assertThat(s.timeline(RichIncident.ID)).hasSize(RichIncident.events().size());
    }

    @Test
    void metricSeriesTravelThroughTheArchive() throws Exception {
        List<JsonNode> restored = new ArrayList<>();
        MetricSeriesArchive archive = new MetricSeriesArchive() {
            @Override
            public List<JsonNode> list(dev.conn.incident.IncidentId incident) {
                try {
                    return List.of(Json.newMapper().readTree("{\"query\":\"up\",\"points\":[[1,2.5]]}"));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void restore(dev.conn.incident.IncidentId incident, List<JsonNode> series) {
                restored.addAll(series);
            }
        };
        IncidentService a = service("ma");
        a.importEvents(RichIncident.events());
        byte[] bytes = new PostmortemExports(a, archive, clock, dev.conn.platform.secrets.KnownSecrets::new)
                .export(RichIncident.ID, PostmortemExports.Format.JSON);

        new BundleImporter(service("mb"), archive).importBytes(bytes);

        assertThat(restored).singleElement().hasToString("{\"query\":\"up\",\"points\":[[1,2.5]]}");
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("format", r -> r.put("format", "something-else"), "format: expected \"conn-incident-bundle\""),
                bad("format missing", r -> r.remove("format"), "format: missing"),
                bad("version", r -> r.put("version", 2), "version: this Conn reads version 1; the bundle is version 2"),
                bad("version type", r -> r.put("version", "1"), "version: expected a whole number, found a string"),
                bad("unknown field", r -> r.put("extra", 1), "extra: not a field of bundle version 1"),
                bad("events missing", r -> r.remove("events"), "events: missing"),
                bad("events type", r -> r.put("events", "x"), "events: expected an array, found a string"),
                bad("event id missing", r -> ev(r, 3).remove("id"), "events[3].id: missing"),
                bad("event id type", r -> ev(r, 3).put("id", 7), "events[3].id: expected a string, found a number"),
                bad("event id not uuid", r -> ev(r, 3).put("id", "nope"), "events[3].id: not a UUID: \"nope\""),
                bad(
                        "duplicate id",
                        r -> ev(r, 5).put("id", ev(r, 2).get("id").asText()),
                        "events[5].id: duplicate of events[2].id"),
                bad(
                        "time",
                        r -> ev(r, 4).put("occurredAt", "yesterday"),
                        "events[4].occurredAt: not an ISO-8601 UTC instant"),
                bad("type", r -> ev(r, 4).put("type", "EXPLODED"), "events[4].type: unknown event type \"EXPLODED\""),
                bad("payload type", r -> ev(r, 4).put("payload", "text"), "events[4].payload: expected an object"),
                bad(
                        "text as an array",
                        r -> ((ObjectNode) ev(r, 3).get("payload"))
                                .putArray("text")
                                .add(1),
                        "events[3].payload.text: expected a string, found an array (event "),
                bad(
                        "text as an object",
                        r -> ((ObjectNode) ev(r, 3).get("payload")).putObject("text"),
                        "events[3].payload.text: expected a string, found an object (event "),
                bad(
                        "lone surrogate in a text",
                        r -> ((ObjectNode) ev(r, 3).get("payload")).put("text", "db \uD800 down"),
                        "events[3].payload.text: character 3 is half of a UTF-16 surrogate pair (\\uD800)"),
                bad(
                        "lone surrogate in an author",
                        r -> ev(r, 3).put("author", "al\uDC00ce"),
                        "events[3].author: character 2 is half of a UTF-16 surrogate pair"),
                bad(
                        "incident mismatch",
                        r -> ev(r, 1).put("incidentId", "0193a000-0000-7000-8000-000000000777"),
                        "events[1].incidentId: 0193a000-0000-7000-8000-000000000777 is not the bundle's incident"),
                bad(
                        "huge string",
                        r -> ((ObjectNode) ev(r, 3).get("payload")).put("text", "x".repeat(1_000_001)),
                        "events[3].payload.text: 1000001 characters; at most 1000000"),
                bad("huge author", r -> ev(r, 3).put("author", "a".repeat(201)), "events[3].author: 201 characters"),
                bad(
                        "deep nesting",
                        r -> {
                            ObjectNode p = (ObjectNode) ev(r, 3).get("payload");
                            for (int i = 0; i < 20; i++) {
                                p = p.putObject("n");
                            }
                        },
                        "events[3].payload.n.n.n"),
                bad(
                        "no declaration",
                        r -> ((ArrayNode) r.get("events")).remove(0),
                        "events: no INCIDENT_DECLARED event"),
                bad("series type", r -> r.put("metricSeries", 3), "metricSeries: expected an array, found a number"),
                bad(
                        "unknown milestone",
                        r -> ((ObjectNode) ev(r, milestoneSet(r)).get("payload")).put("milestone", "LUNCH"),
                        "].payload.milestone: Unknown milestone 'LUNCH'"),
                // issue 12: every payload decodes as its type's record, or the bundle is refused
                // naming the event, the field and the problem
                bad(
                        "sent at not an instant",
                        r -> ((ObjectNode) ev(r, indexOf(r, "MESSAGE_SENT")).get("payload")).put("sentAt", "x"),
                        "].payload.sentAt: not an ISO-8601 UTC instant (e.g. 2026-11-21T09:12:00Z): \"x\""
                                + " (event 0193a000-0000-7000-8000-000000000012, MESSAGE_SENT)"),
                bad(
                        "required field of another feature missing",
                        r -> ((ObjectNode) ev(r, indexOf(r, "HANDOFF_ACKNOWLEDGED"))
                                        .get("payload"))
                                .remove("to"),
                        "].payload.to: missing (event 0193a000-"),
                bad(
                        "action item due not a date",
                        r -> ((ObjectNode)
                                        ev(r, indexOf(r, "ACTION_ITEM_ADDED")).get("payload"))
                                .put("due", "soon"),
                        "].payload.due: not an ISO-8601 date (YYYY-MM-DD): soon"),
                bad(
                        "action item id not a UUID",
                        r -> ((ObjectNode)
                                        ev(r, indexOf(r, "ACTION_ITEM_ADDED")).get("payload"))
                                .put("itemId", "x"),
                        "].payload.itemId: not a UUID: x"),
                bad(
                        "unknown postmortem field",
                        r -> ((ObjectNode) ev(r, fieldSet(r)).get("payload")).put("field", "rootCause.1.why.9"),
                        "].payload.field: unknown postmortem field 'rootCause.1.why.9'"),
                bad(
                        "title missing",
                        r -> ((ObjectNode) ev(r, 0).get("payload")).remove("title"),
                        "events[0].payload.title: missing"),
                // issue 11, finding 7: instants a billion years away name their field, not a stack trace
                bad(
                        "occurredAt a billion years ahead",
                        r -> ev(r, 4).put("occurredAt", "+1000000000-01-01T00:00:00Z"),
                        "events[4].occurredAt: +1000000000-01-01T00:00:00Z is outside the years 1970 to 9999"),
                bad(
                        "recordedAt a billion years ago",
                        r -> ev(r, 4).put("recordedAt", "-1000000000-01-01T00:00:00Z"),
                        "events[4].recordedAt: -1000000000-01-01T00:00:00Z is outside the years 1970 to 9999"),
                bad(
                        "occurredAt before 1970",
                        r -> ev(r, 4).put("occurredAt", "1969-12-31T23:59:59Z"),
                        "events[4].occurredAt: 1969-12-31T23:59:59Z is outside the years 1970 to 9999"),
                bad(
                        "impact start out of range",
                        r -> ((ObjectNode) ev(r, 0).get("payload"))
                                .put("impactStartedAt", "+1000000000-01-01T00:00:00Z"),
                        "events[0].payload.impactStartedAt: +1000000000-01-01T00:00:00Z is outside the years"),
                bad(
                        "milestone out of range",
                        r -> ((ObjectNode) ev(r, milestoneSet(r)).get("payload"))
                                .put("at", "-1000000000-01-01T00:00:00Z"),
                        "].payload.at: -1000000000-01-01T00:00:00Z is outside the years"),
                // the declaration rules of the declare dialog and `conn declare`
                bad(
                        "title too long",
                        r -> ((ObjectNode) ev(r, 0).get("payload")).put("title", "t".repeat(201)),
                        "events[0].payload.title: 201 characters; at most 200"),
                bad(
                        "impact starts after the declaration",
                        r -> ((ObjectNode) ev(r, 0).get("payload")).put("impactStartedAt", "2026-11-21T09:00:00Z"),
                        "events[0].payload.impactStartedAt: 2026-11-21T09:00:00Z is after the declaration was recorded"),
                // the milestone rule of the postmortem tab (PostmortemService.milestoneProblem)
                bad(
                        "milestone before impact started",
                        r -> ((ObjectNode) ev(r, milestoneSet(r)).get("payload")).put("at", "2026-11-12T00:00:00Z"),
                        "].payload.at: Detected at 2026-11-12T00:00:00Z would be before impact started"
                                + " (2026-11-19T23:40:00Z)"),
                bad(
                        "milestone after it was set",
                        r -> ((ObjectNode) ev(r, milestoneSet(r)).get("payload")).put("at", "2030-01-01T00:00:00Z"),
                        "].payload.at: Detected cannot be in the future (2030-01-01T00:00:00Z)"),
                bad(
                        "milestone without a reason",
                        r -> ((ObjectNode) ev(r, milestoneSet(r)).get("payload")).put("reason", " "),
                        "].payload.reason: Say why the detected time is set or changed"));
    }

    private static int milestoneSet(ObjectNode root) {
        return indexOf(root, "MILESTONE_SET");
    }

    private static int fieldSet(ObjectNode root) {
        return indexOf(root, "POSTMORTEM_FIELD_SET");
    }

    private static int indexOf(ObjectNode root, String type) {
        for (int i = 0; i < root.get("events").size(); i++) {
            if (root.get("events").get(i).get("type").asText().equals(type)) {
                return i;
            }
        }
        throw new IllegalStateException("no " + type);
    }

    private static ObjectNode ev(ObjectNode root, int i) {
        return (ObjectNode) root.get("events").get(i);
    }

    private static Arguments bad(String name, Consumer<ObjectNode> damage, String message) {
        return Arguments.of(name, damage, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aBadBundleIsRefusedWithAPreciseMessageAndWritesNothing(
            String name, Consumer<ObjectNode> damage, String message) throws Exception {
        ObjectNode root = (ObjectNode) Json.newMapper().readTree(bundle());
        damage.accept(root);
        byte[] bytes = Json.newMapper().writeValueAsBytes(root);
        IncidentService s = service("bad");

        BundleReader.BundleException e =
                assertThrows(BundleReader.BundleException.class, () -> new BundleImporter(s, MetricSeriesArchive.none())
                        .importBytes(bytes));

        assertThat(e.getMessage()).contains(message);
        assertThat(s.incidents()).isEmpty();
    }

    @Test
    void nestingBeyondTheParserCapAndBrokenJsonAreRefusedByName() {
        String deep =
                "{\"format\":\"conn-incident-bundle\",\"version\":1,\"x\":" + "[".repeat(500) + "]".repeat(500) + "}";
        assertThat(assertThrows(BundleReader.BundleException.class, () -> BundleReader.read(deep.getBytes()))
                        .getMessage())
                .contains("nesting depth")
                .doesNotContain("StreamReadConstraints");
        assertThat(assertThrows(BundleReader.BundleException.class, () -> BundleReader.read("{\"format\":".getBytes()))
                        .getMessage())
                .startsWith("Not valid JSON at line 1");
    }

    @Test
    void twoBundlesPastedIntoOneFileAreRefusedInsteadOfImportingOnlyTheFirst() {
        byte[] two = (bundle() + "\n"
                        + bundle().replace(
                                        RichIncident.ID.toString(),
                                        java.util.UUID.randomUUID().toString()))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        IncidentService s = service("two");

        BundleReader.BundleException e =
                assertThrows(BundleReader.BundleException.class, () -> new BundleImporter(s, MetricSeriesArchive.none())
                        .importBytes(two));

        assertThat(e.getMessage()).startsWith("Not valid JSON at line ").contains("more JSON follows the end");
        assertThat(s.incidents()).isEmpty();
    }

    @Test
    void aKeyGivenTwiceIsRefusedByNameInsteadOfTheLastOneWinning() {
        String twice = bundle().replaceFirst("\"version\" ?: ?1", "\"version\": 1, \"version\": 1");

        assertThat(assertThrows(BundleReader.BundleException.class, () -> BundleReader.read(twice.getBytes()))
                        .getMessage())
                .contains("the key \"version\" appears twice");
    }
}
