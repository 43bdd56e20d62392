package dev.conn.app;

import dev.conn.platform.json.Json;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads and initialises the heavy classes of the start-up path (Jackson, H2, Flyway, FXML,
 * ControlsFX) on a side thread while the JavaFX toolkit boots, so the window is ready sooner. It
 * has no side effects: nothing is opened, read or written.
 */
final class Warmup {
    private static final String[] CLASSES = {
        "org.h2.Driver",
        "org.h2.jdbcx.JdbcConnectionPool",
        "org.h2.mvstore.MVStore",
        "org.h2.command.Parser",
        "org.flywaydb.core.Flyway",
        "org.flywaydb.core.internal.database.h2.H2DatabaseType",
        "javafx.fxml.FXMLLoader",
        "org.controlsfx.control.CheckComboBox",
        "atlantafx.base.theme.PrimerDark",
        "dev.conn.incident.IncidentService",
        "dev.conn.timeline.TimelineProjection",
    };

    private Warmup() {}

    /** Starts the warm-up on the common fork-join pool (daemon threads) and returns at once. */
    static void start() {
        java.util.concurrent.CompletableFuture.runAsync(Warmup::run);
    }

    private static void run() {
        try {
            Json.newMapper().readTree("{\"at\":\"2026-01-01T00:00:00Z\",\"n\":[1,2]}");
            ClassLoader loader = Warmup.class.getClassLoader();
            for (String name : CLASSES) {
                Class.forName(name, true, loader);
            }
        } catch (Exception | LinkageError e) {
            Logger.getLogger(Warmup.class.getName()).log(Level.FINE, "warm-up skipped", e);
        }
    }
}
