package dev.conn.warroom;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL cluster for the war-room tests: Debian's binaries ({@code apt-get install
 * postgresql}; {@code .ci/run} installs them), initdb'd in a temporary directory and run on
 * 127.0.0.1 at a random port. PostgreSQL refuses to run as root, so as root the cluster runs as the
 * {@code postgres} user ({@code runuser}). Tests can stop, start and restart "the server".
 *
 * <p>Without the binaries a test is skipped with a loud message, and fails under {@code CI=true}.
 */
public final class PgCluster implements AutoCloseable {
    /** The superuser's password (a throw-away cluster on loopback). */
    public static final String SUPER_PASSWORD = "conn-test-super";

    private final Path bin;
    private final Path base;
    private final Path data;
    private final int port;
    private final List<String> extraOptions;

    private PgCluster(Path bin, Path base, int port, List<String> extraOptions) {
        this.bin = bin;
        this.base = base;
        this.data = base.resolve("data");
        this.port = port;
        this.extraOptions = List.copyOf(extraOptions);
    }

    /** @return the binaries' directory of the newest installed PostgreSQL, if any */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Creates and starts a cluster.
     *
     * @param extraOptions more {@code -c name=value} server settings (e.g. ssl)
     * @return the running cluster
     * @throws Exception if it cannot be started
     */
    public static PgCluster start(String... extraOptions) throws Exception {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            String msg = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): the war-room tests need a"
                    + " real server. Install it with: apt-get install -y postgresql. ";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg + "In CI (CI=true) this is a failure: .ci/run installs the package.");
            }
            Assumptions.abort(msg);
        }
        Path base = Files.createTempDirectory("conn-pg-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        PgCluster pg = new PgCluster(bin.get(), base, freePort(), List.of(extraOptions));
        pg.init();
        pg.startServer();
        return pg;
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void init() throws Exception {
        Files.createDirectories(data);
        Files.createDirectories(base.resolve("sock"));
        Path pw = base.resolve("pw");
        Files.writeString(pw, SUPER_PASSWORD + "\n", StandardCharsets.UTF_8);
        if (root()) {
            UserPrincipal postgres =
                    base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            for (Path p : List.of(base, data, base.resolve("sock"), pw)) {
                Files.setOwner(p, postgres);
            }
        }
        run(
                bin.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "--pwfile=" + pw,
                "--auth-host=scram-sha-256",
                "--auth-local=trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync");
    }

    /** Starts the server (again) on the same port; waits until it accepts connections. */
    public void startServer() throws Exception {
        StringBuilder opts = new StringBuilder("-p " + port + " -k " + base.resolve("sock")
                + " -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off");
        for (String o : extraOptions) {
            opts.append(" -c ").append(o);
        }
        run(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                base.resolve("server.log").toString(),
                "-o",
                opts.toString(),
                "-w",
                "-t",
                "60",
                "start");
    }

    /**
     * Stops the server.
     *
     * @param mode {@code fast} (clean shutdown, clients disconnected) or {@code immediate} (like a crash)
     */
    public void stopServer(String mode) throws Exception {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", mode, "-w", "-t", "60", "stop");
    }

    /** @return the port on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @return the data directory (for a test's pg_hba.conf or certificates) */
    public Path dataDirectory() {
        return data;
    }

    /**
     * @param database a database name
     * @return its JDBC URL on this cluster
     */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Runs SQL as the superuser.
     *
     * @param database the database
     * @param statements the statements, each run on its own
     */
    public void superSql(String database, String... statements) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", SUPER_PASSWORD);
        try (Connection c = DriverManager.getConnection(url(database), p);
                Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    /**
     * Creates a login role and a database it owns (the README's set-up).
     *
     * @param database the database name
     * @param owner the owning role
     * @param password its password
     * @return the database's URL
     */
    public String createWarRoom(String database, String owner, String password) throws SQLException {
        superSql(
                "postgres",
                "CREATE ROLE " + owner + " LOGIN PASSWORD '" + password + "'",
                "CREATE DATABASE " + database + " OWNER " + owner);
        return url(database);
    }

    /** @return a fresh database name */
    public static String freshName() {
        return "wr_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private void run(String... command) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (root()) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        Path out = Files.createTempFile("conn-pg-cmd", ".out");
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", cmd));
            }
            if (p.exitValue() != 0) {
                throw new IOException("failed (" + p.exitValue() + "): " + String.join(" ", cmd) + "\n"
                        + Files.readString(out) + "\n" + serverLog());
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** @return the server's log, for a failure message */
    public String serverLog() {
        try {
            return Files.readString(base.resolve("server.log"));
        } catch (IOException e) {
            return "(no server log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Stops the server at once and deletes the cluster. */
    @Override
    public void close() throws Exception {
        try {
            stopServer("immediate");
        } catch (Exception e) {
            // not running
        }
        try (Stream<Path> all = Files.walk(base)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        }
    }
}
