package dev.conn.postmortem;

import dev.conn.incident.Decision;
import dev.conn.incident.EventType;
import dev.conn.incident.PostmortemEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides what the team writes: a section's text ({@link PostmortemCommand.SetField}: a known key,
 * at most {@link PostmortemField#MAX_TEXT} characters) and the tags ({@link
 * PostmortemCommand.SetTags}: stripped, blanks and repeats dropped) and the document's header
 * ({@link PostmortemCommand.SetHeader}: names likewise, at most {@link #MAX_NAMES} of each). It reads only the declaration,
 * so a save never waits on, nor is made stale by, anything else in the log. Pure.
 */
public final class SectionDecider extends PostmortemDecider<PostmortemCommand.Writing> {

    /** A decider for every incident. */
    public SectionDecider() {
        super(Set.of(EventType.INCIDENT_DECLARED));
    }

    @Override
    Decision decideDeclared(PostmortemCommand.Writing command, PostmortemFold state, Clock clock) {
        if (command instanceof PostmortemCommand.SetField f) {
            try {
                PostmortemField.check(f.field(), f.text());
            } catch (IllegalArgumentException refused) {
                return Decision.refuse(refused.getMessage());
            }
            return Decision.accept(new PostmortemEvent.PostmortemFieldSet(f.field(), f.text()));
        }
        if (command instanceof PostmortemCommand.SetHeader h) {
            return header(h);
        }
        PostmortemCommand.SetTags t = (PostmortemCommand.SetTags) command;
        return Decision.accept(new PostmortemEvent.IncidentTagged(clean(t.services()), clean(t.categories())));
    }

    /** The most names a header lists, and the longest name: as many as a postmortem credits. */
    static final int MAX_NAMES = 50;

    private static Decision header(PostmortemCommand.SetHeader h) {
        List<String> authors = clean(h.authors());
        List<String> reviewers = clean(h.reviewers());
        for (List<String> names : List.of(authors, reviewers)) {
            String which = names == authors ? "authors" : "reviewers";
            if (names.size() > MAX_NAMES) {
                return Decision.refuse("The header lists " + names.size() + " " + which + "; Conn keeps at most "
                        + MAX_NAMES + ". Name the people who wrote or review it.");
            }
            for (String n : names) {
                if (n.length() > dev.conn.incident.EventLimits.MAX_AUTHOR) {
                    return Decision.refuse("One of the " + which + " is " + n.length()
                            + " characters long; a name may be at most " + dev.conn.incident.EventLimits.MAX_AUTHOR);
                }
            }
        }
        return Decision.accept(new PostmortemEvent.PostmortemHeaderSet(
                h.date().map(java.time.LocalDate::toString), authors, h.status(), reviewers));
    }

    /**
     * @param tags tags as typed
     * @return them stripped, without blanks and repeats, in the order first given
     */
    static List<String> clean(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String t : tags) {
            String s = t == null ? "" : t.strip();
            if (!s.isEmpty() && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
