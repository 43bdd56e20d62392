package dev.conn.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.EventType;
import dev.conn.incident.Payload;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureParserTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    /** UTC+01:00 on the test date. */
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final CaptureParser parser = new CaptureParser(Clock.fixed(NOW, ZoneOffset.UTC));

    private Capture.Entry entry(String line) {
        Capture c = parser.parse(line, BERLIN);
        assertThat(c).isInstanceOf(Capture.Entry.class);
        return (Capture.Entry) c;
    }

    private Capture.Invalid invalid(String line) {
        Capture c = parser.parse(line, BERLIN);
        assertThat(c).isInstanceOf(Capture.Invalid.class);
        return (Capture.Invalid) c;
    }

    @Test
    void plainTextIsANoteAtNow() {
        Capture.Entry e = entry("Paged the database team");

        assertThat(e.type()).isEqualTo(EventType.NOTE);
        assertThat(e.payload()).isEqualTo(Payload.of("text", "Paged the database team"));
        assertThat(e.occurredAt()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'/decision Roll back payments-api', DECISION, Roll back payments-api",
        "'/d Roll back payments-api', DECISION, Roll back payments-api",
        "'/action Restarted the pool', ACTION_TAKEN, Restarted the pool",
        "'/a Restarted the pool', ACTION_TAKEN, Restarted the pool",
        "'/note Waiting on vendor', NOTE, Waiting on vendor",
        "'/DECISION Upper case works', DECISION, Upper case works",
    })
    void freeTextCommandSetsTheTypeAndKeepsTheText(String line, EventType type, String text) {
        Capture.Entry e = entry(line);

        assertThat(e.type()).isEqualTo(type);
        assertThat(e.payload().textOrEmpty("text")).isEqualTo(text);
    }

    @Test
    void statusCommandRecordsAStatusChange() {
        Capture.Entry e = entry("/status identified Bad deploy of payments-api");

        assertThat(e.type()).isEqualTo(EventType.STATUS_CHANGED);
        assertThat(e.payload().text("status")).contains("identified");
        assertThat(e.payload().text("text")).contains("Bad deploy of payments-api");
    }

    @Test
    void statusResolvedRecordsAResolution() {
        Capture.Entry e = entry("/status resolved");

        assertThat(e.type()).isEqualTo(EventType.RESOLVED);
        assertThat(e.payload().text("text")).isEmpty();
    }

    @Test
    void sevCommandRecordsASeverityChange() {
        Capture.Entry e = entry("/sev 1");

        assertThat(e.type()).isEqualTo(EventType.SEVERITY_CHANGED);
        assertThat(e.payload().text("severity")).contains("SEV1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'@09:12 Paged the DBA', 2026-11-21T08:12:00Z",
        "'@09:12:30 Paged the DBA', 2026-11-21T08:12:30Z",
        "'@11:00 Paged the DBA', 2026-11-21T10:00:00Z",
        "'@11:30 Later than now means yesterday', 2026-11-20T10:30:00Z",
        "'@-5m Paged the DBA', 2026-11-21T09:55:00Z",
        "'@-1h30m Paged the DBA', 2026-11-21T08:30:00Z",
        "'@-90s Paged the DBA', 2026-11-21T09:58:30Z",
        "'@2026-11-21T09:12:00Z Paged the DBA', 2026-11-21T09:12:00Z",
        "'/decision @-5m Roll back', 2026-11-21T09:55:00Z",
        "'@-5m /decision Roll back', 2026-11-21T09:55:00Z",
    })
    void backDatingSetsWhenItHappened(String line, Instant expected) {
        assertThat(entry(line).occurredAt()).contains(expected);
    }

    @Test
    void backDatingTokenIsNotPartOfTheText() {
        assertThat(entry("@-5m Paged the DBA").payload().textOrEmpty("text")).isEqualTo("Paged the DBA");
    }

    @Test
    void commandAndBackDatingMayComeInEitherOrder() {
        assertThat(entry("@-5m /decision Roll back")).isEqualTo(entry("/decision @-5m Roll back"));
    }

    @Test
    void wallClockTimeIsReadInTheGivenZone() {
        // 09:12 in New York (UTC-5) is 14:12Z, after now (10:00Z), so it means yesterday's 09:12
        Capture c = parser.parse("@09:12 Paged the DBA", ZoneId.of("America/New_York"));

        assertThat(((Capture.Entry) c).occurredAt()).contains(Instant.parse("2026-11-20T14:12:00Z"));
    }

    @Test
    void futureIsoInstantIsInvalid() {
        assertThat(invalid("@2026-11-21T10:05:00Z Paged the DBA").message()).contains("future");
    }

    @Test
    void forwardRelativeTimeIsInvalid() {
        assertThat(invalid("@+5m Paged the DBA").message()).contains("future");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"@25:00 text", "@- text", "@5m text", "@9:7 text"})
    void unreadableTimeIsInvalid(String line) {
        assertThat(invalid(line).message()).contains("@");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "@-999999999999999h text", // before Instant.MIN
                "@-99999999999999999m text", // before Instant.MIN
                "@-1152921504606846975h text", // (2^60 - 1) h: seconds overflow a long and wrap to an hour ahead
                "@-9999999999999999999s text", // more digits than a long holds
            })
    void absurdlyFarBackRelativeTimeIsInvalid(String line) {
        assertThat(parser.parse(line, BERLIN)).isInstanceOf(Capture.Invalid.class);
    }

    @Test
    void ambiguousStatusPrefixIsInvalid() {
        // "i" could be investigating or identified; Status.parse promises only unambiguous prefixes
        assertThat(parser.parse("/status i", BERLIN)).isInstanceOf(Capture.Invalid.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/status ident, identified", "/status mon, monitoring", "/status inv, investigating"})
    void unambiguousStatusPrefixIsAccepted(String line, String status) {
        assertThat(entry(line).payload().text("status")).contains(status);
    }

    @Test
    void unknownCommandIsInvalidAndNamesTheCommand() {
        assertThat(invalid("/bogus something").message()).contains("/bogus");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/decision", "/d   ", "/action", "/note", "/decision @-5m"})
    void freeTextCommandWithoutTextIsInvalid(String line) {
        assertThat(invalid(line).message()).contains("after the command");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void blankLineIsBlank(String line) {
        assertThat(parser.parse(line, BERLIN)).isInstanceOf(Capture.Blank.class);
    }

    @Test
    void unknownStatusIsInvalidAndListsTheStatuses() {
        assertThat(invalid("/status nonsense").message())
                .contains("investigating", "identified", "monitoring", "resolved");
    }

    @Test
    void statusWithoutAValueIsInvalid() {
        assertThat(invalid("/status").message()).contains("Say which status");
    }

    @Test
    void unknownSeverityIsInvalid() {
        assertThat(invalid("/sev 9").message()).contains("9");
    }

    @Test
    void parseWhenRefusesTheFutureWithAnException() {
        assertThrows(IllegalArgumentException.class, () -> parser.parseWhen("2027-01-01T00:00:00Z", BERLIN));
    }
}
