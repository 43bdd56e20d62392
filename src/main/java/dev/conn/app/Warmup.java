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
    static final String[] CLASSES = {
        "org.h2.Driver",
        "org.h2.jdbcx.JdbcConnectionPool",
        "org.h2.mvstore.MVStore",
        "org.h2.command.Parser",
        "org.flywaydb.core.Flyway",
        "org.flywaydb.core.internal.database.h2.H2DatabaseType",
        "dev.conn.incident.IncidentService",
        // builds the readers and writers of every event type (0.5-1 s cold, C1): the first read
        // of the log waits for them otherwise
        "dev.conn.incident.EventCodec",
        "dev.conn.timeline.TimelineProjection",
    };

    /**
     * JavaFX classes, warmed only once the toolkit is up ({@link #startFx()}): initialising a
     * control class before then fails in {@code Control}'s static initialiser ("Toolkit not
     * initialized"), and the class stays unusable for the life of the process.
     */
    private static final String[] FX_CLASSES = {
        "javafx.fxml.FXMLLoader", "org.controlsfx.control.CheckComboBox", "atlantafx.base.theme.PrimerDark",
    };

    private Warmup() {}

    /**
     * Starts warming the classes that need no toolkit (Jackson, H2, Flyway, Conn's core) on the
     * common fork-join pool (daemon threads) and returns at once. Safe before the toolkit starts.
     */
    static void start() {
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                Json.newMapper().readTree("{\"at\":\"2026-01-01T00:00:00Z\",\"n\":[1,2]}");
            } catch (Exception e) {
                Logger.getLogger(Warmup.class.getName()).log(Level.FINE, "warm-up skipped", e);
            }
            load(CLASSES);
        });
    }

    /**
     * Starts warming the JavaFX, ControlsFX and AtlantaFX classes on a daemon thread. Call only
     * once the toolkit is running ({@code Application.init} and later).
     *
     * @throws IllegalStateException if the toolkit is not running yet
     */
    static void startFx() {
        try {
            javafx.application.Platform.runLater(() -> {}); // throws if the toolkit is not up
        } catch (IllegalStateException e) {
            throw new IllegalStateException("JavaFX classes are warmed only once the toolkit runs", e);
        }
        java.util.concurrent.CompletableFuture.runAsync(() -> load(FX_CLASSES));
    }

    /**
     * Starts linking (loading and verifying, not initialising: no class initialiser runs, so none
     * can deadlock with the FX thread's) the classes the main window's build and first layout load,
     * listed in {@code warm-classes.txt} (written by {@code dev.conn.bench.WarmClassList}), on a
     * low-priority daemon thread. Call once the first frame is up: the FX thread then waits for the
     * data directory, and the other core does this. {@code -Dconn.warm.list=false} turns it off
     * (to measure without it). A name that no longer exists is skipped.
     */
    static void startListed() {
        if (!Boolean.parseBoolean(System.getProperty("conn.warm.list", "true"))) {
            return;
        }
        Thread t = new Thread(Warmup::linkListed, "conn-warm");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void linkListed() {
        dev.conn.platform.trace.StartupTrace.mark("warm: linking listed classes");
        ClassLoader loader = Warmup.class.getClassLoader();
        int n = 0;
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
                Warmup.class.getResourceAsStream("warm-classes.txt"), java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                try {
                    Class.forName(line.strip(), false, loader).getDeclaredConstructors();
                    n++;
                } catch (Exception | LinkageError e) {
                    // gone or not loadable here: only a head start
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            Logger.getLogger(Warmup.class.getName()).log(Level.FINE, "warm-up skipped", e);
        }
        dev.conn.platform.trace.StartupTrace.mark("warm: " + n + " classes linked");
    }

    private static void load(String[] names) {
        try {
            ClassLoader loader = Warmup.class.getClassLoader();
            for (String name : names) {
                Class.forName(name, true, loader);
            }
        } catch (Exception | LinkageError e) {
            Logger.getLogger(Warmup.class.getName()).log(Level.FINE, "warm-up skipped", e);
        }
    }
}
