package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.Audience;
import dev.conn.incident.CommandRefusedException;
import dev.conn.incident.Declaration;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Severity;
import dev.conn.testing.InMemoryEventStore;
import dev.conn.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14 items 1 and 2: a template nobody filled in is refused by the decider, for every
 * audience and every path, naming each placeholder; refilling never overwrites edited text.
 */
class MessageDraftTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryEventStore store = new InMemoryEventStore();
    private IncidentService incidents;
    private CommsService comms;
    private IncidentId incident;
    private List<MessageTemplates.Template> templates;

    @BeforeEach
    void declare() {
        incidents = new IncidentService(store, clock);
        CountingOutbox outbox = new CountingOutbox();
        comms = new CommsService(incidents.log(), outbox, new OutboxWatch(outbox));
        incident = incidents
                .declare(
                        new Declaration("Checkout errors", Severity.SEV1, "5xx on pay", Optional.empty(), "Alice"),
                        "Alice")
                .incidentId();
        MessageTemplates shipped = new MessageTemplates(dir);
        shipped.installDefaultsIfMissing();
        templates = shipped.load();
        store.resetCounts();
    }

    private MessageTemplates.Template template(String name) {
        return templates.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private CommsCommand.QueueMessage unedited(MessageTemplates.Template raw, Optional<Instant> next) {
        IncidentState state = incidents.state(incident);
        MessageTemplates.Template filled = raw.fill(state, next);
        return new CommsCommand.QueueMessage(
                UUID.randomUUID(),
                raw.audience(),
                List.of("ch"),
                filled.subject(),
                filled.body(),
                null,
                next,
                Optional.empty(),
                raw.prompts());
    }

    @Test
    void theUneditedInitialNotificationIsRefusedNamingEachPlaceholder() {
        CommandRefusedException refused = assertThrows(
                CommandRefusedException.class,
                () -> comms.execute(incident, unedited(template("initial-notification"), Optional.empty()), "Alice"));

        assertThat(refused.getMessage())
                .isEqualTo("The message still has 3 placeholders: (who is affected, how badly),"
                        + " (bridge / channel link), (time). Replace each with what you know, or delete it.");
        assertThat(store.calls("append")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Audience.class)
    void aPlaceholderLeftIsRefusedForEveryAudienceEvenWithoutTheTemplatesPrompts(Audience audience) {
        CommsCommand.QueueMessage q = new CommsCommand.QueueMessage(
                UUID.randomUUID(),
                audience,
                List.of("ch"),
                "Checkout errors",
                "Impact: (who is affected, how badly)",
                null,
                Optional.empty(),
                Optional.empty());

        assertThat(assertThrows(CommandRefusedException.class, () -> comms.execute(incident, q, "Alice")))
                .hasMessageContaining("(who is affected, how badly)");
    }

    @Test
    void theStatusPageTemplateLeaksNoInternalTextAndIsRefusedUntilItsPublicWordingIsWritten() {
        MessageTemplates.Template investigating = template("statuspage-investigating");
        CommsCommand.QueueMessage unedited = unedited(investigating, Optional.of(T0.plus(Duration.ofMinutes(30))));
        assertThat(unedited.subject()).doesNotContain("Checkout errors");
        assertThat(unedited.body()).doesNotContain("5xx on pay");
        assertThat(assertThrows(CommandRefusedException.class, () -> comms.execute(incident, unedited, "Alice")))
                .hasMessageContaining("(public headline, e.g. Delays in card payments)")
                .hasMessageContaining("(what customers see, in their words)");

        CommsCommand.QueueMessage written = new CommsCommand.QueueMessage(
                unedited.messageId(),
                unedited.audience(),
                unedited.channels(),
                "Delays in card payments",
                unedited.body().replace("(what customers see, in their words)", "failed card payments"),
                null,
                unedited.nextUpdateAt(),
                Optional.empty(),
                unedited.templatePrompts());
        assertThat(comms.execute(incident, written, "Alice")).hasSize(1);
    }

    @Test
    void aUsersOwnTemplatePromptAndAnUnknownPlaceholderAreRefused() {
        CommsCommand.QueueMessage q = new CommsCommand.QueueMessage(
                UUID.randomUUID(),
                Audience.STAKEHOLDERS,
                List.of("ch"),
                "Update {{region}}",
                "Revenue at risk: (estimate in EUR)",
                null,
                Optional.empty(),
                Optional.empty(),
                MessageDraft.promptsOf("Revenue at risk: (estimate in EUR)"));

        assertThat(assertThrows(CommandRefusedException.class, () -> comms.execute(incident, q, "Alice")))
                .hasMessageContaining("{{region}}, (estimate in EUR)");
    }

    @Test
    void parenthesesTheUserWroteAreNotPlaceholders() {
        CommsCommand.QueueMessage q = new CommsCommand.QueueMessage(
                UUID.randomUUID(),
                Audience.RESPONDERS,
                List.of("ch"),
                "Checkout errors (EU)",
                "Impact: card payments fail for EU customers (about 30%).\nIncident commander: Alice (declared"
                        + " 09:00 UTC)",
                null,
                Optional.empty(),
                Optional.empty(),
                template("initial-notification").prompts());

        assertThat(comms.execute(incident, q, "Alice")).hasSize(1);
    }

    @Test
    void theShippedPromptsAreTheShippedTemplatesPrompts() {
        Set<String> prompts = new LinkedHashSet<>();
        templates.forEach(t -> prompts.addAll(t.prompts()));
        assertThat(prompts).containsExactlyInAnyOrderElementsOf(MessageDraft.SHIPPED_PROMPTS);
    }

    @Test
    void refillingKeepsEditedTextAndOnlyMovesThePromisedTime() {
        assertThat(MessageDraft.refill(
                        "Next update at (time).",
                        "Next update at (time).",
                        "Next update at 09:30 UTC.",
                        "(time)",
                        "09:30 UTC"))
                .isEqualTo("Next update at 09:30 UTC.");
        assertThat(MessageDraft.refill(
                        "Impact: all EU card payments\nNext update at (time).",
                        "Impact: (who)\nNext update at (time).",
                        "Impact: (who)\nNext update at 09:30 UTC.",
                        "(time)",
                        "09:30 UTC"))
                .isEqualTo("Impact: all EU card payments\nNext update at 09:30 UTC.");
        assertThat(MessageDraft.refill("my own words", "template text", "template text 2", "09:30 UTC", "09:40 UTC"))
                .isEqualTo("my own words");
    }
}
