package dev.conn.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.ActionItemKind;
import dev.conn.incident.ActionItemStatus;
import dev.conn.incident.CommandRefusedException;
import dev.conn.incident.Declaration;
import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Milestone;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmortemServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private Database db;
    private IncidentService incidents;
    private PostmortemService service;
    private IncidentId id;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        incidents = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
        service = new PostmortemService(incidents);
        id = incidents
                .declare(
                        new Declaration(
                                "DNS cache leak", Severity.SEV1, "", Optional.of(T0.minusSeconds(1200)), "alice"),
                        "alice")
                .incidentId();
        clock.advance(Duration.ofMinutes(30));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void settingAMilestoneWithAReasonChangesTheTtx() {
        service.setMilestone(id, Milestone.DETECTED, T0.minusSeconds(600), "first alert at 08:50", "alice");

        assertThat(service.milestones(id).timeToDetect()).contains(Duration.ofMinutes(10));
    }

    @Test
    void theTabAndTheServiceRefuseAFutureMilestoneAlike() {
        Milestones now = Milestones.fold(incidents.timeline(id));

        assertThat(PostmortemService.milestoneProblem(
                        now, Milestone.MITIGATED, T0.plusSeconds(3600), "mitigated soon", T0))
                .hasValueSatisfying(p -> assertThat(p).startsWith("Mitigated cannot be in the future"));
        assertThat(PostmortemService.milestoneProblem(now, Milestone.MITIGATED, T0, " ", T0))
                .hasValueSatisfying(p -> assertThat(p).startsWith("Say why the mitigated time"));
        assertThat(PostmortemService.milestoneProblem(now, Milestone.MITIGATED, T0, "checked", T0))
                .isEmpty();
    }

    @Test
    void impactStartedAfterDetectionIsRefusedAndNothingIsWritten() {
        int before = incidents.timeline(id).size();

        CommandRefusedException e = assertThrows(
                CommandRefusedException.class,
                () -> service.setMilestone(id, Milestone.IMPACT_STARTED, T0.plusSeconds(60), "typo", "alice"));

        assertThat(e.getMessage()).contains("Impact started must be the earliest milestone");
        assertThat(incidents.timeline(id)).hasSize(before);
    }

    @Test
    void aMilestoneWithoutAReasonOrInTheFutureIsRefused() {
        assertThat(assertThrows(
                                CommandRefusedException.class,
                                () -> service.setMilestone(id, Milestone.DETECTED, T0, " ", "alice"))
                        .getMessage())
                .contains("Say why");
        assertThat(assertThrows(
                                CommandRefusedException.class,
                                () -> service.setMilestone(
                                        id, Milestone.MITIGATED, clock.instant().plusSeconds(3600), "soon", "alice"))
                        .getMessage())
                .contains("future");
    }

    @Test
    void sectionsActionItemsAndTagsFoldToTheLatestEdit() {
        service.setField(id, "summary", "first draft", "alice");
        service.setField(id, "summary", "DNS cache leak took checkout down", "bob");
        ActionItem item = new ActionItem(
                ActionItem.newId(),
                "Alert on DNS cache memory",
                ActionItemKind.PREVENT,
                "carol",
                Optional.of(LocalDate.of(2026, 11, 1)),
                "https://tickets.example/OPS-1",
                ActionItemStatus.OPEN,
                Optional.of(1),
                false);
        service.addActionItem(id, item, "alice");
        service.updateActionItem(
                id,
                new ActionItem(
                        item.id(),
                        item.text(),
                        item.kind(),
                        "dave",
                        item.due(),
                        item.ticket(),
                        ActionItemStatus.IN_PROGRESS,
                        item.rootCause(),
                        false),
                "alice");
        service.tag(id, List.of("dns", " checkout ", "dns"), List.of("capacity"), "alice");

        Postmortem pm = Postmortem.fold(incidents.timeline(id));

        assertThat(pm.field("summary")).isEqualTo("DNS cache leak took checkout down");
        assertThat(pm.actionItems()).singleElement().satisfies(a -> {
            assertThat(a.owner()).isEqualTo("dave");
            assertThat(a.status()).isEqualTo(ActionItemStatus.IN_PROGRESS);
            assertThat(a.isOverdue(LocalDate.of(2026, 11, 20))).isTrue();
        });
        assertThat(pm.services()).containsExactly("dns", "checkout");
        assertThat(pm.categories()).containsExactly("capacity");
    }

    @Test
    void anUnknownPostmortemFieldIsRefusedByName() {
        CommandRefusedException e = assertThrows(
                CommandRefusedException.class, () -> service.setField(id, "rootCause.1.why.9", "x", "alice"));

        assertThat(e.getMessage()).contains("rootCause.1.why.9");
    }
}
