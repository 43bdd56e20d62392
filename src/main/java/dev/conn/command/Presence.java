package dev.conn.command;

/** Where a responder stands in the response, as folded from {@code RESPONDER_*} and {@code BREAK_*} events. */
public enum Presence {
    /** Joined and working. */
    ON_DUTY("on duty"),
    /** Joined, currently on a break ({@code BREAK_STARTED} without {@code BREAK_ENDED}). */
    ON_BREAK("on break"),
    /** Left the response ({@code RESPONDER_LEFT}); may join again with the same id. */
    LEFT("left");

    private final String label;

    Presence(String label) {
        this.label = label;
    }

    /** @return a lower-case display label, e.g. "on break" */
    public String label() {
        return label;
    }

    /** @return true while the responder is part of the response (on duty or on a break) */
    public boolean isPresent() {
        return this != LEFT;
    }
}
