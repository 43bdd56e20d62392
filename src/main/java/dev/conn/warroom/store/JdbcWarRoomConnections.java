package dev.conn.warroom.store;

import dev.conn.incident.StoreException;
import dev.conn.warroom.WarRoomRefusedException;
import dev.conn.warroom.WarRoomUnreachableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * A few connections to the war room kept open between uses, for the dispatch lease and the outbox
 * (their calls come every half second from the dispatcher and its heartbeat): borrowed for one
 * piece of work, given back, and dropped when they fail. Thread-safe. Every failure reaches the
 * caller as a {@link StoreException} (what the comms feature's outbox and lease throw), whose
 * message says whether the war room was unreachable or refused.
 */
final class JdbcWarRoomConnections implements AutoCloseable {
    private static final int KEPT = 2;

    private final Supplier<Connection> open;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    /** @param open opens a connection (auto-commit on) */
    JdbcWarRoomConnections(Supplier<Connection> open) {
        this.open = open;
    }

    /** Work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs work on a borrowed connection (auto-commit on when it starts; the work restores it).
     *
     * @param what what the work does, for the message
     * @param work the work
     * @param <T> its result
     * @return the work's result
     * @throws StoreException if the war room cannot be reached, refuses, or the work fails
     */
    <T> T with(String what, Work<T> work) {
        Connection c;
        try {
            c = borrow();
        } catch (WarRoomUnreachableException | WarRoomRefusedException e) {
            throw new StoreException("Could not " + what + " in the war room: " + e.getMessage(), e);
        }
        boolean healthy = false;
        try {
            T result = work.run(c);
            healthy = true;
            return result;
        } catch (SQLException e) {
            throw new StoreException("Could not " + what + " in the war room: " + e.getMessage(), e);
        } finally {
            giveBack(c, healthy);
        }
    }

    private Connection borrow() {
        synchronized (this) {
            if (closed) {
                throw new WarRoomUnreachableException("the war room connection is closed", null);
            }
            Connection c = idle.pollFirst();
            if (c != null) {
                return c;
            }
        }
        return open.get();
    }

    private void giveBack(Connection c, boolean healthy) {
        if (healthy) {
            try {
                if (c.getAutoCommit()) {
                    synchronized (this) {
                        if (!closed && idle.size() < KEPT) {
                            idle.addFirst(c);
                            return;
                        }
                    }
                }
            } catch (SQLException e) {
                // broken: dropped below
            }
        }
        try {
            c.close();
        } catch (SQLException e) {
            // already broken
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            for (Connection c : idle) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // already broken
                }
            }
            idle.clear();
        }
    }
}
