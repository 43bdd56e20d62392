package dev.conn.comms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The right to send the outbox: one holder at a time per database, proved by a fencing token that
 * only grows. A process that wants to send {@link #claim() claims} the lease at every poll; the
 * holder renews it by heartbeat ({@link #renew(long)}) and lets it go on close ({@link
 * #release(long)}). When the holder stops renewing (it died, hangs or lost the database), the lease
 * expires after {@link #ttl()} and the next claim takes it over with a new, larger token.
 *
 * <p>Every outbox state change is then a compare-and-set on the state it expects and on the token
 * (see {@link Outbox}), so a holder that was fenced out (paused past expiry while another took over)
 * can no longer move a row, and rows left {@code IN_FLIGHT} under an older token are known to be
 * the dead holder's, never a live one's.
 *
 * <p>The local implementation ({@link JdbcDispatchLease}) keeps the lease in the data directory's
 * database and reads time from an injected clock; a war room's implementation keeps it in the
 * shared PostgreSQL database and uses the server's clock (issue 13), so consoles on several
 * machines never compare their own clocks. The pattern is Kleppmann's fencing token ("How to do
 * distributed locking", 2016, https://martin.kleppmann.com/2016/02/08/how-to-do-distributed-locking.html).
 * Implementations block on the database; call them off the FX thread.
 */
public interface DispatchLease {

    /** The name of the lease the outbox dispatcher holds (one row of {@code dispatch_lease}). */
    String OUTBOX = "outbox";

    /**
     * Takes the lease if it is free or expired, renews it if this owner holds it, or reports who
     * holds it.
     *
     * @return {@link Claim.Held} (with {@code fresh} true when this call took the lease with a new
     *     token: the caller must then recover the rows an older holder left in flight) or {@link
     *     Claim.Elsewhere}
     * @throws dev.conn.incident.StoreException if the database cannot be read or written
     */
    Claim claim();

    /**
     * Heartbeat: extends the lease by {@link #ttl()} from now if this owner still holds it with
     * {@code token}.
     *
     * @param token the token this owner holds
     * @return false if the lease was taken over meanwhile (this owner is fenced out)
     * @throws dev.conn.incident.StoreException if the database cannot be written
     */
    boolean renew(long token);

    /**
     * Lets the lease go at once (expires it now), so another process takes over at its next poll
     * instead of after the expiry. Does nothing if another owner holds it meanwhile.
     *
     * @param token the token this owner holds
     */
    void release(long token);

    /** @return how long the lease lasts without a heartbeat */
    Duration ttl();

    /** @return the current holder, if any row exists (for the status line and tests) */
    Optional<Holder> holder();

    /** The outcome of a {@link #claim()}. */
    sealed interface Claim {
        /**
         * This owner holds the lease.
         *
         * @param token the fencing token to record on every row this owner moves
         * @param fresh true if this claim took the lease (a new token), false if it renewed it
         */
        record Held(long token, boolean fresh) implements Claim {}

        /**
         * Another owner holds the lease and has not let it expire.
         *
         * @param holder who
         */
        record Elsewhere(Holder holder) implements Claim {}
    }

    /**
     * Who holds (or last held) the lease.
     *
     * @param owner the owner
     * @param token its fencing token
     * @param heartbeatAt its last heartbeat (UTC)
     * @param expiresAt when it expires without another heartbeat (UTC)
     */
    record Holder(Owner owner, long token, Instant heartbeatAt, Instant expiresAt) {}

    /**
     * A process that may hold the lease.
     *
     * @param id unique per process run (a random UUID): a restarted process is a new owner, so it
     *     recovers what its previous run left in flight
     * @param host the machine's name
     * @param pid the process id
     * @param description for people, e.g. "Conn window of Ana Ops"
     */
    record Owner(String id, String host, long pid, String description) {
        /** Checks the fields. */
        public Owner {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(description, "description");
        }

        /**
         * @param description for people, e.g. "Conn window of Ana Ops"
         * @return this process, with a fresh id
         */
        public static Owner thisProcess(String description) {
            return new Owner(
                    UUID.randomUUID().toString(),
                    hostName(),
                    ProcessHandle.current().pid(),
                    description);
        }

        /**
         * The machine's name without a DNS look-up (which can stall for seconds on a laptop with a
         * bad resolver): the environment, then Linux's kernel host name.
         */
        private static String hostName() {
            for (String var : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
                String v = System.getenv(var);
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
            try {
                return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            } catch (IOException | RuntimeException e) {
                return "this machine";
            }
        }
    }
}
