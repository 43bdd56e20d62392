package dev.conn.postmortem;

import dev.conn.platform.text.ControlChars;
import dev.conn.timeline.TimelineEntry;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the timeline as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma,
 * quote, CR or LF in double quotes, quotes doubled), one row per timeline entry, oldest first,
 * times in UTC (ISO-8601).
 *
 * <p>Safe against spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with
 * {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so Excel, LibreOffice and
 * Google Sheets show it as text instead of evaluating it. Spreadsheets skip blanks before looking,
 * so a formula character after leading spaces, line feeds, no-break spaces (U+00A0, U+2007,
 * U+202F), the ideographic space (U+3000) or a byte order mark counts too, and so do the
 * full-width forms {@code ＝ ＋ － ＠} (U+FF1D, U+FF0B, U+FF0D, U+FF20), which Excel with an East
 * Asian input method reads as their ASCII twins. Control characters other than tab, CR and
 * LF become visible stand-ins ({@link ControlChars}). Pure: no I/O.
 */
public final class CsvExporter {
    /** The header row. */
    public static final List<String> HEADER = List.of(
            "occurred_at_utc",
            "recorded_at_utc",
            "author",
            "kind",
            "entry",
            "retracted",
            "corrected_by",
            "original_text",
            "event_id");

    private CsvExporter() {}

    /** What starts a formula once blanks are skipped: ASCII and full-width forms. */
    private static final String FORMULA = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

    /** The UTF-8 byte order mark, as a character (written as {@code EF BB BF}). */
    public static final String BOM = "\uFEFF";

    /**
     * @param r the report (its timeline is written)
     * @return the CSV text, without a byte order mark
     */
    public static String render(PostmortemReport r) {
        return render(r, ExportOptions.DEFAULT);
    }

    /**
     * @param r the report (its timeline is written)
     * @param options whether to start with a UTF-8 byte order mark
     * @return the CSV text
     */
    public static String render(PostmortemReport r, ExportOptions options) {
        StringBuilder b = new StringBuilder(r.timeline().size() * 120 + 200);
        if (options.csvBom()) {
            b.append(BOM);
        }
        line(b, HEADER);
        DateTimeFormatter iso = DateTimeFormatter.ISO_INSTANT;
        for (TimelineEntry e : r.timeline()) {
            line(
                    b,
                    List.of(
                            iso.format(e.event().occurredAt()),
                            iso.format(e.event().recordedAt()),
                            e.event().author(),
                            e.type().label(),
                            e.text(),
                            e.retracted() ? "yes" : "no",
                            e.correctedBy().orElse(""),
                            e.originalText().orElse(""),
                            e.event().id().toString()));
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells.get(i)));
        }
        b.append("\r\n");
    }

    /**
     * @param value a cell's text
     * @return the cell neutralised against formula injection and quoted per RFC 4180 where needed
     */
    static String cell(String value) {
        String v = ControlChars.visible(value); // ESC, BEL, ... shown, never passed on; tab and line breaks stay
        // OWASP CSV injection: a leading = + - @ tab or CR starts a formula, and spreadsheets skip
        // leading spaces and line feeds before looking, so those count too
        int first = 0;
        while (first < v.length() && isBlank(v.charAt(first))) {
            first++;
        }
        boolean formula = !v.isEmpty() && "\t\r".indexOf(v.charAt(0)) >= 0
                || first < v.length() && FORMULA.indexOf(v.charAt(first)) >= 0;
        if (formula) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** Whitespace, every Unicode space (no-break and ideographic among them) and the byte order mark. */
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }
}
