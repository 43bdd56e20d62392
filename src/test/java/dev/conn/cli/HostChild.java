package dev.conn.cli;

import dev.conn.platform.db.Database;
import java.nio.file.Path;

/**
 * A process that opens the database (so it hosts H2's mixed-mode server, as a window does), says
 * {@code READY}, and exits as soon as another process is connected through it (then after the
 * given milliseconds more), so that process loses its connection mid-work. Prints {@code CLIENTS n}
 * with how many were connected when it exited. Usage: {@code HostChild DATA_DIR MILLIS}.
 */
public final class HostChild {
    private HostChild() {}

    public static void main(String[] args) throws Exception {
        Database db = Database.open(Path.of(args[0]));
        try (var c = db.dataSource().getConnection()) {
            c.isValid(1);
        }
        System.out.println("READY");
        System.out.flush();
        long deadline = System.nanoTime() + 60_000_000_000L;
        int others = 0;
        try (var c = db.dataSource().getConnection();
                var st = c.createStatement()) {
            while (others == 0 && System.nanoTime() < deadline) {
                try (var rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
                    rs.next();
                    others = rs.getInt(1) - 1;
                }
                Thread.sleep(5);
            }
        }
        Thread.sleep(Long.parseLong(args[1]));
        System.out.println("CLIENTS " + others);
        System.out.flush();
        System.exit(0); // H2's shutdown hook closes the database under the connected clients
    }
}
