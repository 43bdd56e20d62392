package dev.conn.postmortem;

import dev.conn.incident.Milestone;
import dev.conn.platform.text.ControlChars;
import dev.conn.timeline.TimelineEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a postmortem as GitHub-flavoured Markdown (https://github.github.com/gfm/) with the
 * sections of the Google SRE book's example postmortem (Site Reliability Engineering, Appendix D,
 * https://sre.google/sre-book/example-postmortem/): the document header (date, status, authors,
 * reviewers), summary, impact, root causes (with five whys and "where else"), trigger, resolution,
 * detection, action items, lessons learned, the key events in UTC with dates, supporting
 * information, and the full timeline as an appendix unless {@link ExportOptions} leaves it out.
 *
 * <p>The prose sections keep the team's Markdown, sanitised ({@link Prose}). All other user text
 * is escaped (CommonMark backslash escapes, section 2.4, {@link MarkdownText}), so pipes,
 * backticks, HTML and newlines in notes never break a table or inject markup; control characters
 * (ESC, BEL, ...) become visible stand-ins ({@link ControlChars}). Pure: no I/O.
 */
public final class MarkdownExporter {
    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private MarkdownExporter() {}

    /**
     * @param r the report
     * @return the Markdown document with the full timeline in an appendix, lines ending in {@code \n}
     */
    public static String render(PostmortemReport r) {
        return render(r, ExportOptions.DEFAULT);
    }

