package dev.conn.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Milestone;
import dev.conn.incident.PostmortemEvent;
import dev.conn.incident.Severity;
import dev.conn.incident.Status;
import dev.conn.incident.TimelineEvent;
import dev.conn.settings.SecretRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Which timeline events become Grafana annotations, with what time, region, tags and text; and how
 * corrections and retractions follow them (issue 16, section 3).
 */
class AnnotationPlannerTest {
    private final IncidentId incident = new IncidentId(UUID.fromString("0192f0c4-0000-7000-8000-000000000001"));
    private final Instant declaredAt = Instant.parse("2026-11-21T09:10:00Z");
    private int seq;

    private Event event(int minute, EventBody body) {
        seq++;
        UUID id = new UUID(0x0192f0c400007000L, seq);
        Instant at = declaredAt.plusSeconds(60L * minute);
        return Event.of(id, incident, at, at, "Alice", body);
    }

    private static GrafanaSettings settings(List<EventType> types, String dashboard) {
        return new GrafanaSettings(
                "https://grafana.example.com",
                SecretRef.env("GRAFANA_TOKEN"),
                dashboard,
                types,
                List.of("team:payments"));
    }

    private final Event declared = event(
            0,
            new HeaderEvent.IncidentDeclared(
                    "Checkout errors",
                    Severity.SEV2,
                    Optional.of("5xx on checkout"),
                    Optional.of(Instant.parse("2026-11-21T09:00:00Z")),
                    Optional.of("Alice")));

    private static List<AnnotationOp> all(AnnotationPlanner p, Event... events) {
        List<AnnotationOp> ops = new ArrayList<>();
        for (Event e : events) {
            ops.addAll(p.next(e));
        }
        return ops;
    }

    @Test
    void byDefaultDeclarationSeverityStatusActionsMitigationAndResolutionGoOutButNotNotesOrDecisions() {
        Event note = event(1, new TimelineEvent.Note("customers report 500s"));
        Event decision = event(2, new TimelineEvent.Decision("roll back"));
        Event sev = event(3, new HeaderEvent.SeverityChanged(Severity.SEV1, Optional.of("all regions")));
        Event status = event(4, new HeaderEvent.StatusChanged(Status.IDENTIFIED, Optional.empty()));
        Event action = event(5, new TimelineEvent.ActionTaken("rolled back checkout to v2.3.0"));
        Event mitigated = event(6, new HeaderEvent.Mitigated(Optional.of("rollback done")));
        Event resolved = event(9, new HeaderEvent.Resolved(Optional.empty()));

        List<AnnotationOp> ops = all(
                new AnnotationPlanner(settings(null, null)),
                declared,
                note,
                decision,
                sev,
                status,
                action,
                mitigated,
                resolved);

        assertThat(ops)
                .filteredOn(o -> o instanceof AnnotationOp.Create)
                .extracting(AnnotationOp::eventId)
                .containsExactly(declared.id(), sev.id(), status.id(), action.id(), mitigated.id(), resolved.id());
        assertThat(ops)
                .filteredOn(o -> o instanceof AnnotationOp.Create)
                .extracting(o -> ((AnnotationOp.Create) o).annotation().text())
                .containsExactly(
                        "Incident: Checkout errors (SEV2). Impact from 09:00 UTC, declared 09:10 UTC, ongoing",
                        "Severity SEV1: all regions",
                        "Status: identified",
                        "Action: rolled back checkout to v2.3.0",
                        "Mitigated: rollback done",
                        "Resolved");
    }

