package dev.conn.incident;

import java.util.Locale;

/**
 * Incident severity, SEV1 (most severe) to SEV4, after PagerDuty's incident response guide
 * (https://response.pagerduty.com/before/severity_levels/). The one-line definitions shown to the
 * user come from the policy file, not from here. "If unsure, pick the higher one."
 */
public enum Severity {
    SEV1,
    SEV2,
    SEV3,
    SEV4;

    /** @return 1 for SEV1 through 4 for SEV4 */
    public int level() {
        return ordinal() + 1;
    }

    /**
     * Parses {@code SEV2}, {@code sev2}, {@code 2} or {@code S2}.
     *
     * @param text the user's text
     * @return the severity
     * @throws IllegalArgumentException naming the accepted forms if {@code text} is not one
     */
    public static Severity parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("SEV")) {
            t = t.substring(3);
        } else if (t.startsWith("S")) {
            t = t.substring(1);
        }
        switch (t) {
            case "1":
                return SEV1;
            case "2":
                return SEV2;
            case "3":
                return SEV3;
            case "4":
                return SEV4;
            default:
                throw new IllegalArgumentException(
                        "Unknown severity '" + text + "': use 1, 2, 3 or 4 (SEV1 is the most severe)");
        }
    }
}
