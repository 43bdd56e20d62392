package dev.conn.comms;

import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentLog;
import dev.conn.incident.JdbcTransactionStep;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Records a delivery outcome through the one writer: the {@link DeliveryDecider}'s event and the
 * outbox row's compare-and-set commit in one transaction ({@link IncidentLog#execute(IncidentId,
 * dev.conn.incident.Decider, Object, String, Optional)}), or neither does. Blocking.
 */
final class DeliveryRecorder {
    /** The author of the dispatcher's events. */
    static final String SYSTEM_AUTHOR = "Conn outbox";

    private final IncidentLog log;
    private final DeliveryDecider decider = new DeliveryDecider();

    /** @param log the one writer */
    DeliveryRecorder(IncidentLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @param incident the row's incident
     * @param outcome what became of the message
     * @param cas the row's compare-and-set, run in the append's transaction
     * @param author who records it
     * @return the events appended, or empty if the row had moved on (then nothing is stored)
     * @throws dev.conn.incident.StoreException if the database cannot be written
     */
    Optional<List<Event>> record(IncidentId incident, DeliveryCommand outcome, JdbcTransactionStep cas, String author) {
        try {
            return Optional.of(log.execute(incident, decider, outcome, author, Optional.of(cas)));
        } catch (OutboxRowMovedException moved) {
            return Optional.empty();
        }
    }
}
