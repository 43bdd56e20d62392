package dev.conn.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.incident.Severity;
import dev.conn.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
    private static final JsonMapper MAPPER = Json.newMapper();

    @TempDir
    Path dir;

    private static byte[] defaultBytes() throws IOException {
        try (InputStream in = PolicyFile.class.getResourceAsStream("/dev/conn/settings/default-policy.json")) {
            return in.readAllBytes();
        }
    }

    /** Writes the default policy with one edit applied, returning the file. */
    private Path writeEdited(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode policy = (ObjectNode) MAPPER.readTree(defaultBytes());
        edit.accept(policy);
        Path file = dir.resolve(PolicyFile.NAME);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), policy);
        return file;
    }

    private ConfigException loadFails() {
        return assertThrows(ConfigException.class, () -> new PolicyFile(dir).read());
    }

    private List<Path> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void readingAnAbsentFileReturnsTheDefaultPolicy() {
        assertThat(new PolicyFile(dir).read()).isEqualTo(PolicyFile.defaults());
    }

    @Test
    void readingNeverCreatesAFile() throws IOException {
        new PolicyFile(dir).read();

        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void installDefaultIfMissingCopiesTheShippedDefaultByteForByte() throws IOException {
        boolean created = new PolicyFile(dir).installDefaultIfMissing();

        assertThat(created).isTrue();
        assertThat(Files.readAllBytes(dir.resolve("policy.json"))).isEqualTo(defaultBytes());
        assertThat(filesInDir()).containsExactly(dir.resolve("policy.json"));
    }

    @Test
    void installDefaultIfMissingLeavesAnExistingFileByteIdentical() throws IOException {
        Path file = writeEdited(p -> ((ObjectNode) p.get("handoff")).put("ackTimeoutMinutes", 10));
        byte[] before = Files.readAllBytes(file);

        boolean created = new PolicyFile(dir).installDefaultIfMissing();

        assertThat(created).isFalse();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesInDir()).containsExactly(file);
    }

    @Test
    void installDefaultIfMissingLeavesAnInvalidFileByteIdentical() throws IOException {
        Path file = Files.writeString(dir.resolve(PolicyFile.NAME), "{ \"version\": 1, ");
        byte[] before = Files.readAllBytes(file);

        new PolicyFile(dir).installDefaultIfMissing();

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void installedDefaultReadsBackAsTheDefaultPolicy() {
        PolicyFile file = new PolicyFile(dir);
        file.installDefaultIfMissing();

        assertThat(file.read()).isEqualTo(PolicyFile.defaults());
    }

    @Test
    void shippedDefaultValidates() {
        assertThat(PolicyFile.validate(PolicyFile.defaults())).isEmpty();
    }

    @Test
    void shippedDefaultDefinesEverySeverityAndAFiveMinuteAckTimeout() {
        Policy p = PolicyFile.defaults();

        for (Severity s : Severity.values()) {
            assertThat(p.definition(s)).as("%s", s).isPresent();
        }
        assertThat(p.handoff().ackTimeoutMinutes()).isEqualTo(5);
    }

    @Test
    void existingValidPolicyIsReadNotOverwritten() throws IOException {
        Path file = writeEdited(p -> ((ObjectNode) p.get("handoff")).put("ackTimeoutMinutes", 10));
        byte[] before = Files.readAllBytes(file);

        Policy loaded = new PolicyFile(dir).read();

        assertThat(loaded.handoff().ackTimeoutMinutes()).isEqualTo(10);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void unknownSeverityLevelIsReportedByField() throws IOException {
        writeEdited(p -> ((ObjectNode) p.get("severities").get(0)).put("level", "SEV5"));

        ConfigException e = loadFails();

        assertThat(e.getMessage())
                .contains("policy.json")
                .contains("severities[0].level")
                .contains("SEV5");
    }

    @Test
    void missingSeverityIsReported() throws IOException {
        writeEdited(p -> ((ArrayNode) p.get("severities")).remove(3));

        assertThat(loadFails().getMessage()).contains("policy.json").contains("has no SEV4");
    }

    @Test
    void repeatedSeverityIsReportedByField() throws IOException {
        writeEdited(p -> ((ObjectNode) p.get("severities").get(3)).put("level", "SEV1"));

        assertThat(loadFails().getMessage()).contains("severities[3].level").contains("repeats SEV1");
    }

    @Test
    void zeroAckTimeoutIsReportedByField() throws IOException {
        writeEdited(p -> ((ObjectNode) p.get("handoff")).put("ackTimeoutMinutes", 0));

        assertThat(loadFails().getMessage()).contains("handoff.ackTimeoutMinutes");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        writeEdited(p -> {
            ((ObjectNode) p.get("handoff")).put("ackTimeoutMinutes", 0);
            ((ArrayNode) p.get("severities")).remove(3);
        });

        assertThat(loadFails().getMessage())
                .contains("handoff.ackTimeoutMinutes")
                .contains("has no SEV4");
    }

    @Test
    void unknownFieldIsReportedByName() throws IOException {
        writeEdited(p -> ((ObjectNode) p.get("handoff")).put("ackTimoutMinutes", 5));

        assertThat(loadFails().getMessage()).contains("ackTimoutMinutes");
    }

    @Test
    void failedLoadLeavesTheFileUnchanged() throws IOException {
        Path file = writeEdited(p -> ((ObjectNode) p.get("handoff")).put("ackTimeoutMinutes", 0));
        byte[] before = Files.readAllBytes(file);

        loadFails();

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void malformedJsonLeavesTheFileUnchanged() throws IOException {
        Path file = Files.writeString(dir.resolve(PolicyFile.NAME), "{ \"version\": 1, ");
        byte[] before = Files.readAllBytes(file);

        assertThat(loadFails().getMessage()).contains("policy.json").contains("line 1");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
}
