package dev.conn.warroom;

import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * What a console checks on every connect: that its journal belongs to this war room, and that the
 * journal's record of the war room (the event at the newest position it holds) agrees with the
 * server. After a failover that lost the newest transactions, or a restore from an older backup,
 * the journal is rewound to where both agree (found by galloping, then bisecting, over positions
 * the journal holds) and shares the rest again ({@link Journal#rewindTo}).
 */
final class Reconciliation {
    private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());

    private Reconciliation() {}

    /**
     * Binds the journal to the link's war room on first connect, or checks it is the same one, then
     * rewinds the journal to the newest position on which it agrees with the server.
     *
     * @param journal this console's journal
     * @param l a fresh link
     * @throws WarRoomRefusedException if the journal belongs to another war room
     */
    static void bindAndReconcile(Journal journal, WarRoomLink l) {
        Optional<UUID> bound = journal.warRoomId();
        if (bound.isEmpty()) {
            journal.bindWarRoom(l.warRoomId());
        } else if (!bound.get().equals(l.warRoomId())) {
            throw new WarRoomRefusedException(
                    "This data directory already shares with another war room (id " + bound.get() + "; this server's"
                            + " is " + l.warRoomId() + "). A journal belongs to one war room: join this one from"
                            + " another data directory (--data-dir), or point the settings back at the first.",
                    null);
        }
        long newest = journal.highestPositionAtMost(Long.MAX_VALUE);
        if (newest == 0 || agrees(journal, l, newest)) {
            return;
        }
        // the server lost the newest transactions (failover, restore): find where both agree
        long bad = newest;
        long good = 0;
        long step = 1;
        while (true) {
            long probe = journal.highestPositionAtMost(bad - step);
            if (probe == 0) {
                break;
            }
            if (agrees(journal, l, probe)) {
                good = probe;
                break;
            }
            bad = probe;
            step *= 2;
        }
        while (true) {
            long mid = journal.highestPositionAtMost(good + (bad - good) / 2);
            if (mid <= good) {
                break;
            }
            if (agrees(journal, l, mid)) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        int again = journal.rewindTo(good);
        LOG.warning("the war room's server lost events after position " + good + " (failover or restore): " + again
                + " events are shared again from this console");
    }

    private static boolean agrees(Journal journal, WarRoomLink l, long position) {
        return journal.eventAt(position).equals(l.eventAt(position));
    }
}
