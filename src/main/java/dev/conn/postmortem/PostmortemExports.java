package dev.conn.postmortem;

import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.platform.secrets.KnownSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Exports an incident in each format, reading its log through {@link IncidentService}. The one
 * entry point for the CLI, the window and the bench. Blocks on the store: call from a background
 * task. Nothing but the event log and the metric archive is read, so settings and their secrets
 * can never reach an export; the events and the metric series pass through {@link SecretScrubber}
 * on the way out, which removes every secret value the process knows and every credential-shaped
 * value.
 */
public final class PostmortemExports {
    /** The export formats. */
    public enum Format {
        /** GitHub-flavoured Markdown postmortem. */
        MD("md"),
        /** Self-contained HTML postmortem. */
        HTML("html"),
        /** CSV timeline. */
        CSV("csv"),
        /** JSON bundle (event log and metric series). */
        JSON("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** @return the file extension, without the dot */
        public String extension() {
            return extension;
        }

        /**
         * @param s {@code md}, {@code markdown}, {@code html}, {@code csv} or {@code json}
         * @return the format
         * @throws IllegalArgumentException naming the accepted values
         */
        public static Format parse(String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "md", "markdown" -> MD;
                case "html", "htm" -> HTML;
                case "csv" -> CSV;
                case "json", "bundle" -> JSON;
                default -> throw new IllegalArgumentException("Unknown format '" + s + "'; use md, html, csv or json");
            };
        }
    }

    private final IncidentService incidents;
    private final MetricSeriesArchive archive;
    private final Clock clock;
    private final Supplier<KnownSecrets> secrets;

    /**
     * @param incidents the event log
     * @param archive the cached metric series (for the JSON bundle)
     * @param clock today's date, for overdue action items (in the clock's zone)
     * @param secrets the process's known secret values, asked once per export on the export's
     *     (background) thread, so the composition root may resolve the configured secret references
     *     first and values not yet used in this run are scrubbed too
     */
    public PostmortemExports(
            IncidentService incidents, MetricSeriesArchive archive, Clock clock, Supplier<KnownSecrets> secrets) {
        this.incidents = incidents;
        this.archive = archive;
        this.clock = clock;
        this.secrets = secrets;
    }

    /**
     * @param id an incident
     * @param format the format
     * @return the export as UTF-8 bytes, with the default options ({@link ExportOptions#DEFAULT})
     * @throws IllegalStateException if the incident does not exist
     */
    public byte[] export(IncidentId id, Format format) {
        return export(id, format, ExportOptions.DEFAULT);
    }

    /**
     * @param id an incident
     * @param format the format
     * @param options the full timeline in an appendix or left out (Markdown, HTML); a UTF-8 byte
     *     order mark or none (CSV)
     * @return the export as UTF-8 bytes
     * @throws IllegalStateException if the incident does not exist
     */
    public byte[] export(IncidentId id, Format format, ExportOptions options) {
        List<Event> stored = incidents.timeline(id);
        if (stored.isEmpty()) {
            throw new IllegalStateException("No incident " + id.shortForm());
        }
        SecretScrubber scrubber = new SecretScrubber(secrets.get());
        List<Event> events = scrubber.scrub(stored);
        String text =
                switch (format) {
                    case JSON -> new IncidentBundle(id, events, scrubber.scrubSeries(archive.list(id))).toJson();
                    case MD -> MarkdownExporter.render(report(events), options);
                    case HTML -> HtmlExporter.render(report(events), options);
                    case CSV -> CsvExporter.render(report(events), options);
                };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private PostmortemReport report(List<Event> events) {
        return PostmortemReport.of(events, LocalDate.now(clock));
    }
}
