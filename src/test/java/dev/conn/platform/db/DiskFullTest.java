package dev.conn.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.EntryCommand;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.StoreException;
import dev.conn.testing.Events;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, finding 13: on a full disk Conn says so in words ("the disk holding … is full;
 * nothing was lost"), not {@code MVStoreException: Writing to … failed} with advice to restore a
 * backup. The disk refuses writes the way Linux does (ENOSPC), under the real H2 engine.
 */
class DiskFullTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void fileSystem() {
        FullDiskFilePath.register();
    }

    @AfterEach
    void diskHasSpaceAgain() {
        FullDiskFilePath.full = false;
    }

    @Test
    void anAppendOnAFullDiskIsExplainedInWordsAndEarlierEntriesStay() {
        Instant t0 = Instant.parse("2026-11-21T09:00:00Z");
        IncidentId id;
        StoreException failure;
        try (Database db = Database.open(dir, "fulldisk", Duration.ofSeconds(5), () -> {})) {
            IncidentService service =
                    new IncidentService(EventStore.jdbc(db.dataSource()), Clock.fixed(t0, ZoneOffset.UTC));
            id = id();
            service.importEvents(java.util.List.of(Events.declared(id, t0, dev.conn.incident.Severity.SEV1, "ana")));
            service.add(id, note("saved before the disk filled"), "ana");
            FullDiskFilePath.full = true;

            failure = assertThrows(StoreException.class, () -> service.add(id, note("not saved"), "ana"));
        }
        FullDiskFilePath.full = false;

        assertThat(DatabaseErrors.diskFull(failure))
                .as("the real H2 failure: %s", failure)
                .isTrue();
        assertThat(DatabaseErrors.describeDiskProblem(failure, dir)).hasValueSatisfying(m -> assertThat(m)
                .startsWith("The disk holding " + dir + " is full; nothing was lost")
                .doesNotContain("MVStoreException")
                .doesNotContain("backup"));
        try (Database db = Database.open(dir)) {
            assertThat(EventStore.jdbc(db.dataSource()).readIncident(id))
                    .extracting(e -> e.payload().textOrEmpty("text"))
                    .contains("saved before the disk filled")
                    .doesNotContain("not saved");
        }
    }

    private static EntryCommand.Add note(String text) {
        return new EntryCommand.Add(dev.conn.incident.Event.newId(), EntryCommand.Kind.NOTE, text, Optional.empty());
    }

    private static IncidentId id() {
        return new IncidentId(dev.conn.incident.Event.newId());
    }
}
