package dev.conn.comms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the template placeholders a message still holds, so that a template nobody filled in is
 * never queued (issue 14 item 1: "Impact: (who is affected, how badly)" went to Slack). Pure; used
 * by {@link CommsDecider} for every path that queues a message, and by the composer to name them
 * as the user types.
 *
 * <p>A placeholder is:
 *
 * <ul>
 *   <li>a {@code {{name}}} the template filling did not know;
 *   <li>a prompt of the template the message was written from: text in parentheses in the
 *       template's subject or body that contains no {@code {{...}}} (so "(declared
 *       {{declaredAt}})" is text, "(who is affected, how badly)" is a prompt), and {@code (time)},
 *       which {@code {{nextUpdateAt}}} becomes when no next update is promised;
 *   <li>any prompt of the shipped templates ({@link #SHIPPED_PROMPTS}), whatever path the message
 *       came by.
 * </ul>
 */
public final class MessageDraft {
    /**
     * The prompts of the shipped templates in {@code dev/conn/comms/templates/} (kept equal to
     * them by {@code MessageTemplatesTest}), plus {@code (time)}.
     */
    public static final List<String> SHIPPED_PROMPTS = List.of(
            "(who is affected, how badly)",
            "(bridge / channel link)",
            "(what is being done)",
            "(what the response needs)",
            "(what happens next)",
            "(public headline, e.g. Delays in card payments)",
            "(what customers see, in their words)",
            "(time)");

    /** What {@code {{nextUpdateAt}}} is filled with when no next update is promised. */
    public static final String NO_TIME = "(time)";

    private static final Pattern UNFILLED = Pattern.compile("\\{\\{[^{}\\n]*}}");
    private static final Pattern PARENTHESISED = Pattern.compile("\\([^(){}\\n]+\\)");

    private MessageDraft() {}

    /**
     * The prompts of a template's raw (unfilled) text.
     *
     * @param rawText the template's subject or body before filling
     * @return each prompt once, in order of appearance, parentheses included
     */
    public static List<String> promptsOf(String rawText) {
        Set<String> out = new LinkedHashSet<>();
        if (rawText == null) {
            return List.of();
        }
        Matcher m = PARENTHESISED.matcher(rawText);
        while (m.find()) {
            out.add(m.group());
        }
        if (rawText.contains("{{nextUpdateAt}}")) {
            out.add(NO_TIME);
        }
        return List.copyOf(out);
    }

    /**
     * The placeholders left in a message.
     *
     * @param subject the subject as it would be sent
     * @param body the message as it would be sent
     * @param templatePrompts the prompts of the template it was written from (may be empty)
     * @return each placeholder left once, subject first, in order of appearance; empty if none
     */
    public static List<String> placeholdersLeft(String subject, String body, Collection<String> templatePrompts) {
        String text = (subject == null ? "" : subject) + "\n" + (body == null ? "" : body);
        Set<String> prompts = new LinkedHashSet<>(SHIPPED_PROMPTS);
        if (templatePrompts != null) {
            prompts.addAll(templatePrompts);
        }
        record Found(int at, String text) {}
        List<Found> found = new ArrayList<>();
        for (String p : prompts) {
            int at = text.indexOf(p);
            if (!p.isBlank() && at >= 0) {
                found.add(new Found(at, p));
            }
        }
        Matcher m = UNFILLED.matcher(text);
        Set<String> seen = new LinkedHashSet<>();
        while (m.find()) {
            if (seen.add(m.group())) {
                found.add(new Found(m.start(), m.group()));
            }
        }
        return found.stream()
                .sorted(Comparator.comparingInt(Found::at))
                .map(Found::text)
                .toList();
    }

    /**
     * The refusal for a message with placeholders left, naming each.
     *
     * @param left the placeholders, as {@link #placeholdersLeft} returns them; not empty
     * @return the sentence shown to the user
     */
    public static String refusal(List<String> left) {
        return (left.size() == 1
                        ? "The message still has the placeholder " + left.get(0)
                        : "The message still has " + left.size() + " placeholders: " + String.join(", ", left))
                + ". Replace each with what you know, or delete it.";
    }

    /**
     * What a field of the composer shows when the template is filled again (the promised next
     * update changed): the new text if the user has not edited the field, otherwise the user's
     * text, with only the promised time swapped where it still reads as the old one. Never throws
     * away what the user typed (issue 14 item 2).
     *
     * @param current what the field holds now
     * @param lastFilled what the template filled it with last time
     * @param filled what the template fills it with now
     * @param oldTime the promised time as last filled (e.g. {@code "14:20 UTC"} or {@link #NO_TIME})
     * @param newTime the promised time as filled now
     * @return the field's new text
     */
    public static String refill(String current, String lastFilled, String filled, String oldTime, String newTime) {
        if (current == null || current.equals(lastFilled)) {
            return filled;
        }
        if (oldTime == null || newTime == null || oldTime.isEmpty() || oldTime.equals(newTime)) {
            return current;
        }
        return current.replace(oldTime, newTime);
    }
}
