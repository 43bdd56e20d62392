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
 */
record Session(Path dataDirectory, Database database, IncidentService incidents, AutoCloseable turn)
        implements AutoCloseable {
    /** @return the impact series cache as the JSON bundle carries it */
    dev.conn.postmortem.MetricSeriesArchive seriesArchive() {
        return new dev.conn.impact.SeriesArchive(new dev.conn.impact.store.JdbcSeriesCache(database.dataSource()));
    }

    @Override
    public void close() {
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
