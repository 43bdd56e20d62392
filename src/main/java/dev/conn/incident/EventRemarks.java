package dev.conn.incident;

import java.util.Optional;

/**
 * Short words a feature adds to an event where the timeline shows it, beside "corrected": the war
 * room's "not yet shared", "superseded by Bo's hand-off (…)", "written as database role eve". Looked
 * up for every row drawn, on the FX thread: an implementation answers from memory, never from disk.
 */
@FunctionalInterface
public interface EventRemarks {
    /** No remarks: a console without a war room. */
    EventRemarks NONE = e -> Optional.empty();

    /**
     * @param event an event of the open incident
     * @return its remark, if any
     */
    Optional<String> remark(Event event);
}