    /**
     * @param r the report
     * @param options whether the full timeline goes in an appendix
     * @return the Markdown document, lines ending in {@code \n}
     */
    public static String render(PostmortemReport r, ExportOptions options) {
        StringBuilder md = new StringBuilder(64 * 1024 + r.timeline().size() * 120);
        Postmortem pm = r.postmortem();
        md.append("# Postmortem: ").append(inline(r.state().title())).append("\n\n");
        DocumentHeader doc = pm.header();
        md.append("| Document | |\n|---|---|\n");
        row(md, "Date", doc.dateText());
        row(md, "Status", doc.status().label());
        row(md, "Authors", cell(DocumentHeader.names(doc.authors())));
        row(md, "Reviewers", cell(DocumentHeader.names(doc.reviewers())));
        md.append('\n');
        md.append("| Incident | |\n|---|---|\n");
        row(md, "Id", code(r.state().id().toString()));
        row(md, "Severity", r.state().severity().name());
        row(md, "Status", r.state().status().label());
        row(md, "Incident commander", cell(r.state().commander()));
        row(md, "Services", cell(String.join(", ", pm.services())));
        row(md, "Root-cause categories", cell(String.join(", ", pm.categories())));
        md.append('\n');

        md.append("## Milestones and TTx\n\n");
        md.append("| Milestone | When (UTC) | Edited because |\n|---|---|---|\n");
        for (Milestone m : Milestone.values()) {
            md.append("| ")
                    .append(m.label())
                    .append(" | ")
                    .append(r.milestones().of(m).map(STAMP::format).orElse("—"))
                    .append(" | ")
                    .append(cell(r.milestones().edited().getOrDefault(m, "")))
                    .append(" |\n");
        }
        md.append("\n**").append(r.milestones().summaryLine()).append("** (measured from impact started)\n\n");

        section(md, "Summary", pm.field("summary"));
        section(md, "Impact", pm.field("impact"));

        md.append("## Root causes\n\n");
        List<Integer> causes = pm.rootCauses();
        if (causes.isEmpty()) {
            md.append("_Not written yet._\n\n");
        }
        for (int n : causes) {
            md.append("### Root cause ")
                    .append(n)
                    .append(": ")
                    .append(inline(oneLine(pm.field(PostmortemField.rootCause(n)))))
                    .append("\n\n");
            boolean anyWhy = false;
            for (int w = 1; w <= 5; w++) {
                String why = pm.field(PostmortemField.why(n, w));
                if (!why.isBlank()) {
                    if (!anyWhy) {
                        md.append("Five whys:\n\n");
                        anyWhy = true;
                    }
                    md.append(w).append(". ").append(inline(oneLine(why))).append('\n');
                }
            }
            if (anyWhy) {
                md.append('\n');
            }
            md.append("**").append(PostmortemField.ELSEWHERE_QUESTION).append("**\n\n");
            String elsewhere = pm.field(PostmortemField.elsewhere(n));
            md.append(elsewhere.isBlank() ? "_Not answered yet._" : Prose.markdown(elsewhere))
                    .append("\n\n");
        }

        section(md, "Trigger", pm.field("trigger"));
        section(md, "Resolution", pm.field("resolution"));
        section(md, "Detection", pm.field("detection"));

        md.append("## Action items\n\n");
        if (pm.actionItems().isEmpty()) {
            md.append("_None yet._\n\n");
        } else {
            md.append("| Action item | Type | Owner (DRI) | Due | Ticket | Status |\n|---|---|---|---|---|---|\n");
            for (ActionItem a : pm.actionItems()) {
                String what = a.text()
                        + a.rootCause()
                                .map(c -> " (root cause " + c + (a.elsewhere() ? ", where else" : "") + ")")
                                .orElse("");
                String status = a.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
                if (a.isOverdue(r.today())) {
                    status = "⚠ OVERDUE, " + status;
                }
                md.append("| ")
                        .append(cell(what))
                        .append(" | ")
                        .append(a.kind().name().toLowerCase(Locale.ROOT))
                        .append(" | ")
                        .append(cell(a.owner()))
                        .append(" | ")
                        .append(a.due().map(Object::toString).orElse(""))
                        .append(" | ")
                        .append(cell(a.ticket()))
                        .append(" | ")
                        .append(status)
                        .append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Lessons learned\n\n");
        subsection(md, "What went well", pm.field("wentWell"));
        subsection(md, "What went wrong", pm.field("wentWrong"));
        subsection(md, "Where we got lucky", pm.field("gotLucky"));

        md.append("## Timeline (UTC)\n\n");
        md.append(TimelineWords.keyEventsIntro(options)).append("\n\n");
        timeline(md, r.rows().stream().filter(Row::key).toList());

        md.append("## Supporting information\n\n");
        String supporting = pm.field("supporting");
        if (!supporting.isBlank()) {
            md.append(Prose.markdown(supporting)).append("\n\n");
        }
        md.append("### Responders and roles\n\n");
        if (r.responders().isEmpty() && r.roles().isEmpty()) {
            md.append("_No responders recorded._\n\n");
        } else {
            if (!r.responders().isEmpty()) {
                md.append("Responders: ")
                        .append(inline(String.join(", ", r.responders())))
                        .append("\n\n");
            }
            for (Map.Entry<String, List<String>> role : r.roles().entrySet()) {
                md.append("- ")
                        .append(inline(roleLabel(role.getKey())))
                        .append(": ")
                        .append(inline(String.join(" → ", role.getValue())))
                        .append('\n');
            }
            md.append('\n');
        }
        facts(md, "Hand-offs", r.handoffs());
        md.append("### Leaderless intervals\n\n");
        if (r.leaderless().isEmpty()) {
            md.append("_None: someone held command throughout._\n\n");
        } else {
            r.leaderless().forEach(l -> md.append("- ").append(inline(l)).append('\n'));
            md.append('\n');
        }
        facts(md, "Messages sent", r.messagesSent());
        md.append("### Metric snapshots\n\n");
        if (r.snapshots().isEmpty()) {
            md.append("_None._\n\n");
        } else {
            for (PostmortemReport.Snapshot s : r.snapshots()) {
                md.append("- ")
                        .append(STAMP.format(s.at()))
                        .append(": ")
                        .append(inline(s.title()))
                        .append(" (image in the HTML export)\n");
            }
            md.append('\n');
        }
        md.append("### Clean-up of changes made to production\n\n");
        if (r.cleanup().isEmpty()) {
            md.append("_No changes were recorded with /action._\n");
        } else {
            md.append("| When (UTC) | Change | Clean-up |\n|---|---|---|\n");
            for (PostmortemReport.Cleanup c : r.cleanup()) {
                md.append("| ")
                        .append(STAMP.format(c.entry().event().occurredAt()))
                        .append(" | ")
                        .append(entryCell(c.entry()))
                        .append(" | ")
                        .append(cleanupLabel(c.decision()))
                        .append(" |\n");
            }
        }
        if (options.fullTimeline() == ExportOptions.FullTimeline.APPENDIX) {
            md.append("\n## ").append(TimelineWords.APPENDIX_TITLE).append("\n\n");
            md.append(TimelineWords.APPENDIX_INTRO).append("\n\n");
            timeline(md, r.rows());
            md.setLength(md.length() - 1); // the document ends with its last row's line break
        }
        return md.toString();
    }

    /**
     * @param decision a clean-up decision as stored ({@code REVERT}, {@code MAKE_PERMANENT},
     *     {@code DONE}, or empty)
     * @return it in words, as the exports and the clean-up checklist show it
     */
    public static String cleanupLabel(String decision) {
        return switch (decision) {
            case "REVERT" -> "revert";
            case "MAKE_PERMANENT" -> "make permanent";
            case "DONE" -> "done";
            default -> "☐ to decide";
        };
    }

    static String roleLabel(String role) {
        String s = role.replace('_', ' ').toLowerCase(Locale.ROOT);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A timeline table: date, time, author, kind (a star for starred entries) and the entry. */
    private static void timeline(StringBuilder md, List<Row> rows) {
        if (rows.isEmpty()) {
            md.append("_None._\n\n");
            return;
        }
        md.append("| Date | Time | Author | Kind | Entry |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            Instant t = row.at();
            md.append("| ")
                    .append(DATE.format(t))
                    .append(" | ")
                    .append(TIME.format(t))
                    .append(" | ")
                    .append(cell(row.entry().event().author()))
                    .append(" | ")
                    .append(row.starred() ? "★ " : "")
                    .append(row.type().label())
                    .append(" | ")
                    .append(entryCell(row.entry(), row.text()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void facts(StringBuilder md, String title, List<TimelineEntry> rows) {
        md.append("### ").append(title).append("\n\n");
        if (rows.isEmpty()) {
            md.append("_None._\n\n");
            return;
        }
        for (TimelineEntry e : rows) {
            md.append("- ")
                    .append(STAMP.format(e.event().occurredAt()))
                    .append(": ")
                    .append(inline(oneLine(e.text())))
                    .append('\n');
        }
        md.append('\n');
    }

    private static String entryCell(TimelineEntry e) {
        return entryCell(e, e.text());
    }

    private static String entryCell(TimelineEntry e, String shown) {
        String text = cell(shown);
        if (e.retracted()) {
            text = "~~" + text + "~~ (retracted)";
        }
        if (e.isCorrected()) {
            text += " (corrected by " + cell(e.correctedBy().orElse("")) + "; originally: "
                    + cell(e.originalText().orElse("")) + ")";
        }
        return text;
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static void section(StringBuilder md, String title, String text) {
        md.append("## ").append(title).append("\n\n");
        md.append(text.isBlank() ? "_Not written yet._" : Prose.markdown(text)).append("\n\n");
    }

    private static void subsection(StringBuilder md, String title, String text) {
        md.append("### ").append(title).append("\n\n");
        md.append(text.isBlank() ? "_Not written yet._" : Prose.markdown(text)).append("\n\n");
    }

    private static String code(String s) {
        return MarkdownText.code(s);
    }

    private static String oneLine(String s) {
        return MarkdownText.oneLine(s);
    }

    static String inline(String s) {
        return MarkdownText.inline(s);
    }

    static String cell(String s) {
        return MarkdownText.cell(s);
    }
}
