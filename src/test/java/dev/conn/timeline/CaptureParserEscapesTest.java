package dev.conn.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.EntryCommand;
import dev.conn.testing.MutableClock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Lines that start like a command or a back-date but are meant as text. */
class CaptureParserEscapesTest {
    private final CaptureParser parser = new CaptureParser(new MutableClock(Instant.parse("2026-11-21T14:00:00Z")));

    private Capture parse(String line) {
        return parser.parse(line, ZoneOffset.UTC);
    }

    private static EntryCommand.Add entry(Capture c) {
        assertThat(c).isInstanceOf(Capture.Entry.class);
        return ((Capture.Entry) c).command();
    }

    @Test
    void doubleSlashIsANoteStartingWithOneSlash() {
        EntryCommand.Add e = entry(parse("//etc/hosts changed"));

        assertThat(e.kind()).isEqualTo(EntryCommand.Kind.NOTE);
        assertThat(e.text()).isEqualTo("/etc/hosts changed");
    }

    @Test
    void lineStartingWithAPathIsANoteWithTheWholeLine() {
        EntryCommand.Add e = entry(parse("/var/log full on db-3"));

        assertThat(e.kind()).isEqualTo(EntryCommand.Kind.NOTE);
        assertThat(e.text()).isEqualTo("/var/log full on db-3");
    }

    @Test
    void lineStartingWithAMentionIsANoteWithTheWholeLine() {
        EntryCommand.Add e = entry(parse("@alice paging DBA"));

        assertThat(e.kind()).isEqualTo(EntryCommand.Kind.NOTE);
        assertThat(e.text()).isEqualTo("@alice paging DBA");
        assertThat(e.at()).isEmpty();
    }

    @Test
    void mentionAfterACommandIsPartOfTheText() {
        EntryCommand.Add e = entry(parse("/decision @alice owns rollback"));

        assertThat(e.kind()).isEqualTo(EntryCommand.Kind.DECISION);
        assertThat(e.text()).isEqualTo("@alice owns rollback");
        assertThat(e.at()).isEmpty();
    }

    @Test
    void unknownCommandIsRefusedWithAHintToEscapeIt() {
        Capture c = parse("/bogus x");

        assertThat(c).isInstanceOf(Capture.Invalid.class);
        assertThat(((Capture.Invalid) c).message()).contains("/bogus").contains("//");
    }
}
