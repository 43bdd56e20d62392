package dev.conn.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.impact.SeriesArchive;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentState;
import dev.conn.platform.db.Database;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database and bundles written by Conn before typed events (src/test/resources/dev/conn/legacy)
 * open, decode and export byte for byte as they did.
 *
 * <p>One event of the evidence was never valid: RichIncident's hand-written {@code MESSAGE_SENT}
 * with {@code "sentAt":"x"} (event {@link #UNREADABLE}). It cannot be decoded, so: the postmortem's
 * "Messages sent" facts show it as the timeline does, because its message can no longer be looked
 * up by reading its fields by name (one line of the Markdown and HTML exports of that incident);
 * and a bundle holding it is refused on import, naming the event and the field, as any payload
 * that does not fit its type is. Since issue 14 a task's acknowledgement, completion and
 * cancellation name the task and its assignee (three lines of each export of the "Every event
 * type" incident). Every other byte is as it was, except where issue 16 part 4 changed the Markdown
 * and HTML postmortems, checked section by section by {@link LegacyChanges}; the CSV and JSON are
 * byte for byte.
 */
class LegacyDataTest {
    private static final Clock EXPORT_CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String DIR = "/dev/conn/legacy/";
    private static final java.util.UUID UNREADABLE = java.util.UUID.fromString("0193a000-0000-7000-8000-000000000012");
    private static final IncidentId RICH =
            new IncidentId(java.util.UUID.fromString("0193a000-0000-7000-8000-000000000001"));
    private static final String SENT_AS_STORED = "Message sent via statuspage at x";
    private static final String SENT_AS_FACT =
            "2026-11-20 00:16:00 UTC: \"Status page: investigating checkout errors\" to status page via statuspage";

    @TempDir
    Path temp;

    @Test
    void everyStoredEventDecodesAndTheDatabaseHoldsEveryType() throws IOException {
        Path dir = legacyDataDirectory();
        try (Database db = Database.open(dir)) {
            EventStore store = EventStore.jdbc(db.dataSource());
            List<Event> all = store.readByType(EnumSet.allOf(EventType.class));
            assertThat(all).hasSizeGreaterThan(130);
            // one hand-written test event (RichIncident's MESSAGE_SENT with "sentAt":"x") was never
            // valid: it is refused with a message naming the event and the field; all others decode
            java.util.UUID junk = UNREADABLE;
            for (Event e : all) {
                if (e.id().equals(junk)) {
                    org.assertj.core.api.Assertions.assertThatThrownBy(e::body)
                            .hasMessageContaining(junk.toString())
                            .hasMessageContaining("field 'sentAt'");
                } else {
                    e.body();
                }
            }
            Set<EventType> types = all.stream().map(Event::type).collect(Collectors.toSet());
            // every type but those issue 16 added after these files were written
            Set<EventType> later = EnumSet.of(
                    EventType.POSTMORTEM_HEADER_SET,
                    EventType.ENTRY_STARRED,
                    EventType.TICKET_REQUESTED,
                    EventType.PAGE_REQUESTED,
                    EventType.PAGE_SENT,
                    EventType.PAGE_ACKNOWLEDGED,
                    EventType.PAGE_RESOLVED);
            assertThat(types).containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.copyOf(later)));
        }
    }

    @Test
    void eachIncidentExportsByteForByteAsItDidBeforeTypedEvents() throws IOException {
        Path dir = legacyDataDirectory();
        try (Database db = Database.open(dir)) {
            IncidentService incidents = new IncidentService(EventStore.jdbc(db.dataSource()), EXPORT_CLOCK);
            PostmortemExports exports = new PostmortemExports(
                    incidents,
                    new SeriesArchive(new dev.conn.impact.store.JdbcSeriesCache(db.dataSource())),
                    EXPORT_CLOCK,
                    dev.conn.platform.secrets.KnownSecrets::new);
            List<IncidentState> listed = incidents.incidents();
            assertThat(listed).hasSize(3);
            for (IncidentState st : listed) {
                for (PostmortemExports.Format f : PostmortemExports.Format.values()) {
                    String expected = expected(st.id(), f);
                    if (st.id().equals(RICH) && f == PostmortemExports.Format.MD) {
                        expected = replaceOnce(
                                expected, "- " + SENT_AS_FACT, "- 2026-11-20 00:16:00 UTC: " + SENT_AS_STORED);
                    } else if (st.id().equals(RICH) && f == PostmortemExports.Format.HTML) {
                        expected = replaceOnce(
                                expected,
                                "<li>" + SENT_AS_FACT.replace("\"", "&quot;") + "</li>",
                                "<li>2026-11-20 00:16:00 UTC: " + SENT_AS_STORED + "</li>");
                    }
                    assertAsMeant(st.id(), f, expected, new String(exports.export(st.id(), f), StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void aBundleWrittenBeforeTypedEventsImportsAndExportsByteForByte() throws IOException {
        for (String id : List.of("01995a10-4a7e-7d2c-9b61-c0ffee5a3b1e", "01a247dc-71ea-74a8-933e-f537958f8b60")) {
            Path dir = Files.createDirectories(temp.resolve("import-" + id));
            try (Database db = Database.open(dir)) {
                IncidentService incidents = new IncidentService(EventStore.jdbc(db.dataSource()), EXPORT_CLOCK);
                SeriesArchive archive = new SeriesArchive(new dev.conn.impact.store.JdbcSeriesCache(db.dataSource()));
                byte[] bundle = resource(id + ".json");
                BundleImporter.Result r = new BundleImporter(incidents, archive).importBytes(bundle);
                IncidentId incident = r.incident();
                PostmortemExports exports = new PostmortemExports(
                        incidents, archive, EXPORT_CLOCK, dev.conn.platform.secrets.KnownSecrets::new);
                for (PostmortemExports.Format f : PostmortemExports.Format.values()) {
                    assertAsMeant(
                            incident,
                            f,
                            expected(incident, f),
                            new String(exports.export(incident, f), StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void theBundleHoldingTheUnreadableEventIsRefusedByNameAndImportsByteForByteOnceItIsValid() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("import-rich"));
        try (Database db = Database.open(dir)) {
            IncidentService incidents = new IncidentService(EventStore.jdbc(db.dataSource()), EXPORT_CLOCK);
            SeriesArchive archive = new SeriesArchive(new dev.conn.impact.store.JdbcSeriesCache(db.dataSource()));
            String bundle = new String(resource(RICH + ".json"), StandardCharsets.UTF_8);
            BundleImporter importer = new BundleImporter(incidents, archive);

            BundleReader.BundleException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    BundleReader.BundleException.class,
                    () -> importer.importBytes(bundle.getBytes(StandardCharsets.UTF_8)));
            assertThat(refused.getMessage())
                    .startsWith("events[10].payload.sentAt: not an ISO-8601 UTC instant")
                    .contains(UNREADABLE.toString());
            assertThat(incidents.incidents()).isEmpty();

            // the same bundle with a sentAt that is an instant: everything else exports as it did
            String at = "2026-11-20T00:16:00Z";
            importer.importBytes(replaceOnce(bundle, "\"sentAt\" : \"x\"", "\"sentAt\" : \"" + at + "\"")
                    .getBytes(StandardCharsets.UTF_8));
            PostmortemExports exports = new PostmortemExports(
                    incidents, archive, EXPORT_CLOCK, dev.conn.platform.secrets.KnownSecrets::new);
            for (PostmortemExports.Format f : PostmortemExports.Format.values()) {
                String expected = f == PostmortemExports.Format.JSON
                        ? replaceOnce(expected(RICH, f), "\"sentAt\" : \"x\"", "\"sentAt\" : \"" + at + "\"")
                        : replaceOnce(expected(RICH, f), SENT_AS_STORED, "Message sent via statuspage at " + at);
                assertAsMeant(RICH, f, expected, new String(exports.export(RICH, f), StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * CSV and JSON byte for byte; Markdown and HTML changed only as issue 16 part 4 meant ({@link
     * LegacyChanges}): in the rich incident, the summary and "what went wrong" hold Markdown.
     */
    private static void assertAsMeant(IncidentId id, PostmortemExports.Format f, String expected, String actual) {
        Set<String> prose = id.equals(RICH) ? Set.of("Summary", "Lessons learned") : Set.of();
        switch (f) {
            case MD -> LegacyChanges.markdown(expected, actual, prose);
            case HTML -> LegacyChanges.html(expected, actual, prose);
            default -> assertThat(actual).as("%s of %s", f, id).isEqualTo(expected);
        }
        if (id.equals(RICH) && f == PostmortemExports.Format.MD) {
            assertThat(actual)
                    .contains("DNS cache leak | cascaded into **API rate limits**.")
                    .contains("- no memory alert\n\n1. no runbook");
        }
        if (id.equals(RICH) && f == PostmortemExports.Format.HTML) {
            assertThat(actual)
                    .contains("<strong>API rate limits</strong>")
                    .contains("<ul>\n<li>no memory alert</li>\n</ul>\n<ol>\n<li>no runbook</li>");
        }
    }

    /** Replaces the one occurrence of {@code old}; fails if there is not exactly one. */
    private static String replaceOnce(String text, String old, String now) {
        int at = text.indexOf(old);
        assertThat(at).as("'%s' occurs", old).isNotNegative();
        assertThat(text.indexOf(old, at + 1)).as("'%s' occurs once", old).isNegative();
        return text.substring(0, at) + now + text.substring(at + old.length());
    }

    private Path legacyDataDirectory() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("legacy"));
        Files.write(dir.resolve(Database.NAME + ".mv.db"), resource("conn.mv.db.fixture"));
        return dir;
    }

    private static String expected(IncidentId id, PostmortemExports.Format f) throws IOException {
        return new String(resource(id + "." + f.extension()), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LegacyDataTest.class.getResourceAsStream(DIR + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
