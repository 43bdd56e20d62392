package dev.conn.comms.ui;

import dev.conn.comms.AudienceCountdown;
import dev.conn.comms.DispatchLease;
import dev.conn.comms.OutboxDispatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The Comms tab's and the status bar's words for countdowns and the outbox. Pure. */
public final class CommsText {
    /** What a window that does not hold the dispatch lease says. */
    public static final String OTHER_WINDOW = "Messages are sent by the other Conn window";

    private CommsText() {}

    /**
     * @param remaining time left (negative when overdue)
     * @return "12:05" or "3:10 overdue"
     */
    public static String countdownText(Duration remaining) {
        boolean late = remaining.isNegative();
        long s = Math.abs(remaining.getSeconds());
        String t = String.format("%d:%02d", s / 60, s % 60);
        return late ? t + " overdue" : t;
    }

    /**
     * A deadline as a countdown that cannot be read as a clock time, with the clock time it counts
     * to beside it (issue 14 item 8): "in 11:56 (promised 19:12 UTC)", "0:09 overdue (due at the
     * hand-off of command, 14:05 UTC)". An hour or more left reads "in 1:04:00".
     *
     * @param remaining time left (negative when overdue)
     * @param dueAt the instant it counts to (UTC)
     * @param basis why it is due then
     * @return the text
     */
    public static String dueText(Duration remaining, Instant dueAt, AudienceCountdown.Basis basis) {
        String at = HHMM.format(dueAt);
        String why =
                switch (basis) {
                    case PROMISED -> "promised " + at;
                    case HANDOFF -> "due at the hand-off of command, " + at;
                    case FIRST_UPDATE, CADENCE -> "due " + at;
                };
        boolean late = remaining.isNegative();
        String span = span(remaining.abs());
        return (late ? span + " overdue" : "in " + span) + " (" + why + ")";
    }

    /**
     * A checklist item's deadline in the same words as its audience's countdown.
     *
     * @param remaining time left (negative when overdue)
     * @param dueAt the instant it counts to (UTC)
     * @param promised true if it is the time the last message to its audience promised
     * @return e.g. "in 11:56 (promised 19:12 UTC)" or "3:10 overdue (due 18:50 UTC)"
     */
    public static String dueText(Duration remaining, Instant dueAt, boolean promised) {
        return dueText(remaining, dueAt, promised ? AudienceCountdown.Basis.PROMISED : AudienceCountdown.Basis.CADENCE);
    }

    private static String span(Duration d) {
        long s = d.getSeconds();
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    private static final java.time.format.DateTimeFormatter HHMM =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /**
     * @param n messages waiting
     * @param offline whether the server could not be reached
     * @return the status bar text of a window that sends
     */
    public static String waitingText(int n, boolean offline) {
        return waitingText(n, new OutboxDispatcher.Status(true, offline, Optional.empty()));
    }

    /**
     * @param n messages waiting
     * @param st where sending stands
     * @return the status bar text: "3 messages waiting (offline)", "3 messages waiting: the other
     *     Conn window sends them", "Messages are sent by the other Conn window", or empty
     */
    public static String waitingText(int n, OutboxDispatcher.Status st) {
        if (st.elsewhere().isPresent()) {
            String who = sender(st.elsewhere().get());
            return n == 0
                    ? "Messages are sent by " + who
                    : n + (n == 1 ? " message" : " messages") + " waiting: " + who + " sends them";
        }
        if (n == 0) {
            return "";
        }
        return n + (n == 1 ? " message" : " messages") + " waiting" + (st.offline() ? " (offline)" : "");
    }

    /**
     * @param st where sending stands
     * @return "Messages are sent by the other Conn window (Conn window of Ana Ops, pid 4242)." when
     *     another process holds the lease, else empty
     */
    public static String senderText(OutboxDispatcher.Status st) {
        return st.elsewhere()
                .map(h -> h.owner().pid() == 0
                        ? "Messages are sent by " + h.owner().description() + "."
                        : OTHER_WINDOW + " (" + h.owner().description() + ", pid "
                                + h.owner().pid() + ").")
                .orElse("");
    }

    /**
     * @return who sends: "the other Conn window", or for a holder that is no process (pid 0: while
     *     this console is in a war room, its own outbox is sent by "the war room's sending console")
     *     its description
     */
    private static String sender(DispatchLease.Holder h) {
        return h.owner().pid() == 0 ? h.owner().description() : "the other Conn window";
    }
}
