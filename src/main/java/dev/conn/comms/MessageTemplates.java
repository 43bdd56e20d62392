package dev.conn.comms;

import dev.conn.incident.Audience;
import dev.conn.incident.IncidentState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Message templates, one {@code .txt} file each in {@code templates/} of the data directory,
 * installed from the shipped defaults when missing and then freely editable. A file has header
 * lines ({@code Audience:}, {@code Subject:}, optional {@code Status:} and {@code Impact:} for
 * Statuspage), a blank line, then the body. Placeholders: {@code {{title}}}, {@code
 * {{severity}}}, {@code {{status}}}, {@code {{summary}}}, {@code {{commander}}}, {@code
 * {{declaredAt}}}, {@code {{nextUpdateAt}}} (times as HH:MM UTC). Text in parentheses without a
 * placeholder, such as "(who is affected, how badly)", is a prompt for the sender: a message still
 * holding one is refused ({@link MessageDraft}). The defaults follow PagerDuty's
 * external communication guidelines and the CAN (conditions, actions, needs) report.
 */
public final class MessageTemplates {
    /** The shipped templates, in menu order. */
    public static final List<String> DEFAULTS = List.of(
            "initial-notification",
            "statuspage-investigating",
            "statuspage-identified",
            "statuspage-monitoring",
            "statuspage-resolved",
            "executive-summary",
            "can-report");

    private static final DateTimeFormatter HHMM =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Path directory;

    /** @param dataDirectory the data directory */
    public MessageTemplates(Path dataDirectory) {
        this.directory = dataDirectory.resolve("templates");
    }

    /**
     * One template.
     *
     * @param name file name without {@code .txt}
     * @param audience who it is for
     * @param status Statuspage status, if any
     * @param impact Statuspage impact, if any
     * @param subject subject with placeholders
     * @param body body with placeholders
     */
    public record Template(
            String name,
            Audience audience,
            Optional<String> status,
            Optional<String> impact,
            String subject,
            String body) {

        /**
         * @param incident the incident's state
         * @param nextUpdateAt the promised next update, if any
         * @return subject and body with the placeholders filled
         */
        public Template fill(IncidentState incident, Optional<Instant> nextUpdateAt) {
            return new Template(
                    name,
                    audience,
                    status,
                    impact,
                    fill(subject, incident, nextUpdateAt),
                    fill(body, incident, nextUpdateAt));
        }

        /**
         * @return the prompts the sender must replace, from the unfilled subject and body ({@link
         *     MessageDraft#promptsOf}); call on the template as loaded, not on a filled copy
         */
        public List<String> prompts() {
            java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(MessageDraft.promptsOf(subject));
            out.addAll(MessageDraft.promptsOf(body));
            return List.copyOf(out);
        }

        private static String fill(String text, IncidentState s, Optional<Instant> next) {
            return text.replace("{{title}}", s.title())
                    .replace("{{severity}}", s.severity().name())
                    .replace("{{status}}", s.status().name().toLowerCase(Locale.ROOT))
                    .replace("{{summary}}", s.summary() == null || s.summary().isBlank() ? s.title() : s.summary())
                    .replace("{{commander}}", s.commander())
                    .replace("{{declaredAt}}", HHMM.format(s.declaredAt()))
                    .replace("{{nextUpdateAt}}", timeText(next));
        }
    }

    /**
     * @param nextUpdateAt the promised next update, if any
     * @return what {@code {{nextUpdateAt}}} is filled with: "HH:MM UTC", or {@link
     *     MessageDraft#NO_TIME} when nothing is promised
     */
    public static String timeText(Optional<Instant> nextUpdateAt) {
        return nextUpdateAt.map(HHMM::format).orElse(MessageDraft.NO_TIME);
    }

    /**
     * Copies each shipped template that is missing into the data directory. Blocks on disk.
     *
     * @throws UncheckedIOException if the directory cannot be written
     */
    public void installDefaultsIfMissing() {
        try {
            Files.createDirectories(directory);
            for (String name : DEFAULTS) {
                Path file = directory.resolve(name + ".txt");
                if (Files.notExists(file)) {
                    try (InputStream in = MessageTemplates.class.getResourceAsStream("templates/" + name + ".txt")) {
                        Path tmp = Files.createTempFile(directory, name, ".tmp");
                        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install message templates in " + directory, e);
        }
    }

    /**
     * Reads every template in the directory, defaults first then the user's own, by name. Blocks.
     *
     * @return the templates; a file that cannot be parsed is left out
     */
    public List<Template> load() {
        List<Template> out = new ArrayList<>();
        if (Files.notExists(directory)) {
            return out;
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> sorted = files.filter(f -> f.getFileName().toString().endsWith(".txt"))
                    .sorted((a, b) ->
                            Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b))
                    .toList();
            for (Path f : sorted) {
                String name = f.getFileName().toString().replaceFirst("\\.txt$", "");
                parse(name, Files.readString(f, StandardCharsets.UTF_8)).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read message templates in " + directory, e);
        }
        return out;
    }

    private static int rank(Path f) {
        int i = DEFAULTS.indexOf(f.getFileName().toString().replaceFirst("\\.txt$", ""));
        return i < 0 ? DEFAULTS.size() : i;
    }

    /**
     * @param name the template name
     * @param text the file's text
     * @return the template, or empty if it has no subject
     */
    static Optional<Template> parse(String name, String text) {
        String[] parts = text.replace("\r\n", "\n").split("\n\n", 2);
        Audience audience = Audience.RESPONDERS;
        String subject = null;
        Optional<String> status = Optional.empty();
        Optional<String> impact = Optional.empty();
        for (String line : parts[0].split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "audience" -> {
                    try {
                        audience = Audience.valueOf(value.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        audience = Audience.RESPONDERS;
                    }
                }
                case "subject" -> subject = value;
                case "status" -> status = Optional.of(value);
                case "impact" -> impact = Optional.of(value);
                default -> {
                    // unknown header: ignored
                }
            }
        }
        if (subject == null) {
            return Optional.empty();
        }
        return Optional.of(
                new Template(name, audience, status, impact, subject, parts.length > 1 ? parts[1].strip() : ""));
    }
}
