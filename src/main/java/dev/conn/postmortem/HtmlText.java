package dev.conn.postmortem;

import dev.conn.platform.text.ControlChars;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML postmortem's style sheet and text escaping. Long unbroken tokens (URLs, hashes, stack
 * frames) wrap anywhere ({@code overflow-wrap:anywhere}, CSS Text Module Level 3), so no table or
 * paragraph overflows the page; dates and times sit in {@code white-space:nowrap} spans so a
 * value never breaks in the middle. Pure.
 */
final class HtmlText {
    static final String CSS =
            """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;\
            max-width:60rem;margin:2rem auto;padding:0 1rem;overflow-wrap:anywhere;word-break:normal}
            h1{font-size:1.7rem;border-bottom:2px solid #d0d7de;padding-bottom:.3rem}
            h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
            table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
            th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
            th{background:#f6f8fa}
            .muted{color:#59636e;font-style:italic}
            .overdue{color:#b42318;font-weight:600}
            .ttx{font-weight:600;font-size:1.1rem}
            .retracted{text-decoration:line-through;color:#59636e}
            .text{white-space:pre-wrap}
            .nowrap{white-space:nowrap}
            code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;\
            background:#f6f8fa;border-radius:4px}
            code{padding:0 .2em}
            pre{padding:.5rem;white-space:pre-wrap;overflow-wrap:anywhere}
            .chart{max-width:100%;height:auto;border:1px solid #d0d7de;background:#fff}
            .chart text{font:11px system-ui,sans-serif;fill:#1f2328}
            .chart .grid{stroke:#d0d7de;stroke-width:1}
            .chart .axis{stroke:#59636e;stroke-width:1}
            .chart .line{fill:none;stroke-width:1.5}
            img{max-width:100%;border:1px solid #d0d7de}
            @media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
            """;

    /** A date, optionally with a time of day and a zone, as Conn and people write them. */
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z| UTC)?)?");

    private HtmlText() {}

    /**
     * @param at an instant
     * @return it as {@code yyyy-MM-dd HH:mm:ss UTC} in a span that never wraps
     */
    static String stamp(Instant at) {
        return nowrap(MarkdownExporter.STAMP.format(at));
    }

    /**
     * @param text text that is already HTML (escaped, holds no markup of its own)
     * @return it in a span that never wraps
     */
    static String nowrap(String text) {
        return "<span class=\"nowrap\">" + text + "</span>";
    }

    /**
     * Escapes text for element content and keeps each date or date-time in it from wrapping.
     *
     * @param s user or Conn text
     * @return HTML for element content (never for an attribute value)
     */
    static String text(String s) {
        Matcher m = DATE_TIME.matcher(esc(s));
        return m.replaceAll(r -> Matcher.quoteReplacement(nowrap(r.group())));
    }

    /**
     * Escapes text for HTML element content and quoted attribute values (OWASP XSS prevention
     * cheat sheet, rule 1 and 2).
     */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ControlChars.standIn(c)); // ESC, BEL, ... shown, never passed on
            }
        }
        return b.toString();
    }
}
