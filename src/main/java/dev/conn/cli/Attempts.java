package dev.conn.cli;

import dev.conn.platform.db.Database;
import dev.conn.platform.db.DatabaseErrors;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a subcommand survives losing its database connection: work safe to repeat runs again on a
 * fresh session; work that is not says its outcome is unknown instead of guessing.
 */
final class Attempts {
    private Attempts() {}

    /**
     * Runs work on an open session, and runs it again on a fresh one if the connection to the
     * database was lost meanwhile (the Conn process whose mixed-mode server this one used exited
     * mid-work). Only for work that is safe to repeat: reads, and appends keyed by an event id
     * minted before the first try (the store skips an id it already holds, so an append whose
     * outcome was unknown is stored once). Gives up after {@link Database#PATIENCE}.
     *
     * @param opener opens the session ({@link #open()}, {@link #openForReading()}, ...)
     * @param work the work; it must be safe to repeat
     * @param <T> its result
     * @return the work's result
     */
    static <T> T repeatable(Supplier<Session> opener, Function<Session, T> work) {
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try (Session s = opener.get()) {
                return work.apply(s);
            } catch (RuntimeException e) {
                boolean lost = DatabaseErrors.connectionLost(e) || DatabaseErrors.isBusy(e);
                if (!lost || Duration.ofNanos(System.nanoTime() - start).compareTo(Database.PATIENCE) >= 0) {
                    throw e;
                }
                try {
                    Thread.sleep(Math.min(500, 20L * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Runs work that must not be repeated blindly (declaring an incident mints new ids): if the
     * connection to the database is lost mid-work, says that the outcome is unknown instead.
     *
     * @param opener opens the session
     * @param work the work
     * @param what what the work does, for the message ("declaring the incident")
     * @param <T> its result
     * @return the work's result
     * @throws IllegalStateException if the connection was lost and the outcome is unknown
     */
    static <T> T once(Supplier<Session> opener, Function<Session, T> work, String what) {
        try (Session s = opener.get()) {
            return work.apply(s);
        } catch (RuntimeException e) {
            if (DatabaseErrors.connectionLost(e)) {
                throw new IllegalStateException(
                        "The database connection was lost while " + what + " (the other"
                                + " Conn process sharing it exited), so Conn cannot tell whether it was recorded. Run `conn"
                                + " incidents` to check before trying again.",
                        e);
            }
            throw e;
        }
    }
}
