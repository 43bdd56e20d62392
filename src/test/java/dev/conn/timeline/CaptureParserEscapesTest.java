package dev.conn.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.EventType;
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

    private static Capture.Entry entry(Capture c) {
        assertThat(c).isInstanceOf(Capture.Entry.class);
        return (Capture.Entry) c;
    }

    @Test
    void doubleSlashIsANoteStartingWithOneSlash() {
        Capture.Entry e = entry(parse("//etc/hosts changed"));

        assertThat(e.type()).isEqualTo(EventType.NOTE);
        assertThat(e.payload().textOrEmpty("text")).isEqualTo("/etc/hosts changed");
    }

    @Test
    void lineStartingWithAPathIsANoteWithTheWholeLine() {
        Capture.Entry e = entry(parse("/var/log full on db-3"));

        assertThat(e.type()).isEqualTo(EventType.NOTE);
        assertThat(e.payload().textOrEmpty("text")).isEqualTo("/var/log full on db-3");
    }

    @Test
    void lineStartingWithAMentionIsANoteWithTheWholeLine() {
        Capture.Entry e = entry(parse("@alice paging DBA"));

        assertThat(e.type()).isEqualTo(EventType.NOTE);
        assertThat(e.payload().textOrEmpty("text")).isEqualTo("@alice paging DBA");
        assertThat(e.occurredAt()).isEmpty();
    }

    @Test
    void mentionAfterACommandIsPartOfTheText() {
        Capture.Entry e = entry(parse("/decision @alice owns rollback"));

        assertThat(e.type()).isEqualTo(EventType.DECISION);
        assertThat(e.payload().textOrEmpty("text")).isEqualTo("@alice owns rollback");
        assertThat(e.occurredAt()).isEmpty();
    }

    @Test
    void unknownCommandIsRefusedWithAHintToEscapeIt() {
        Capture c = parse("/bogus x");

        assertThat(c).isInstanceOf(Capture.Invalid.class);
        assertThat(((Capture.Invalid) c).message()).contains("/bogus").contains("//");
    }
}
