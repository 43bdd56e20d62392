package dev.conn.command;

import static dev.conn.command.Script.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.AckMethod;
import dev.conn.incident.EventType;
import dev.conn.incident.Role;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandoffTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private static Handoff offeredAtTen() {
        return Handoff.offer(
                "o1",
                Role.INCIDENT_COMMANDER,
                "Alice",
                Optional.of("a"),
                "Bob",
                "b",
                new ReadBackCode("K7-DELTA"),
                "brief",
                at(10),
                TIMEOUT);
    }

    @Test
    void offerStaysPendingUntilTheTimeout() {
        Handoff h = offeredAtTen();

        assertThat(h.stateAt(at(14))).isEqualTo(HandoffState.OFFERED);
        assertThat(h.remainingAt(at(14))).isEqualTo(Duration.ofMinutes(1));
        assertThat(h.expiresAt()).isEqualTo(at(15));
    }

    @Test
    void offerIsExpiredOnceTheTimeoutPassesEvenBeforeAnExpiryIsRecorded() {
        Handoff h = offeredAtTen();

        assertThat(h.recordedState()).isEqualTo(HandoffState.OFFERED);
        assertThat(h.stateAt(at(15))).isEqualTo(HandoffState.EXPIRED);
        assertThat(h.isDueForExpiry(at(15))).isTrue();
        assertThat(h.remainingAt(at(16))).isZero();
    }

    @Test
    void stateAtATimeBeforeTheOutcomeIsStillOfferedAndBeforeTheOfferCountsAsTheOffer() {
        Handoff acked = offeredAtTen().acknowledge(AckMethod.READ_BACK, "K7-DELTA", at(12));

        assertThat(acked.stateAt(at(11))).isEqualTo(HandoffState.OFFERED);
        assertThat(acked.stateAt(at(12))).isEqualTo(HandoffState.ACKNOWLEDGED);
        assertThat(acked.stateAt(at(9))).isEqualTo(HandoffState.OFFERED);
        assertThat(offeredAtTen().stateAt(at(9))).isEqualTo(HandoffState.OFFERED);
    }

    @Test
    void acknowledgementWithTheReadBackCodeIsRecordedWithItsTimeAndMethod() {
        Handoff acked = offeredAtTen().acknowledge(AckMethod.READ_BACK, "K7-DELTA", at(12));

        assertThat(acked.stateAt(at(12))).isEqualTo(HandoffState.ACKNOWLEDGED);
        assertThat(acked.acknowledgedAt()).contains(at(12));
        assertThat(acked.method()).contains(AckMethod.READ_BACK);
    }

    @Test
    void readBackIgnoresCaseSpacesAndHyphens() {
        Handoff acked = offeredAtTen().acknowledge(AckMethod.READ_BACK, " k7 delta ", at(12));

        assertThat(acked.recordedState()).isEqualTo(HandoffState.ACKNOWLEDGED);
    }

    @Test
    void wrongReadBackCodeIsRefusedAndTheOfferStaysPending() {
        Handoff h = offeredAtTen();

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> h.acknowledge(AckMethod.READ_BACK, "K7-ECHO", at(12)));

        assertThat(e.getMessage()).contains("not the code").doesNotContain("DELTA");
        assertThat(h.isPendingAt(at(12))).isTrue();
    }

    @Test
    void readBackWithoutACodeIsRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> offeredAtTen().acknowledge(AckMethod.READ_BACK, " ", at(12)));
    }

    @Test
    void voiceAcknowledgementWithoutCodeIsAcceptedAndRecordedAsWeaker() {
        Handoff acked = offeredAtTen().acknowledge(AckMethod.VOICE_WITHOUT_CODE, null, at(12));

        assertThat(acked.method()).contains(AckMethod.VOICE_WITHOUT_CODE);
        assertThat(acked.method().orElseThrow().isWeak()).isTrue();
        assertThat(AckMethod.IN_PERSON.isWeak()).isFalse();
        assertThat(AckMethod.READ_BACK.isWeak()).isFalse();
    }

    @Test
    void acknowledgementAfterExpiryIsRefusedSayingTheHolderKeepsTheRole() {
        Handoff h = offeredAtTen();

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> h.acknowledge(AckMethod.IN_PERSON, null, at(16)));

        assertThat(e.getMessage()).contains("expired at 14:15 UTC").contains("Alice still holds the role");
    }

    @Test
    void acknowledgementOfAWithdrawnOfferIsRefused() {
        Handoff withdrawn = offeredAtTen().withdraw(Optional.of("Bob was paged elsewhere"), at(11));

        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> withdrawn.acknowledge(AckMethod.IN_PERSON, null, at(12)));

        assertThat(e.getMessage()).contains("withdrawn at 14:11 UTC");
        assertThat(withdrawn.reason()).contains("Bob was paged elsewhere");
    }

    @Test
    void declineIsRecordedAndEndsTheOffer() {
        Handoff declined = offeredAtTen().decline(Optional.of("on another incident"), at(11));

        assertThat(declined.stateAt(at(30))).isEqualTo(HandoffState.DECLINED);
        assertThat(declined.closedAt()).contains(at(11));
        assertThrows(IllegalStateException.class, () -> declined.acknowledge(AckMethod.IN_PERSON, null, at(12)));
        assertThrows(IllegalStateException.class, () -> declined.withdraw(Optional.empty(), at(12)));
    }

    @Test
    void secondAcknowledgementIsRefused() {
        Handoff acked = offeredAtTen().acknowledge(AckMethod.IN_PERSON, null, at(12));

        assertThrows(IllegalStateException.class, () -> acked.acknowledge(AckMethod.IN_PERSON, null, at(13)));
    }

    @Test
    void expiryIsDatedAtTheTimeoutWhenNoticedLater() {
        Handoff expired = offeredAtTen().expire(at(40));

        assertThat(expired.recordedState()).isEqualTo(HandoffState.EXPIRED);
        assertThat(expired.closedAt()).contains(at(15));
    }

    @Test
    void offerCannotExpireBeforeItsTimeout() {
        assertThrows(IllegalStateException.class, () -> offeredAtTen().expire(at(14)));
    }

    @Test
    void foldFollowsEachOfferToItsFirstOutcome() {
        Script s = new Script()
                .declared(at(0), "Alice")
                .offered(at(10), "o1", Role.SCRIBE, "Alice", null, "Bob", "b")
                .add(EventType.HANDOFF_DECLINED, at(11), "offerId", "o1", "reason", "busy")
                .offered(at(12), "o2", Role.SCRIBE, "Alice", null, "Carol", "c")
                .add(EventType.HANDOFF_WITHDRAWN, at(13), "offerId", "o2")
                .offered(at(14), "o3", Role.SCRIBE, "Alice", null, "Carol", "c")
                .add(EventType.HANDOFF_EXPIRED, at(19), "offerId", "o3")
                .add(EventType.HANDOFF_ACKNOWLEDGED, at(20), "offerId", "o3", "role", "SCRIBE", "to", "Carol")
                .offered(at(21), "o4", Role.SCRIBE, "Alice", null, "Carol", "c");

        Handoffs h = Handoffs.fold(s.events(), TIMEOUT);

        assertThat(h.all())
                .extracting(x -> x.stateAt(at(22)))
                .containsExactly(
                        HandoffState.DECLINED, HandoffState.WITHDRAWN, HandoffState.EXPIRED, HandoffState.OFFERED);
        assertThat(h.find("o1").orElseThrow().reason()).contains("busy");
        assertThat(h.pendingFor(Role.SCRIBE, at(22)))
                .extracting(Handoff::offerId)
                .containsExactly("o4");
        assertThat(h.dueForExpiry(at(26))).extracting(Handoff::offerId).containsExactly("o4");
    }

    @Test
    void unknownOfferIsRefusedWithAClearMessage() {
        Handoffs h = Handoffs.fold(new Script().declared(at(0), "Alice").events(), TIMEOUT);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> h.require("nope"));

        assertThat(e.getMessage()).contains("no hand-off offer nope");
    }
}
