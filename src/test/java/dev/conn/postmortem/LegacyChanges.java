package dev.conn.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What issue 16 part 4 changed in the Markdown and HTML postmortems of incidents written before it,
 * and nothing else. Every section not named here is compared with the evidence: byte for byte in
 * Markdown, by its visible text in HTML (whose markup changed everywhere: dates in nowrap spans,
 * prose rendered from Markdown).
 *
 * <ul>
 *   <li>the document header (date, status, authors, reviewers) under the title;
 *   <li>"Timeline (UTC)" lists the key events, the full timeline moves to an appendix at the end,
 *       and a milestone edit is listed at the time it sets, saying when it was set;
 *   <li>prose that holds Markdown renders it (in these fixtures: the rich incident's summary's
 *       bold and its "what went wrong" list);
 *   <li>HTML: a snapshot's PNG says its time and value axes under it; the style sheet.
 * </ul>
 */
final class LegacyChanges {
    static final Set<String> KEY_KINDS =
            Set.of("Declared", "Severity", "Status", "Decision", "Action", "Mitigated", "Resolved", "Milestone");
    private static final String TIMELINE = "Timeline (UTC)";
    private static final String APPENDIX = TimelineWords.APPENDIX_TITLE;
    private static final Pattern OLD_MILESTONE = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}) (.*) Milestone Milestone (\\w[\\w ]*?) set to"
                    + " (\\S+)\\. (.*)");
    private static final Pattern NEW_MILESTONE = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}) (.*) Milestone Milestone (\\w[\\w ]*?) \\(set"
                    + " (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) UTC by (.*)\\)\\. (.*)");

    private LegacyChanges() {}

    /**
     * @param old the evidence
     * @param now today's export
     * @param proseChanged the sections whose prose holds Markdown and therefore changed
     */
    static void markdown(String old, String now, Set<String> proseChanged) {
        Map<String, String> was = sections(old, "\n## ");
        Map<String, String> is = sections(now, "\n## ");
        assertThat(is.keySet()).containsExactlyElementsOf(with(was.keySet(), APPENDIX));
        for (String k : was.keySet()) {
            if (!k.isEmpty() && !k.equals(TIMELINE) && !proseChanged.contains(k)) {
                assertThat(is.get(k)).as("section %s", k).isEqualTo(was.get(k));
            }
        }
        String pre = was.get("");
        int title = pre.indexOf("\n\n") + 2;
        assertThat(is.get(""))
                .isEqualTo(pre.substring(0, title) + "| Document | |\n|---|---|\n| Date | not set |\n"
                        + "| Status | draft |\n| Authors | not named yet |\n| Reviewers | not named yet |\n\n"
                        + pre.substring(title));
        timelines(
                rows(was.get(TIMELINE), "\n| 20"), rows(is.get(TIMELINE), "\n| 20"), rows(is.get(APPENDIX), "\n| 20"));
    }

    /**
     * @param old the evidence
     * @param now today's export
     * @param proseChanged the sections whose prose holds Markdown and therefore changed
     */
    static void html(String old, String now, Set<String> proseChanged) {
        Map<String, String> was = sections(old, "<h2>");
        Map<String, String> is = sections(now, "<h2>");
        assertThat(is.keySet()).containsExactlyElementsOf(with(was.keySet(), APPENDIX));
        for (String k : was.keySet()) {
            if (!k.isEmpty() && !k.equals(TIMELINE) && !proseChanged.contains(k)) {
                String shown = is.get(k).replaceAll("<br><small>Time axis \\(UTC\\): .*?</small>", "");
                assertThat(visible(shown)).as("section %s", k).isEqualTo(visible(was.get(k)));
            }
        }
        assertThat(visible(is.get("")))
                .endsWith(visible("<tr><th>Date</th><td>not set</td></tr><tr><th>Status</th><td>draft</td></tr>"
                        + "<tr><th>Authors</th><td>not named yet</td></tr><tr><th>Reviewers</th>"
                        + "<td>not named yet</td></tr>"
                        + was.get("").substring(was.get("").indexOf("<table>"))));
        timelines(
                rows(was.get(TIMELINE), "<tr><td>"),
                rows(is.get(TIMELINE), "<tr><td>"),
                rows(is.get(APPENDIX), "<tr><td>"));
    }

    /**
     * The appendix holds every row of the old timeline, milestone edits moved to the time they set;
     * the key events are the appendix's rows of a key kind.
     */
    private static void timelines(List<String> old, List<String> keys, List<String> appendix) {
        List<String> moved = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String row : old) {
            Matcher m = OLD_MILESTONE.matcher(row);
            if (m.matches()) {
                Instant at = Instant.parse(m.group(5));
                moved.add(MarkdownExporter.DATE.format(at) + " " + MarkdownExporter.TIME.format(at) + " " + m.group(3)
                        + " Milestone Milestone " + m.group(4) + " (set " + m.group(1) + " " + m.group(2) + " UTC by "
                        + m.group(3) + "). " + m.group(6));
            } else {
                expected.add(row);
            }
        }
        for (String row : appendix) {
            if (NEW_MILESTONE.matcher(row).matches()) {
                assertThat(moved).as("milestone edits").contains(row);
            }
        }
        assertThat(appendix.stream().filter(r -> !NEW_MILESTONE.matcher(r).matches()))
                .as("every other row, in order")
                .containsExactlyElementsOf(expected);
        assertThat(appendix).hasSize(old.size());
        assertThat(appendix).isSortedAccordingTo((a, b) -> a.substring(0, 19).compareTo(b.substring(0, 19)));
        assertThat(keys)
                .containsExactlyElementsOf(appendix.stream()
                        .filter(r -> KEY_KINDS.contains(kind(r)))
                        .toList());
    }

    private static String kind(String row) {
        for (String k : KEY_KINDS) {
            if (row.contains(" " + k + " ")) {
                String[] words = row.split(" ");
                return words.length > 3 && words[3].equals(k) ? k : "";
            }
        }
        return "";
    }

    private static List<String> with(Set<String> keys, String added) {
        List<String> out = new ArrayList<>(keys);
        out.add(added);
        return out;
    }

    /** The sections of a document by heading; the part before the first heading under "". */
    static Map<String, String> sections(String doc, String marker) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] parts = doc.split(Pattern.quote(marker), -1);
        out.put("", parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            int end = marker.equals("<h2>") ? p.indexOf("</h2>") : p.indexOf('\n');
            out.put(p.substring(0, end), p.substring(end));
        }
        return out;
    }

    /** The rows of a timeline table, each as its visible text. */
    private static List<String> rows(String section, String marker) {
        List<String> out = new ArrayList<>();
        String[] parts = section.split(Pattern.quote(marker), -1);
        for (int i = 1; i < parts.length; i++) {
            int eol = parts[i].indexOf('\n');
            String p = marker.startsWith("\n") ? "| 20" + (eol < 0 ? parts[i] : parts[i].substring(0, eol)) : parts[i];
            if (!marker.startsWith("\n")) {
                p = p.substring(0, p.indexOf("</tr>"));
                p = p.replace("</td><td>", " ");
            } else {
                p = p.strip();
                p = p.substring(2, p.length() - 2).replace(" | ", " ");
            }
            out.add(visible(p));
        }
        return out;
    }

    /** Visible text: tags dropped, the five entities read, blanks collapsed. */
    static String visible(String html) {
        return html.replaceAll("<(/?(td|th|tr|p|li|br|div|h\\d|ul|ol|table|figure|figcaption)\\b)[^>]*>", " ")
                .replaceAll("<[^>]*>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