    @Test
    void theDeclarationIsTheImpactWindowClosedAtTheFirstMitigation() {
        AnnotationPlanner p = new AnnotationPlanner(settings(null, null));
        List<AnnotationOp> atDeclaration = p.next(declared);
        List<AnnotationOp> atMitigation = p.next(event(40, new HeaderEvent.Mitigated(Optional.empty())));
        List<AnnotationOp> atResolution = p.next(event(70, new HeaderEvent.Resolved(Optional.empty())));

        Annotation opened = ((AnnotationOp.Create) atDeclaration.get(0)).annotation();
        assertThat(opened.time()).isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(opened.timeEnd()).isEmpty();
        assertThat(atMitigation)
                .filteredOn(o -> o instanceof AnnotationOp.Update)
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.eventId()).isEqualTo(declared.id());
                    Annotation closed = ((AnnotationOp.Update) o).annotation();
                    assertThat(closed.time()).isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
                    assertThat(closed.timeEnd()).contains(Instant.parse("2026-11-21T09:50:00Z"));
                    assertThat(closed.text()).endsWith("until mitigated 09:50 UTC");
                });
        assertThat(atResolution).noneMatch(o -> o instanceof AnnotationOp.Update);
    }

    @Test
    void aResolutionWithoutMitigationClosesTheWindow() {
        AnnotationPlanner p = new AnnotationPlanner(settings(null, null));
        p.next(declared);

        List<AnnotationOp> ops = p.next(event(30, new HeaderEvent.Resolved(Optional.empty())));

        assertThat(ops)
                .filteredOn(o -> o instanceof AnnotationOp.Update)
                .singleElement()
                .satisfies(
                        o -> assertThat(((AnnotationOp.Update) o).annotation().timeEnd())
                                .contains(Instant.parse("2026-11-21T09:40:00Z")));
    }

    @Test
    void aMilestoneEditMovesTheImpactWindow() {
        AnnotationPlanner p = new AnnotationPlanner(settings(null, null));
        p.next(declared);

        List<AnnotationOp> ops = p.next(event(
                5,
                new PostmortemEvent.MilestoneSet(
                        Milestone.IMPACT_STARTED, Instant.parse("2026-11-21T08:45:00Z"), "first alert was at 08:45")));

        assertThat(ops).singleElement().satisfies(o -> {
            assertThat(o).isInstanceOf(AnnotationOp.Update.class);
            assertThat(((AnnotationOp.Update) o).annotation().time()).isEqualTo(Instant.parse("2026-11-21T08:45:00Z"));
        });
    }

    @Test
    void tagsCarryConnTheIncidentTheSeverityAtTheTimeTheEventAndTheSettingsTags() {
        AnnotationPlanner p = new AnnotationPlanner(settings(null, "jcIIG-07z"));
        p.next(declared);
        Event sev = event(3, new HeaderEvent.SeverityChanged(Severity.SEV1, Optional.empty()));
        Event action = event(5, new TimelineEvent.ActionTaken("failover to eu-west-2"));

        Annotation a = ((AnnotationOp.Create) p.next(sev).get(0)).annotation();
        Annotation b = ((AnnotationOp.Create) p.next(action).get(0)).annotation();

        assertThat(a.tags())
                .containsExactly(
                        "conn",
                        "incident:" + incident.value(),
                        "severity:SEV1",
                        "conn-event:" + sev.id(),
                        "team:payments");
        assertThat(b.tags()).contains("severity:SEV1", "conn-event:" + action.id());
        assertThat(b.dashboardUid()).contains("jcIIG-07z");
        assertThat(b.time()).isEqualTo(action.occurredAt());
        assertThat(b.timeEnd()).isEmpty();
    }

    @Test
    void aCorrectionUpdatesTheAnnotationItPointsToAndNothingElse() {
        AnnotationPlanner p = new AnnotationPlanner(settings(null, null));
        p.next(declared);
        Event action = event(5, new TimelineEvent.ActionTaken("rolled back to v2.3.1"));
        Event note = event(6, new TimelineEvent.Note("db looks fine"));
        Annotation before = ((AnnotationOp.Create) p.next(action).get(0)).annotation();
        p.next(note);

        List<AnnotationOp> fixed =
                p.next(event(7, new TimelineEvent.EventCorrected(action.id(), "rolled back to v2.3.0")));
        List<AnnotationOp> ignored = p.next(event(8, new TimelineEvent.EventCorrected(note.id(), "db is fine")));

        assertThat(fixed).singleElement().satisfies(o -> {
            assertThat(o).isInstanceOf(AnnotationOp.Update.class);
            assertThat(o.eventId()).isEqualTo(action.id());
            Annotation after = ((AnnotationOp.Update) o).annotation();
            assertThat(after.text()).isEqualTo("Action: rolled back to v2.3.0");
            assertThat(after.time()).isEqualTo(before.time());
            assertThat(after.tags()).isEqualTo(before.tags());
        });
        assertThat(ignored).isEmpty();
    }

    @Test
    void aRetractionDeletesItsAnnotationOnce() {
        AnnotationPlanner p = new AnnotationPlanner(settings(null, null));
        p.next(declared);
        Event action = event(5, new TimelineEvent.ActionTaken("restarted the wrong pod"));
        p.next(action);

        List<AnnotationOp> first = p.next(event(6, new TimelineEvent.EventRetracted(action.id(), Optional.of("typo"))));
        List<AnnotationOp> second = p.next(event(7, new TimelineEvent.EventRetracted(action.id(), Optional.empty())));

        assertThat(first).containsExactly(new AnnotationOp.Delete(action.id()));
        assertThat(second).isEmpty();
    }

    @Test
    void theSettingDecidesWhichEventTypesGoOut() {
        AnnotationPlanner p = new AnnotationPlanner(settings(List.of(EventType.NOTE, EventType.DECISION), null));

        List<AnnotationOp> ops = all(
                p,
                declared,
                event(1, new TimelineEvent.Note("customers report 500s")),
                event(2, new TimelineEvent.ActionTaken("rolled back")),
                event(3, new HeaderEvent.Mitigated(Optional.empty())));

        assertThat(ops)
                .extracting(o -> ((AnnotationOp.Create) o).annotation().text())
                .containsExactly("Note: customers report 500s");
    }

    @Test
    void textLosesCredentialsBeforeItLeaves() {
        AnnotationPlanner p = new AnnotationPlanner(settings(null, null));
        p.next(declared);

        List<AnnotationOp> ops = p.next(event(
                5, new TimelineEvent.ActionTaken("rotated key, old one was api_key=sk_live_51Habcdefghijklmnop")));

        assertThat(((AnnotationOp.Create) ops.get(0)).annotation().text())
                .doesNotContain("sk_live_51Habcdefghijklmnop")
                .contains("[redacted]");
    }
}
