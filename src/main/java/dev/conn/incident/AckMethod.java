package dev.conn.incident;

/**
 * How the receiver of a hand-off acknowledged it (the {@code method} field of
 * {@code HANDOFF_ACKNOWLEDGED}). A read-back proves the brief arrived, after the closed-loop
 * communication of ICS transfer of command and aviation read-back practice.
 */
public enum AckMethod {
    /** The receiver read back the brief's code; the strongest acknowledgement. */
    READ_BACK("read-back of the code"),
    /** The holder and the receiver met and confirmed face to face. */
    IN_PERSON("in person"),
    /** Confirmed by voice without reading back the code; weaker, recorded as such. */
    VOICE_WITHOUT_CODE("by voice, without the code");

    private final String label;

    AckMethod(String label) {
        this.label = label;
    }

    /** @return a lower-case display phrase, e.g. "in person" */
    public String label() {
        return label;
    }

    /** @return true for {@link #VOICE_WITHOUT_CODE}, which nothing confirms the brief was heard */
    public boolean isWeak() {
        return this == VOICE_WITHOUT_CODE;
    }
}
