package dev.conn.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.AckMethod;
import dev.conn.incident.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandoffAnnouncementTest {
    private static final Instant AT = Instant.parse("2026-11-21T14:32:41Z");

    @Test
    void commandHandoffIsAnnouncedAsCommandPassing() {
        assertThat(HandoffAnnouncement.text(Role.INCIDENT_COMMANDER, "A", "B", AT))
                .isEqualTo("Everyone, be advised: at 14:32 UTC command passed from A to B.");
    }

    @Test
    void otherRolesAreAnnouncedByName() {
        assertThat(HandoffAnnouncement.text(Role.COMMUNICATIONS_LEAD, "A", "B", AT))
                .isEqualTo("Everyone, be advised: at 14:32 UTC the Communications Lead role passed from A to B.");
    }

    @Test
    void announcementUsesTheAcknowledgementTime() {
        Handoff acked = Handoff.offer(
                        "o1",
                        Role.INCIDENT_COMMANDER,
                        "Alice",
                        Optional.empty(),
                        "Bob",
                        "b",
                        new ReadBackCode("K7-DELTA"),
                        "",
                        AT.minus(Duration.ofMinutes(3)),
                        Duration.ofMinutes(5))
                .acknowledge(AckMethod.IN_PERSON, null, AT);

        assertThat(HandoffAnnouncement.afterAcknowledgement(acked))
                .isEqualTo("Everyone, be advised: at 14:32 UTC command passed from Alice to Bob.");
    }

    @Test
    void pendingHandoffIsNotAnnounced() {
        Handoff pending = Handoff.offer(
                "o1",
                Role.SCRIBE,
                "Alice",
                Optional.empty(),
                "Bob",
                "b",
                new ReadBackCode("K7-DELTA"),
                "",
                AT,
                Duration.ofMinutes(5));

        assertThrows(IllegalArgumentException.class, () -> HandoffAnnouncement.afterAcknowledgement(pending));
    }
}
