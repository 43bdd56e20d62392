package dev.conn.cli;

import dev.conn.incident.IncidentService;
import dev.conn.platform.db.Database;
import java.nio.file.Path;

/**
 * An open database and service, closed when the subcommand ends; then this command's turn on
 * the data directory ends ({@link CliTurn}).
 *
 * @param dataDirectory the data directory
 * @param database its database
 * @param incidents the incident service on it
 * @param turn this command's turn on the data directory, released on close
 * @param share pushes what this command wrote to the war room (issue 13) on close, before the
 *     database closes; a no-op without a war room
 */
record Session(
        Path dataDirectory, Database database, IncidentService incidents, AutoCloseable turn, AutoCloseable share)
        implements AutoCloseable {
    /** A session without a war room. */
    Session(Path dataDirectory, Database database, IncidentService incidents, AutoCloseable turn) {
        this(dataDirectory, database, incidents, turn, () -> {});
    }

    /** @return the impact series cache as the JSON bundle carries it */
    dev.conn.postmortem.MetricSeriesArchive seriesArchive() {
        return new dev.conn.impact.SeriesArchive(new dev.conn.impact.store.JdbcSeriesCache(database.dataSource()));
    }

    @Override
    public void close() {
        try {
            share.close(); // what this command wrote, to the war room (if any)
        } catch (Exception e) {
            // said by the sharing itself; the data is safe in the data directory
        }
        try {
            database.close();
        } finally {
            try {
                turn.close();
            } catch (Exception e) {
                // the OS releases the lock when the process ends anyway
            }
        }
    }
}
