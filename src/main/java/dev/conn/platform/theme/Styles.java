package dev.conn.platform.theme;

import java.util.Locale;

/**
 * Semantic style classes, the only way Java code changes how something looks (never
 * {@code setStyle}). Colours behind them live in the tokens stylesheet.
 */
public final class Styles {
    /** A coloured severity badge; combine with {@link #severity(int)}. */
    public static final String SEVERITY_CHIP = "severity-chip";
    /** A status badge; combine with {@link #status(String)}. */
    public static final String STATUS_CHIP = "status-chip";
    /** Secondary text. */
    public static final String MUTED = "muted";
    /** Text that reports a problem. */
    public static final String DANGER_TEXT = "danger-text";
    /** Text that reports success. */
    public static final String SUCCESS_TEXT = "success-text";
    /** A timeline row whose text was corrected. */
    public static final String CORRECTED = "corrected";
    /** A timeline row that was withdrawn. */
    public static final String RETRACTED = "retracted";
    /** The large elapsed-time figures in the header. */
    public static final String CLOCK_FIGURE = "clock-figure";
    /** Monospaced time stamps. */
    public static final String TIME_STAMP = "time-stamp";
    /** The type badge of a timeline row; combine with {@link #entryType(String)}. */
    public static final String TYPE_BADGE = "type-badge";
    /** A title-sized label. */
    public static final String TITLE = "title";

    private Styles() {}

    /**
     * Replaces a node's state class from one family (e.g. the {@code sev1}..{@code sev4} family)
     * with another member, leaving every other class alone.
     *
     * @param classes the node's style classes
     * @param family a predicate naming the family's members
     * @param next the member to set
     */
    public static void swap(java.util.List<String> classes, java.util.function.Predicate<String> family, String next) {
        classes.removeIf(family);
        classes.add(next);
    }

    /** @return true for {@code sev1}..{@code sev4} */
    public static boolean isSeverityClass(String c) {
        return c.matches("sev[1-4]");
    }

    /** @return true for {@code status-investigating} etc., but not {@link #STATUS_CHIP} */
    public static boolean isStatusClass(String c) {
        return c.startsWith("status-") && !c.equals(STATUS_CHIP);
    }

    /** @return the class for severity level 1..4, e.g. {@code sev1} */
    public static String severity(int level) {
        return "sev" + level;
    }

    /** @return the class for a status, e.g. {@code status-identified} */
    public static String status(String label) {
        return "status-" + label.toLowerCase(Locale.ROOT);
    }

    /** @return the class for an entry type, e.g. {@code type-decision} */
    public static String entryType(String typeName) {
        return "type-" + typeName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
