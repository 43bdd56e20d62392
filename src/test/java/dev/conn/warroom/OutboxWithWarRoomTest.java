package dev.conn.warroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conn.comms.CountingOutbox;
import dev.conn.comms.Outbox;
import dev.conn.comms.OutboxMessage;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The Comms tab's outbox with a war room: the console's own rows and the war room's side by side
 * (the same row number in each stays apart), settled in the outbox each came from, and read without
 * ever calling the war room's server.
 */
class OutboxWithWarRoomTest {
    private static final Instant T0 = Instant.parse("2026-12-06T02:00:00Z");

    private final CountingOutbox local = new CountingOutbox();
    private final CountingOutbox warRoom = new CountingOutbox();
    private final OutboxWithWarRoom shown = new OutboxWithWarRoom(local);

    @Test
    void listsBothOutboxesAndAddsTheirWaitingRowsWithoutAskingTheWarRoom() {
        local.answer(new Outbox.Summary(2, List.of(row(3, "ours"))));
        shown.warRoom(Optional.of(warRoom));
        shown.shared(1, List.of(row(3, "theirs")));
        warRoom.resetCount();

        Outbox.Summary s = shown.summary();

        assertThat(s.waiting()).isEqualTo(3);
        assertThat(s.unknown()).extracting(OutboxMessage::subject).containsExactly("ours", "theirs");
        assertThat(s.unknown()).extracting(OutboxMessage::seq).containsExactly(3L, -3L);
        assertThat(s.unknown().stream().map(OutboxWithWarRoom::inWarRoom)).containsExactly(false, true);
        assertThat(warRoom.calls())
                .as("the war room's server is never asked by a read")
                .isZero();
    }

    @Test
    void aResendGoesToTheOutboxTheRowCameFromAndLeavesTheListAtOnce() {
        local.answer(new Outbox.Summary(0, List.of(row(3, "ours"))));
        shown.warRoom(Optional.of(warRoom));
        shown.shared(0, List.of(row(3, "theirs")));
        local.resetCount();
        warRoom.resetCount();

        assertThat(shown.resend(-3, T0)).isTrue();

        assertThat(warRoom.calls()).isEqualTo(1);
        assertThat(local.calls()).isZero();
        Outbox.Summary s = shown.summary();
        assertThat(s.unknown()).extracting(OutboxMessage::subject).containsExactly("ours");
        assertThat(s.waiting())
                .as("the resent row waits in the war room's queue")
                .isEqualTo(1);

        assertThat(shown.resend(3, T0)).isTrue();
        assertThat(local.calls()).isEqualTo(2); // the resend, and the summary it was read with above
    }

    @Test
    void afterLeavingTheWarRoomItsRowsAreGoneAndCannotBeSettledFromHere() {
        AtomicInteger told = new AtomicInteger();
        shown.onChange(told::incrementAndGet);
        shown.warRoom(Optional.of(warRoom));
        shown.shared(4, List.of(row(7, "theirs")));
        assertThat(told.get()).isEqualTo(2);

        shown.warRoom(Optional.empty());
        shown.shared(4, List.of(row(7, "a count that finished late")));

        assertThat(shown.summary().unknown()).isEmpty();
        assertThat(shown.waiting()).isZero();
        assertThatThrownBy(() -> shown.confirmSent(-7, T0))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("left the war room");
    }

    private static OutboxMessage row(long seq, String subject) {
        return new OutboxMessage(
                seq,
                UUID.randomUUID(),
                new IncidentId(UUID.randomUUID()),
                "hook",
                "Ana",
                subject,
                "body",
                CommsEvent.MessageExtras.NONE,
                OutboxMessage.State.UNKNOWN,
                1,
                0,
                T0,
                Optional.of("the answer was lost"),
                Optional.empty());
    }
}
