package dev.conn.app;

import dev.conn.comms.net.IntegrationChannels;
import dev.conn.integrations.IntegrationSettings;
import dev.conn.integrations.TicketTracker;
import dev.conn.integrations.net.IntegrationClients;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.platform.http.HttpTransport;
import dev.conn.postmortem.TicketDesk;
import dev.conn.postmortem.ui.PostmortemFeature;
import dev.conn.settings.SecretResolver;
import dev.conn.settings.Settings;
import dev.conn.settings.ui.SettingsViewModel;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Wires the integrations of issue 16 into the features that use them, from the {@code
 * integrations} section of the settings as it is at each use (a tracker configured while Conn
 * runs takes effect at once). The outbox side (the channels) is {@link IntegrationChannels}.
 */
final class IntegrationDesk {
    private IntegrationDesk() {}

    /**
     * @param settings the settings at each append (null until the app has read them: no annotations)
     * @return the outbox's projections: the messages' rows with their {@code MESSAGE_QUEUED} (ADR
     *     0005), the integrations' with their {@code TICKET_REQUESTED} and {@code PAGE_REQUESTED},
     *     Grafana's annotation changes with the timeline events they follow
     */
    static java.util.List<dev.conn.incident.JdbcProjection> outboxProjections(Supplier<Settings> settings) {
        return java.util.List.of(
                new dev.conn.comms.store.JdbcOutboxProjection(),
                new dev.conn.comms.store.JdbcIntegrationOutboxProjection(),
                new dev.conn.comms.store.JdbcAnnotationProjection(() -> Optional.ofNullable(settings.get())
                        .flatMap(s -> Optional.ofNullable(integrations(() -> s).grafana()))));
    }

    /**
     * Turns on the postmortem tab's ticket buttons.
     *
     * @param postmortem the postmortem feature
     * @param settings the settings view model (read on the FX thread)
     * @param secrets resolves secret references at each request
     * @param clock for {@code Retry-After} dates
     * @param network the network runner
     */
    static void wire(
            PostmortemFeature postmortem,
            SettingsViewModel settings,
            SecretResolver secrets,
            Clock clock,
            TaskRunner network) {
        Runnable changed = postmortem.useTickets(tickets(settings::settings, secrets, clock), network);
        settings.settingsProperty().subscribe(s -> changed.run());
    }

    /**
     * Turns on the People panel's Page… and Resolve page.
     *
     * @param people the people feature
     * @param settings the settings view model (read on the FX thread)
     * @param secrets resolves secret references at each request
     * @param clock for {@code Retry-After} dates
     * @param network the network runner
     */
    static void wire(
            dev.conn.command.ui.PeopleFeature people,
            SettingsViewModel settings,
            SecretResolver secrets,
            Clock clock,
            TaskRunner network) {
        Runnable changed = people.usePaging(paging(settings::settings, secrets, clock), network);
        settings.settingsProperty().subscribe(s -> changed.run());
    }

    /**
     * @param settings the settings now
     * @param secrets resolves secret references at each request
     * @param clock for {@code Retry-After} dates
     * @return PagerDuty as the settings configure it; a section that does not read configures none
     */
    static dev.conn.command.PagingDesk paging(Supplier<Settings> settings, SecretResolver secrets, Clock clock) {
        return new dev.conn.command.PagingDesk() {
            @Override
            public java.util.List<Target> targets() {
                return Optional.ofNullable(integrations(settings).pagerDuty())
                        .map(p -> p.targets().stream()
                                .map(t -> new Target(t.id(), t.name()))
                                .toList())
                        .orElse(java.util.List.of());
            }

            @Override
            public boolean readsAcknowledgements() {
                return Optional.ofNullable(integrations(settings).pagerDuty())
                        .flatMap(dev.conn.integrations.PagerDutySettings::restKey)
                        .isPresent();
            }

            @Override
            public dev.conn.integrations.Outcome<dev.conn.integrations.PageStatus> status(String dedupKey) {
                return IntegrationClients.pagerDuty(integrations(settings), secrets, HttpTransport.shared(), clock)
                        .map(c -> c.status(dedupKey))
                        .orElseGet(() -> new dev.conn.integrations.Outcome.Failed<>("PagerDuty is not configured"));
            }
        };
    }

    /** @return the integrations section now; one that does not read configures nothing */
    private static IntegrationSettings integrations(Supplier<Settings> settings) {
        try {
            return IntegrationSettings.read(settings.get().integrations());
        } catch (IllegalArgumentException unreadable) {
            return IntegrationSettings.none();
        }
    }

    /**
     * @param settings the settings now
     * @param secrets resolves secret references at each request
     * @param clock for {@code Retry-After} dates
     * @return the ticket desk the settings configure; an integrations section that does not read
     *     configures none
     */
    static TicketDesk tickets(Supplier<Settings> settings, SecretResolver secrets, Clock clock) {
        return new TicketDesk() {
            @Override
            public Optional<String> channel() {
                return integrations().tracker().map(IntegrationChannels::ticketChannel);
            }

            @Override
            public Optional<TicketTracker> tracker() {
                return IntegrationClients.tracker(integrations(), secrets, HttpTransport.shared(), clock);
            }

            @Override
            public Optional<String> problem() {
                try {
                    IntegrationSettings.read(settings.get().integrations());
                    return Optional.empty();
                } catch (IllegalArgumentException unreadable) {
                    return Optional.of(unreadable.getMessage());
                }
            }

            private IntegrationSettings integrations() {
                try {
                    return IntegrationSettings.read(settings.get().integrations());
                } catch (IllegalArgumentException unreadable) {
                    return IntegrationSettings.none();
                }
            }
        };
    }
}
