package dev.conn.comms;

import dev.conn.incident.JdbcTransactionStep;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link Outbox} for service and view-model tests on the in-memory event store: it holds no
 * rows, answers with the summary it is given, and counts every call, so a test can check that a
 * timer never touches the outbox.
 */
public class CountingOutbox implements Outbox {
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Summary summary = Summary.EMPTY;

    /** @return how many calls were made since the last {@link #resetCount()} */
    public int calls() {
        return calls.get();
    }

    /** Sets the count back to zero. */
    public void resetCount() {
        calls.set(0);
    }

    /** @param next what {@link #summary()} answers from now on */
    public void answer(Summary next) {
        summary = next;
    }

    private <T> T count(T value) {
        calls.incrementAndGet();
        return value;
    }

    @Override
    public List<OutboxMessage> queued() {
        return count(List.of());
    }

    @Override
    public List<OutboxMessage> unknown() {
        return count(summary.unknown());
    }

    @Override
    public Optional<OutboxMessage> row(long seq) {
        return count(Optional.empty());
    }

    @Override
    public int waiting() {
        return count(summary.waiting());
    }

    @Override
    public Summary summary() {
        return count(summary);
    }

    @Override
    public List<OutboxMessage> inFlightBefore(long token) {
        return count(List.of());
    }

    @Override
    public boolean markInFlight(long seq, long token) {
        return count(false);
    }

    @Override
    public boolean reschedule(long seq, long token, Instant nextAttemptAt, String error, boolean attemptCounted) {
        return count(false);
    }

    @Override
    public boolean resend(long seq, Instant at) {
        return count(true);
    }

    @Override
    public JdbcTransactionStep markSent(long seq, long token, Instant sentAt, Optional<String> externalId) {
        return count(c -> {});
    }

    @Override
    public JdbcTransactionStep markFailed(long seq, long token, String reason) {
        return count(c -> {});
    }

    @Override
    public JdbcTransactionStep markUnknown(long seq, long token, String reason) {
        return count(c -> {});
    }

    @Override
    public JdbcTransactionStep recoverUnknown(long seq, long token) {
        return count(c -> {});
    }

    @Override
    public JdbcTransactionStep confirmSent(long seq, Instant sentAt) {
        return count(c -> {});
    }
}
