package dev.conn.postmortem;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The sections of a postmortem, following the Google SRE book's example postmortem (Site
 * Reliability Engineering, Appendix D, https://sre.google/sre-book/example-postmortem/), and the
 * keys they are saved under in {@code POSTMORTEM_FIELD_SET} events.
 *
 * <p>Besides the fixed sections, each root cause {@code N} (1..20) has {@code rootCause.N} (the
 * cause), {@code rootCause.N.why.1} .. {@code rootCause.N.why.5} (the five whys) and
 * {@code rootCause.N.elsewhere} (the finalising question: where else could this same cause bite,
 * and what stops it everywhere?). {@code cleanup.<eventId>} holds the clean-up decision
 * ({@code REVERT}, {@code MAKE_PERMANENT}, {@code DONE}) for an {@code ACTION_TAKEN} entry.
 *
 * @param key the stored key
 * @param title the section heading
 * @param prompt a hint shown in the empty editor field
 */
public record PostmortemField(String key, String title, String prompt) {
    /** The longest text one section may hold, in characters. */
    public static final int MAX_TEXT = 100_000;

    /** The fixed sections, in the order of the SRE book template. */
    public static final List<PostmortemField> SECTIONS = List.of(
            new PostmortemField("summary", "Summary", "What happened, in two or three sentences"),
            new PostmortemField("impact", "Impact", "Who was affected, how, for how long; lost revenue or requests"),
            new PostmortemField("trigger", "Trigger", "What set it off (a deploy, a traffic spike, a config push)"),
            new PostmortemField("resolution", "Resolution", "What stopped the impact and what fixed it"),
            new PostmortemField("detection", "Detection", "How we found out, and how we could have found out sooner"),
            new PostmortemField("wentWell", "What went well", ""),
            new PostmortemField("wentWrong", "What went wrong", ""),
            new PostmortemField("gotLucky", "Where we got lucky", ""),
            new PostmortemField("supporting", "Supporting information", "Links: dashboards, chat logs, tickets"));

    /** The finalising question asked after the five whys of each root cause. */
    public static final String ELSEWHERE_QUESTION =
            "Where else could this same cause bite, and what stops it everywhere?";

    /** The most root causes a postmortem holds. */
    public static final int MAX_ROOT_CAUSES = 20;

    private static final Pattern KEY = Pattern.compile("summary|impact|trigger|resolution|detection|wentWell"
            + "|wentWrong|gotLucky|supporting|rootCause\\.([1-9]|1[0-9]|20)(\\.why\\.[1-5]|\\.elsewhere)?"
            + "|cleanup\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * @param key a key from an event or the editor
     * @return true if it names a postmortem field
     */
    public static boolean isValidKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /**
     * @param key a field key
     * @param text its text
     * @throws IllegalArgumentException naming the key if it is unknown or the text is too long
     */
    public static void check(String key, String text) {
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("Unknown postmortem field '" + key + "'");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(
                    "The " + key + " field holds " + text.length() + " characters; keep it under " + MAX_TEXT);
        }
    }

    /** @return the key of root cause {@code n} */
    public static String rootCause(int n) {
        return "rootCause." + n;
    }

    /** @return the key of why {@code w} (1..5) of root cause {@code n} */
    public static String why(int n, int w) {
        return "rootCause." + n + ".why." + w;
    }

    /** @return the key of the "where else" answer of root cause {@code n} */
    public static String elsewhere(int n) {
        return "rootCause." + n + ".elsewhere";
    }

    /** @return the key of the clean-up decision for an {@code ACTION_TAKEN} event */
    public static String cleanup(java.util.UUID actionEventId) {
        return "cleanup." + actionEventId;
    }
}
