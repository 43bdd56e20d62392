package dev.conn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.incident.Declaration;
import dev.conn.incident.EntryCommand;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Payload;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.platform.json.Json;
import dev.conn.postmortem.IncidentBundle;
import dev.conn.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conn import} is all or nothing and applies the rules the window applies (issue 11,
 * findings 6 and 7), through the real command line.
 */
class ImportRefusalTest {
    private static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(T0.plusSeconds(3 * 3600));
    private String out = "";
    private String err = "";

    private int conn(Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.toString()));
        all.addAll(List.of(args));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = ConnCommand.run(
                all.toArray(String[]::new),
                p -> fail("the window must not open"),
                clock,
                new PrintWriter(o),
                new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }

    /** A data directory holding one incident, "Existing incident", of 3 events. */
    private IncidentId seed(Path dir) {
        try (Database db = Database.open(dir)) {
            IncidentService s = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
            IncidentId id = s.declare(
                            new Declaration("Existing incident", Severity.SEV2, "", Optional.empty(), "alice"), "alice")
                    .incidentId();
            s.add(id, new EntryCommand.Add(Event.newId(), EntryCommand.Kind.NOTE, "first", Optional.empty()), "alice");
            s.add(id, new EntryCommand.Add(Event.newId(), EntryCommand.Kind.NOTE, "second", Optional.empty()), "alice");
            return id;
        }
    }

    private long storedEvents(Path dir) {
        try (Database db = Database.open(dir)) {
            return EventStore.jdbc(db.dataSource()).lastSequence();
        }
    }

    private static List<Event> incident(IncidentId id, int size) {
        List<Event> events = new ArrayList<>();
        events.add(new Event(
                Event.newId(),
                id,
                T0,
                T0,
                "bob",
                EventType.INCIDENT_DECLARED,
                Payload.of("title", "Imported incident", "severity", "SEV1", "commander", "bob")));
        for (int i = 1; i < size; i++) {
            Instant at = T0.plusSeconds(i);
            events.add(new Event(Event.newId(), id, at, at, "bob", EventType.NOTE, Payload.of("text", "n" + i)));
        }
        return events;
    }

    private Path write(String name, List<Event> events, java.util.function.Consumer<ObjectNode> damage)
            throws Exception {
        ObjectNode root = (ObjectNode)
                Json.newMapper().readTree(new IncidentBundle(events.get(0).incidentId(), events, List.of()).toJson());
        damage.accept(root);
        Path file = tmp.resolve(name);
        Files.write(file, Json.newMapper().writeValueAsBytes(root));
        return file;
    }

    private static ObjectNode ev(ObjectNode root, int i) {
        return (ObjectNode) root.get("events").get(i);
    }

    private void assertRefusedInWords() {
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err.lines().count()).isEqualTo(1);
    }

    @Test
    void anOutOfRangeInstantAtEvent1401Of1500IsRefusedNamingTheFieldAndCommitsNothing() throws Exception {
        Path dir = tmp.resolve("data");
        seed(dir);
        Path bundle = write("big.json", incident(new IncidentId(Event.newId()), 1_500), r -> ev(r, 1_401)
                .put("occurredAt", "+1000000000-01-01T00:00:00Z"));

        assertThat(conn(dir, "import", bundle.toString())).isEqualTo(ConnCommand.REFUSED);

        assertThat(err)
                .contains("events[1401].occurredAt: +1000000000-01-01T00:00:00Z is outside the years 1970 to 9999");
        assertRefusedInWords();
        assertThat(storedEvents(dir)).isEqualTo(3);
        assertThat(conn(dir, "incidents")).isZero();
        assertThat(out).contains("Existing incident").doesNotContain("Imported incident");
    }

    @Test
    void anInstantABillionYearsBackIsRefusedNamingTheField() throws Exception {
        Path dir = tmp.resolve("data");
        seed(dir);
        Path bundle = write("old.json", incident(new IncidentId(Event.newId()), 5), r -> ev(r, 2).put(
                        "recordedAt", "-1000000000-01-01T00:00:00Z"));

        assertThat(conn(dir, "import", bundle.toString())).isEqualTo(ConnCommand.REFUSED);

        assertThat(err).contains("events[2].recordedAt: -1000000000-01-01T00:00:00Z is outside the years");
        assertRefusedInWords();
        assertThat(storedEvents(dir)).isEqualTo(3);
    }

    @Test
    void aMilestoneBeforeImpactStartedIsRefusedSoNoTtxGoesNegative() throws Exception {
        Path dir = tmp.resolve("data");
        seed(dir);
        List<Event> events = incident(new IncidentId(Event.newId()), 3);
        Instant setAt = T0.plusSeconds(600);
        events.add(new Event(
                Event.newId(),
                events.get(0).incidentId(),
                setAt,
                setAt,
                "bob",
                EventType.MILESTONE_SET,
                Payload.of("milestone", "MITIGATED", "at", T0.minusSeconds(86_400L * 2530), "reason", "typo")));
        Path bundle = write("milestone.json", events, r -> {});

        assertThat(conn(dir, "import", bundle.toString())).isEqualTo(ConnCommand.REFUSED);

        assertThat(err)
                .contains("events[3].payload.at: Mitigated at 2019-12-07T09:00:00Z would be before impact started"
                        + " (2026-11-10T09:00:00Z)");
        assertRefusedInWords();
        assertThat(storedEvents(dir)).isEqualTo(3);
        assertThat(conn(dir, "stats")).isZero();
        assertThat(out).doesNotContain("-2530d");
    }

    @Test
    void aSecondDeclarationOfAnExistingIncidentIsRefusedAndTheTitleStays() throws Exception {
        Path dir = tmp.resolve("data");
        IncidentId existing = seed(dir);
        List<Event> events = incident(existing, 4); // a fresh INCIDENT_DECLARED for the same incident id
        Path bundle = write("again.json", events, r -> {});

        assertThat(conn(dir, "import", bundle.toString())).isEqualTo(ConnCommand.REFUSED);

        assertThat(err)
                .contains("events[0].type: incident " + existing.shortForm() + " \"Existing incident\" is already"
                        + " stored here, declared by event")
                .contains("declares it again with event " + events.get(0).id())
                .contains("Nothing was imported");
        assertRefusedInWords();
        assertThat(storedEvents(dir)).isEqualTo(3);
        assertThat(conn(dir, "incidents")).isZero();
        assertThat(out).contains("Existing incident").doesNotContain("Imported incident");
    }

    @Test
    void anEventIdOfAnotherIncidentIsRefusedByNameNotSkipped() throws Exception {
        Path dir = tmp.resolve("data");
        IncidentId existing = seed(dir);
        UUID taken;
        try (Database db = Database.open(dir)) {
            taken = EventStore.jdbc(db.dataSource())
                    .readIncident(existing)
                    .get(1)
                    .id();
        }
        List<Event> events = incident(new IncidentId(Event.newId()), 4);
        Path bundle = write("reused.json", events, r -> ev(r, 2).put("id", taken.toString()));

        assertThat(conn(dir, "import", bundle.toString())).isEqualTo(ConnCommand.REFUSED);

        assertThat(err)
                .contains("events[2].id: " + taken + " is already stored here for another incident, "
                        + existing.shortForm() + " \"Existing incident\"")
                .contains("Nothing was imported");
        assertRefusedInWords();
        assertThat(storedEvents(dir)).isEqualTo(3);
    }

    @Test
    void importingTheSameBundleAgainIsANoOp() throws Exception {
        Path dir = tmp.resolve("data");
        seed(dir);
        Path bundle = write("ok.json", incident(new IncidentId(Event.newId()), 1_500), r -> {});

        assertThat(conn(dir, "import", bundle.toString())).isZero();
        assertThat(out).contains("\"Imported incident\": 1500 new events");
        assertThat(conn(dir, "import", bundle.toString())).isZero();

        assertThat(out).contains("0 new events, 1500 already present");
        assertThat(storedEvents(dir)).isEqualTo(1_503);
    }

    @Test
    void aBundleWithABadMetricSeriesCreatesNoDataDirectory() throws Exception {
        Path dir = tmp.resolve("never-created");
        Path bundle = write("series.json", incident(new IncidentId(Event.newId()), 2), r -> r.putArray("metricSeries")
                .addObject()
                .put("sourceKind", "GRAPHITE"));

        assertThat(conn(dir, "import", bundle.toString())).isEqualTo(ConnCommand.REFUSED);

        assertThat(err).contains("metricSeries: metricSeries[0]");
        assertThat(dir).doesNotExist();
    }
}
