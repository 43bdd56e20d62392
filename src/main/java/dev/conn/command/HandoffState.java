package dev.conn.command;

/**
 * The states of a hand-off offer: {@code OFFERED -> ACKNOWLEDGED | DECLINED | EXPIRED | WITHDRAWN},
 * or {@code SUPERSEDED} from the start. Only {@link #OFFERED} is pending; the others are final.
 */
public enum HandoffState {
    /** Offered and waiting for the receiver's acknowledgement; the holder keeps the role. */
    OFFERED,
    /** The receiver acknowledged and holds the role from the acknowledgement time. */
    ACKNOWLEDGED,
    /** The receiver declined; the holder keeps the role. */
    DECLINED,
    /** The policy ACK timeout passed without an acknowledgement; the holder keeps the role. */
    EXPIRED,
    /** The holder took the offer back before an acknowledgement. */
    WITHDRAWN,
    /**
     * Another offer of the role was pending first (two consoles offered it before either saw the
     * other; the first in the log's order stands): this one never was pending.
     */
    SUPERSEDED;

    /** @return true for every state but {@link #OFFERED} */
    public boolean isFinal() {
        return this != OFFERED;
    }
}
