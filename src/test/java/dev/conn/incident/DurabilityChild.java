package dev.conn.incident;

import dev.conn.platform.db.Database;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The process {@link DurabilityKillTest} kills: appends notes {@code {"n": i}} to one fixed incident
 * for ever, printing {@code ACK i} once each append has returned. Numbering continues after the
 * highest {@code n} already stored, so the test can kill and restart it on the same directory.
 *
 * <p>Usage: {@code DurabilityChild DATA_DIR}
 */
public final class DurabilityChild {
    /** The incident every note goes to. */
    static final IncidentId INCIDENT = new IncidentId(UUID.fromString("01900000-0000-7000-8000-00000000d00d"));

    private DurabilityChild() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        Database db = Database.open(Path.of(args[0]));
        EventStore store = EventStore.jdbc(db.dataSource());
        long n = store.readIncident(INCIDENT).stream()
                .mapToLong(e -> e.payload().toNode().get("n").asLong())
                .max()
                .orElse(0);
        out.println("READY " + n);
        out.flush();
        while (true) {
            n++;
            Instant now = Instant.now();
            store.append(new Append(
                    List.of(new Event(
                            Event.newId(),
                            INCIDENT,
                            now,
                            now,
                            "durability-child",
                            EventType.NOTE,
                            Payload.parse("{\"n\":" + n + "}"))),
                    Optional.empty(),
                    Origin.DECIDED));
            out.println("ACK " + n);
            out.flush();
        }
    }
}
