package dev.conn.postmortem;

import dev.conn.incident.Milestone;
import dev.conn.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a postmortem as one self-contained, printable HTML5 file: inline CSS, metric snapshots as
 * inline SVG charts or PNGs embedded as {@code data:} URIs (RFC 2397, {@link SnapshotChart}), no
 * scripts, no external resources. Same sections as {@link MarkdownExporter} (SRE book, Appendix D),
 * the document header first and the full timeline as an appendix unless {@link ExportOptions}
 * leaves it out.
 *
 * <p>The prose sections render the team's Markdown, sanitised ({@link Prose}). Every other piece
 * of user text is HTML-escaped ({@code & < > " '}); a ticket becomes a link only if it is an
 * {@code http(s)} URL, so {@code javascript:} and other schemes stay inert text. Long tokens wrap
 * and dates never break ({@link HtmlText}). Control characters (ESC, BEL, ...) become visible
 * stand-ins. Pure: no I/O.
 */
public final class HtmlExporter {
    private HtmlExporter() {}

    /**
     * @param r the report
     * @return the HTML document with the full timeline in an appendix (UTF-8 text)
     */
    public static String render(PostmortemReport r) {
        return render(r, ExportOptions.DEFAULT);
    }

    /**
     * @param r the report
     * @param options whether the full timeline goes in an appendix
     * @return the HTML document (UTF-8 text)
     */
    public static String render(PostmortemReport r, ExportOptions options) {
        StringBuilder h = new StringBuilder(64 * 1024 + r.timeline().size() * 200);
        Postmortem pm = r.postmortem();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Postmortem: ")
                .append(esc(r.state().title()))
                .append("</title>\n")
                .append("<style>\n")
                .append(HtmlText.CSS)
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>Postmortem: ").append(esc(r.state().title())).append("</h1>\n");
        DocumentHeader doc = pm.header();
        h.append("<table class=\"document\">\n");
        h.append("<tr><th>Date</th><td>")
                .append(doc.date().isPresent() ? HtmlText.nowrap(doc.dateText()) : doc.dateText())
                .append("</td></tr>\n");
        kv(h, "Status", doc.status().label());
        kv(h, "Authors", DocumentHeader.names(doc.authors()));
        kv(h, "Reviewers", DocumentHeader.names(doc.reviewers()));
        h.append("</table>\n");
        h.append("<table>\n");
        kv(h, "Id", r.state().id().toString());
        kv(h, "Severity", r.state().severity().name());
        kv(h, "Status", r.state().status().label());
        kv(h, "Incident commander", r.state().commander());
        kv(h, "Services", String.join(", ", pm.services()));
        kv(h, "Root-cause categories", String.join(", ", pm.categories()));
        h.append("</table>\n");

        h.append("<h2>Milestones and TTx</h2>\n<table>\n<tr><th>Milestone</th><th>When (UTC)</th>"
                + "<th>Edited because</th></tr>\n");
        for (Milestone m : Milestone.values()) {
            h.append("<tr><td>")
                    .append(m.label())
                    .append("</td><td>")
                    .append(r.milestones().of(m).map(HtmlText::stamp).orElse("—"))
                    .append("</td><td>")
                    .append(HtmlText.text(r.milestones().edited().getOrDefault(m, "")))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"ttx\">")
                .append(esc(r.milestones().summaryLine()))
                .append("</p>\n");

        section(h, "Summary", pm.field("summary"));
        section(h, "Impact", pm.field("impact"));
        h.append("<h2>Root causes</h2>\n");
        if (pm.rootCauses().isEmpty()) {
            h.append("<p class=\"muted\">Not written yet.</p>\n");
        }
        for (int n : pm.rootCauses()) {
            h.append("<h3>Root cause ")
                    .append(n)
                    .append(": ")
                    .append(esc(pm.field(PostmortemField.rootCause(n))))
                    .append("</h3>\n<ol>\n");
            for (int w = 1; w <= 5; w++) {
                String why = pm.field(PostmortemField.why(n, w));
                if (!why.isBlank()) {
                    h.append("<li>").append(HtmlText.text(why)).append("</li>\n");
                }
            }
            h.append("</ol>\n<p><strong>")
                    .append(esc(PostmortemField.ELSEWHERE_QUESTION))
                    .append("</strong></p>\n");
            text(h, pm.field(PostmortemField.elsewhere(n)));
        }
        section(h, "Trigger", pm.field("trigger"));
        section(h, "Resolution", pm.field("resolution"));
        section(h, "Detection", pm.field("detection"));

        h.append("<h2>Action items</h2>\n");
        if (pm.actionItems().isEmpty()) {
            h.append("<p class=\"muted\">None yet.</p>\n");
        } else {
            h.append("<table>\n<tr><th>Action item</th><th>Type</th><th>Owner (DRI)</th><th>Due</th>"
                    + "<th>Ticket</th><th>Status</th></tr>\n");
            for (ActionItem a : pm.actionItems()) {
                String status = a.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
                h.append("<tr><td>").append(HtmlText.text(a.text()));
                a.rootCause().ifPresent(c -> h.append(" (root cause ")
                        .append(c)
                        .append(a.elsewhere() ? ", where else" : "")
                        .append(')'));
                h.append("</td><td>")
                        .append(a.kind().name().toLowerCase(Locale.ROOT))
                        .append("</td><td>")
                        .append(esc(a.owner()))
                        .append("</td><td>")
                        .append(a.due().map(d -> HtmlText.nowrap(d.toString())).orElse(""))
                        .append("</td><td>")
                        .append(ticket(a.ticket()))
                        .append("</td><td>")
                        .append(a.isOverdue(r.today()) ? "<span class=\"overdue\">⚠ OVERDUE</span>, " + status : status)
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        h.append("<h2>Lessons learned</h2>\n");
        subsection(h, "What went well", pm.field("wentWell"));
        subsection(h, "What went wrong", pm.field("wentWrong"));
        subsection(h, "Where we got lucky", pm.field("gotLucky"));

        h.append("<h2>Timeline (UTC)</h2>\n<p>")
                .append(esc(TimelineWords.keyEventsIntro(options)))
                .append("</p>\n");
        timeline(h, r.rows().stream().filter(Row::key).toList());

        h.append("<h2>Supporting information</h2>\n");
        if (!pm.field("supporting").isBlank()) {
            text(h, pm.field("supporting"));
        }
        h.append("<h3>Responders and roles</h3>\n");
        if (!r.responders().isEmpty()) {
            h.append("<p>Responders: ")
                    .append(esc(String.join(", ", r.responders())))
                    .append("</p>\n");
        }
        h.append("<ul>\n");
        for (Map.Entry<String, List<String>> role : r.roles().entrySet()) {
            h.append("<li>")
                    .append(esc(MarkdownExporter.roleLabel(role.getKey())))
                    .append(": ")
                    .append(esc(String.join(" → ", role.getValue())))
                    .append("</li>\n");
        }
        h.append("</ul>\n");
        facts(h, "Hand-offs", r.handoffs());
        h.append("<h3>Leaderless intervals</h3>\n");
        if (r.leaderless().isEmpty()) {
            h.append("<p class=\"muted\">None: someone held command throughout.</p>\n");
        } else {
            h.append("<ul>\n");
            r.leaderless()
                    .forEach(l -> h.append("<li>").append(HtmlText.text(l)).append("</li>\n"));
            h.append("</ul>\n");
        }
        facts(h, "Messages sent", r.messagesSent());
        h.append("<h3>Metric snapshots</h3>\n");
        if (r.snapshots().isEmpty()) {
            h.append("<p class=\"muted\">None.</p>\n");
        }
        for (PostmortemReport.Snapshot s : r.snapshots()) {
            SnapshotChart.figure(h, s);
        }
        h.append("<h3>Clean-up of changes made to production</h3>\n");
        if (r.cleanup().isEmpty()) {
            h.append("<p class=\"muted\">No changes were recorded with /action.</p>\n");
        } else {
            h.append("<table>\n<tr><th>When (UTC)</th><th>Change</th><th>Clean-up</th></tr>\n");
            for (PostmortemReport.Cleanup c : r.cleanup()) {
                h.append("<tr><td>")
                        .append(HtmlText.stamp(c.entry().event().occurredAt()))
                        .append("</td><td>")
                        .append(entry(c.entry()))
                        .append("</td><td>")
                        .append(esc(MarkdownExporter.cleanupLabel(c.decision())))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (options.fullTimeline() == ExportOptions.FullTimeline.APPENDIX) {
            h.append("<h2>")
                    .append(TimelineWords.APPENDIX_TITLE)
                    .append("</h2>\n<p>")
                    .append(TimelineWords.APPENDIX_INTRO)
                    .append("</p>\n");
            timeline(h, r.rows());
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** A timeline table: date, time, author, kind (a star for starred entries) and the entry. */
    private static void timeline(StringBuilder h, List<Row> rows) {
        if (rows.isEmpty()) {
            h.append("<p class=\"muted\">None.</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>Date</th><th>Time</th><th>Author</th><th>Kind</th><th>Entry</th></tr>\n");
        for (Row row : rows) {
            Instant t = row.at();
            h.append("<tr><td>")
                    .append(HtmlText.nowrap(MarkdownExporter.DATE.format(t)))
                    .append("</td><td>")
                    .append(HtmlText.nowrap(MarkdownExporter.TIME.format(t)))
                    .append("</td><td>")
                    .append(esc(row.entry().event().author()))
                    .append("</td><td>")
                    .append(row.starred() ? "★ " : "")
                    .append(esc(row.type().label()))
                    .append("</td><td>")
                    .append(entry(row.entry(), row.text()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String entry(TimelineEntry e) {
        return entry(e, e.text());
    }

    private static String entry(TimelineEntry e, String shown) {
        String text = "<span class=\"text\">" + HtmlText.text(shown) + "</span>";
        if (e.retracted()) {
            text = "<span class=\"retracted\">" + text + "</span> (retracted)";
        }
        if (e.isCorrected()) {
            text += " <span class=\"muted\">(corrected by "
                    + esc(e.correctedBy().orElse("")) + "; originally: "
                    + HtmlText.text(e.originalText().orElse("")) + ")</span>";
        }
        return text;
    }

    private static void facts(StringBuilder h, String title, List<TimelineEntry> rows) {
        h.append("<h3>").append(title).append("</h3>\n");
        if (rows.isEmpty()) {
            h.append("<p class=\"muted\">None.</p>\n");
            return;
        }
        h.append("<ul>\n");
        for (TimelineEntry e : rows) {
            h.append("<li>")
                    .append(HtmlText.stamp(e.event().occurredAt()))
                    .append(": ")
                    .append(HtmlText.text(e.text()))
                    .append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static String ticket(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        if ((lower.startsWith("https://") || lower.startsWith("http://")) && !t.contains("\"")) {
            return "<a href=\"" + esc(t) + "\" rel=\"noopener noreferrer\">" + esc(t) + "</a>";
        }
        return esc(t);
    }

    private static void kv(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(k).append("</th><td>").append(esc(v)).append("</td></tr>\n");
    }

    private static void section(StringBuilder h, String title, String text) {
        h.append("<h2>").append(title).append("</h2>\n");
        text(h, text);
    }

    private static void subsection(StringBuilder h, String title, String text) {
        h.append("<h3>").append(title).append("</h3>\n");
        text(h, text);
    }

    private static void text(StringBuilder h, String text) {
        if (text.isBlank()) {
            h.append("<p class=\"muted\">Not written yet.</p>\n");
        } else {
            h.append("<div class=\"prose\">\n").append(Prose.html(text)).append("</div>\n");
        }
    }

    private static String esc(String s) {
        return HtmlText.esc(s);
    }
}
