package dev.conn.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.EntryCommand;
import dev.conn.incident.HeaderCommand;
import dev.conn.incident.Severity;
import dev.conn.incident.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureParserTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    /** UTC+01:00 on the test date. */
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The id every parsed entry gets here, so commands compare equal. */
    private static final UUID ID = UUID.fromString("0193a000-0000-7000-8000-0000000000aa");

    private final CaptureParser parser = new CaptureParser(Clock.fixed(NOW, ZoneOffset.UTC), () -> ID);

    private EntryCommand.Add entry(String line) {
        Capture c = parser.parse(line, BERLIN);
        assertThat(c).isInstanceOf(Capture.Entry.class);
        return ((Capture.Entry) c).command();
    }

    private HeaderCommand header(String line) {
        Capture c = parser.parse(line, BERLIN);
        assertThat(c).isInstanceOf(Capture.HeaderChange.class);
        return ((Capture.HeaderChange) c).command();
    }

    private Capture.Command command(String line) {
        Capture c = parser.parse(line, BERLIN);
        assertThat(c).isInstanceOf(Capture.Command.class);
        return (Capture.Command) c;
    }

    private Capture.Invalid invalid(String line) {
        Capture c = parser.parse(line, BERLIN);
        assertThat(c).isInstanceOf(Capture.Invalid.class);
        return (Capture.Invalid) c;
    }

    @Test
    void plainTextIsANoteAtNow() {
        EntryCommand.Add e = entry("Paged the database team");

        assertThat(e)
                .isEqualTo(
                        new EntryCommand.Add(ID, EntryCommand.Kind.NOTE, "Paged the database team", Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'/decision Roll back payments-api', DECISION, Roll back payments-api",
        "'/d Roll back payments-api', DECISION, Roll back payments-api",
        "'/action Restarted the pool', ACTION, Restarted the pool",
        "'/a Restarted the pool', ACTION, Restarted the pool",
        "'/note Waiting on vendor', NOTE, Waiting on vendor",
        "'/DECISION Upper case works', DECISION, Upper case works",
    })
    void freeTextCommandSetsTheKindAndKeepsTheText(String line, EntryCommand.Kind kind, String text) {
        EntryCommand.Add e = entry(line);

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.text()).isEqualTo(text);
    }

    @Test
    void statusCommandRecordsAStatusChange() {
        assertThat(header("/status identified Bad deploy of payments-api"))
                .isEqualTo(new HeaderCommand.ChangeStatus(
                        Status.IDENTIFIED, Optional.of("Bad deploy of payments-api"), Optional.empty()));
    }

    @Test
    void statusResolvedRecordsAResolution() {
        assertThat(header("/status resolved")).isEqualTo(new HeaderCommand.Resolve(Optional.empty(), Optional.empty()));
    }

    @Test
    void sevCommandRecordsASeverityChange() {
        assertThat(header("/sev 1"))
                .isEqualTo(new HeaderCommand.ChangeSeverity(Severity.SEV1, Optional.empty(), Optional.empty()));
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
        assertThat(command(line).at()).contains(expected);
    }

    @Test
    void backDatingTokenIsNotPartOfTheText() {
        assertThat(entry("@-5m Paged the DBA").text()).isEqualTo("Paged the DBA");
    }

    @Test
    void commandAndBackDatingMayComeInEitherOrder() {
        assertThat(entry("@-5m /decision Roll back")).isEqualTo(entry("/decision @-5m Roll back"));
    }

    @Test
    void wallClockTimeIsReadInTheGivenZone() {
        // 09:12 in New York (UTC-5) is 14:12Z, after now (10:00Z), so it means yesterday's 09:12
        Capture c = parser.parse("@09:12 Paged the DBA", ZoneId.of("America/New_York"));

        assertThat(((Capture.Entry) c).at()).contains(Instant.parse("2026-11-20T14:12:00Z"));
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
        assertThat(((HeaderCommand.ChangeStatus) header(line)).status().label()).isEqualTo(status);
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
    void mitigatedAndResolvedCarryTheirReasonAndBackDate() {
        assertThat(header("/mitigated @-5m failed over to replica-2"))
                .isEqualTo(new HeaderCommand.MarkMitigated(
                        Optional.of("failed over to replica-2"), Optional.of(Instant.parse("2026-11-21T09:55:00Z"))));
        assertThat(header("/resolved")).isEqualTo(new HeaderCommand.Resolve(Optional.empty(), Optional.empty()));
    }

    @Test
    void eachLineGetsAFreshEventIdFromTheParsersSource() {
        CaptureParser minting = new CaptureParser(Clock.fixed(NOW, ZoneOffset.UTC));

        UUID first = ((Capture.Entry) minting.parse("one", BERLIN)).command().eventId();
        UUID second = ((Capture.Entry) minting.parse("one", BERLIN)).command().eventId();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void parseWhenRefusesTheFutureWithAnException() {
        assertThrows(IllegalArgumentException.class, () -> parser.parseWhen("2027-01-01T00:00:00Z", BERLIN));
    }
}
