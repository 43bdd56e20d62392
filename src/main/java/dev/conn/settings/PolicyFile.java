package dev.conn.settings;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.conn.incident.Severity;
import dev.conn.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates {@code policy.json}. Reading never writes; on first launch, once every check
 * of the data directory has passed, {@link #installDefaultIfMissing()} puts the shipped default in
 * place so it can be read and edited. An existing file is never overwritten.
 */
public final class PolicyFile {
    /** File name inside the data directory. */
    public static final String NAME = "policy.json";

    private static final String DEFAULT_RESOURCE = "/dev/conn/settings/default-policy.json";

    private final Path file;
    private final JsonMapper mapper = Json.newFileMapper();

    /** @param dataDirectory the data directory */
    public PolicyFile(Path dataDirectory) {
        this.file = dataDirectory.resolve(NAME);
    }

    /** @return the file's path */
    public Path path() {
        return file;
    }

    /**
     * Reads and validates the policy without writing anything.
     *
     * @return the file's policy, or the shipped default ({@link #defaults()}) if the file does not
     *     exist
     * @throws ConfigException naming the file and the bad field if it is unreadable, malformed or
     *     fails validation
     */
    public Policy read() {
        if (Files.notExists(file)) {
            return defaults();
        }
        Policy p = JsonFiles.read(mapper, file, Policy.class);
        if (p.comms() == null) {
            // a policy written before the comms section existed keeps the shipped cadence
            p = p.withComms(defaults().comms());
        }
        List<String> problems = validate(p);
        if (!problems.isEmpty()) {
            throw new ConfigException(file, String.join("; ", problems), null);
        }
        return p;
    }

    /**
     * Copies the shipped default policy, byte for byte, into the data directory if there is no
     * policy file; atomically and durably, so a crash never leaves half a policy. An existing file,
     * even one another process created a moment ago, is left as it is.
     *
     * @return true if this call created the file
     * @throws ConfigException if the file cannot be written
     */
    public boolean installDefaultIfMissing() {
        return JsonFiles.createIfAbsent(file, defaultBytes());
    }

    private static byte[] defaultBytes() {
        try (InputStream in = PolicyFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default policy missing from the build: " + DEFAULT_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("default policy unreadable", e);
        }
    }

    /** @return the shipped default policy, validated */
    public static Policy defaults() {
        try {
            return Json.newMapper().readValue(defaultBytes(), Policy.class);
        } catch (IOException e) {
            throw new IllegalStateException("default policy unreadable", e);
        }
    }

    /**
     * Checks the rules the file format cannot express.
     *
     * @param p a parsed policy
     * @return every problem found, each naming its field; empty if valid
     */
    static List<String> validate(Policy p) {
        List<String> problems = new ArrayList<>();
        if (p.version() != 1) {
            problems.add("field 'version' is " + p.version() + "; this Conn reads version 1");
        }
        if (p.severities() == null || p.severities().isEmpty()) {
            problems.add("field 'severities' is missing; define SEV1 to SEV4");
        } else {
            Set<Severity> seen = EnumSet.noneOf(Severity.class);
            for (int i = 0; i < p.severities().size(); i++) {
                Policy.SeverityDefinition d = p.severities().get(i);
                String at = "severities[" + i + "]";
                if (d == null || d.level() == null) {
                    problems.add("field '" + at + ".level' is missing; use SEV1, SEV2, SEV3 or SEV4");
                    continue;
                }
                if (!seen.add(d.level())) {
                    problems.add("field '" + at + ".level' repeats " + d.level());
                }
                if (d.definition() == null || d.definition().isBlank()) {
                    problems.add(
                            "field '" + at + ".definition' is empty; say in one line what " + d.level() + " means");
                }
                if (d.name() == null || d.name().isBlank()) {
                    problems.add("field '" + at + ".name' is empty");
                }
            }
            for (Severity s : Severity.values()) {
                if (!seen.contains(s)) {
                    problems.add("field 'severities' has no " + s);
                }
            }
        }
        if (p.handoff() == null) {
            problems.add("field 'handoff' is missing");
        } else if (p.handoff().ackTimeoutMinutes() < 1 || p.handoff().ackTimeoutMinutes() > 120) {
            problems.add("field 'handoff.ackTimeoutMinutes' is " + p.handoff().ackTimeoutMinutes()
                    + "; use 1 to 120 minutes");
        }
        validateComms(p.comms(), problems);
        Policy.Fatigue f = p.fatigue();
        if (f == null) {
            problems.add("field 'fatigue' is missing");
        } else {
            if (f.breakAfterMinutes() < 1) {
                problems.add("field 'fatigue.breakAfterMinutes' must be at least 1");
            }
            if (f.handoffAfterMinutes() <= f.breakAfterMinutes()) {
                problems.add("field 'fatigue.handoffAfterMinutes' must be more than breakAfterMinutes");
            }
            if (f.criticalHoursIn24h() < 1 || f.criticalHoursIn24h() > 24) {
                problems.add("field 'fatigue.criticalHoursIn24h' must be 1 to 24");
            }
            if (f.minimumBreakMinutes() < 1) {
                problems.add("field 'fatigue.minimumBreakMinutes' must be at least 1");
            }
            if (f.nightStart() == null || f.nightEnd() == null) {
                problems.add("fields 'fatigue.nightStart' and 'fatigue.nightEnd' are needed, e.g. \"23:00\"");
            }
            if (f.nightWeight() < 1.0 || f.nightWeight() > 4.0) {
                problems.add("field 'fatigue.nightWeight' must be 1.0 to 4.0");
            }
        }
        return problems;
    }

    private static void validateComms(Policy.Comms c, List<String> problems) {
        if (c == null) {
            problems.add("field 'comms' is missing");
            return;
        }
        if (c.dueSoonMinutes() < 0 || c.dueSoonMinutes() > 60) {
            problems.add("field 'comms.dueSoonMinutes' is " + c.dueSoonMinutes() + "; use 0 to 60 minutes");
        }
        Set<String> pairs = new java.util.HashSet<>();
        List<Policy.Cadence> cadences = c.cadences() == null ? List.of() : c.cadences();
        for (int i = 0; i < cadences.size(); i++) {
            Policy.Cadence k = cadences.get(i);
            String at = "comms.cadences[" + i + "]";
            if (k == null || k.severity() == null || k.audience() == null) {
                problems.add("field '" + at + "' needs a severity and an audience");
                continue;
            }
            if (!pairs.add(k.severity() + "/" + k.audience())) {
                problems.add("field '" + at + "' repeats " + k.severity() + " " + k.audience());
            }
            if (k.firstWithinMinutes() < 0) {
                problems.add("field '" + at + ".firstWithinMinutes' must not be negative");
            }
            if (k.everyMinutes() != null && k.everyMinutes() < 1) {
                problems.add("field '" + at + ".everyMinutes' must be at least 1");
            }
            if (k.thenEveryMinutes() != null && k.thenEveryMinutes() < 1) {
                problems.add("field '" + at + ".thenEveryMinutes' must be at least 1");
            }
        }
        Set<String> ids = new java.util.HashSet<>();
        List<Policy.ChecklistTemplateItem> items = c.checklist() == null ? List.of() : c.checklist();
        for (int i = 0; i < items.size(); i++) {
            Policy.ChecklistTemplateItem t = items.get(i);
            String at = "comms.checklist[" + i + "]";
            if (t == null
                    || t.id() == null
                    || t.id().isBlank()
                    || t.title() == null
                    || t.title().isBlank()) {
                problems.add("field '" + at + "' needs an id and a title");
                continue;
            }
            if (t.severities() == null || t.severities().isEmpty() || t.anchor() == null) {
                problems.add("field '" + at + "' needs severities and an anchor (DECLARED or RESOLVED)");
                continue;
            }
            for (Severity s : t.severities()) {
                if (!ids.add(t.id() + "/" + s)) {
                    problems.add("field '" + at + ".id' repeats " + t.id() + " for " + s);
                }
            }
            if (t.dueMinutes() < 0 || (t.dueBusinessDays() != null && t.dueBusinessDays() < 0)) {
                problems.add("field '" + at + "' has a negative due offset");
            }
        }
    }
}
