package dev.conn.app;

import dev.conn.incident.EventStore;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The core as {@link AppContext} needs it: opened with the projections that commit with each
 * append (Grafana's read the settings current at each append, held in {@code settings} once the
 * context follows them). Opening needs no JavaFX toolkit, so it may run before the window starts
 * ({@link EarlyCore}).
 *
 * @param core the core
 * @param settings the settings the projections read; set by the context built on it
 */
record OpenedCore(Core core, AtomicReference<Settings> settings) {

    /**
     * Opens the core (see {@link Core#open}). Blocks on disk.
     *
     * @param dataDirectory the data directory
     * @param clock the clock
     * @param disk the disk runner
     * @param network the network runner
     * @param decorate wraps the event store (tests); identity in the app
     * @return the opened core
     * @throws dev.conn.settings.ConfigException naming the file if the directory is unusable or
     *     the settings or policy file is bad or cannot be written
     * @throws dev.conn.platform.db.DatabaseException naming the file if the database cannot be used
     */
    static OpenedCore open(
            Path dataDirectory, Clock clock, TaskRunner disk, TaskRunner network, UnaryOperator<EventStore> decorate) {
        AtomicReference<Settings> now = new AtomicReference<>();
        return new OpenedCore(
                Core.open(
                        dataDirectory,
                        clock,
                        disk,
                        network,
                        ds -> IntegrationDesk.outboxProjections(now::get),
                        decorate),
                now);
    }
}
