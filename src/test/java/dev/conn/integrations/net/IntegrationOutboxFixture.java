package dev.conn.integrations.net;

import dev.conn.comms.Backoff;
import dev.conn.comms.Channel;
import dev.conn.comms.DispatchLease;
import dev.conn.comms.OutboxDispatcher;
import dev.conn.comms.OutboxWatch;
import dev.conn.comms.store.JdbcDispatchLease;
import dev.conn.comms.store.JdbcIntegrationOutboxProjection;
import dev.conn.comms.store.JdbcOutbox;
import dev.conn.comms.store.JdbcOutboxProjection;
import dev.conn.incident.ActionItemKind;
import dev.conn.incident.ActionItemStatus;
import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.postmortem.ActionItem;
import dev.conn.postmortem.PostmortemCommand;
import dev.conn.postmortem.PostmortemFold;
import dev.conn.postmortem.PostmortemService;
import dev.conn.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The app's write path for the integrations on a real H2 database: the event store with both
 * outbox projections (messages and integration requests), the one writer, the outbox and a
 * dispatcher on a stepping clock whose channels are the integrations under test, talking to a
 * {@link VendorServer}.
 */
final class IntegrationOutboxFixture implements AutoCloseable {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:30:00Z"));
    final Database database;
    final IncidentService incidents;
    final PostmortemService postmortem;
    final JdbcOutbox outbox;
    final IncidentId incident;
    final Map<String, Channel> channels = new HashMap<>();
    private final VendorServer server;

    IntegrationOutboxFixture(Path dir, VendorServer server) {
        this(dir, server, Optional.empty());
    }

    /** With Grafana configured as given: annotatable events queue annotation rows. */
    IntegrationOutboxFixture(Path dir, VendorServer server, Optional<dev.conn.integrations.GrafanaSettings> grafana) {
        this.server = server;
        database = Database.open(dir);
        EventStore store = EventStore.jdbc(
                database.dataSource(),
                List.of(
                        new JdbcOutboxProjection(),
                        new JdbcIntegrationOutboxProjection(),
                        new dev.conn.comms.store.JdbcAnnotationProjection(() -> grafana)));
        incidents = new IncidentService(store, clock);
        postmortem = new PostmortemService(incidents);
        outbox = new JdbcOutbox(database.dataSource());
        incident = incidents
                .declare(
                        new Declaration("Checkout errors", Severity.SEV1, "5xx on checkout", Optional.empty(), "Alice"),
                        "Alice")
                .incidentId();
    }

    /** Adds an action item with an owner's e-mail and a due date; returns its id. */
    UUID addItem(String text) {
        ActionItem item = new ActionItem(
                ActionItem.newId(),
                text,
                ActionItemKind.PREVENT,
                "mia@example.com",
                Optional.of(LocalDate.parse("2026-12-01")),
                "",
                ActionItemStatus.OPEN,
                Optional.empty(),
                false);
        postmortem.execute(incident, new PostmortemCommand.AddActionItem(item), "Alice");
        return item.id();
    }

    OutboxDispatcher dispatcher() {
        return new OutboxDispatcher(
                outbox,
                incidents.log(),
                new OutboxWatch(outbox),
                new JdbcDispatchLease(
                        database.dataSource(),
                        clock,
                        DispatchLease.Owner.thisProcess("test dispatcher"),
                        JdbcDispatchLease.DEFAULT_TTL),
                id -> Optional.ofNullable(channels.get(id)),
                clock::advance,
                Backoff.standard(new Random(42)),
                server.known);
    }

    /** @return the incident's events of one type, in storage order */
    List<Event> events(EventType type) {
        return incidents.timeline(incident).stream()
                .filter(e -> e.type() == type)
                .toList();
    }

    /** @return the action item as the log holds it now */
    ActionItem item(UUID id) {
        return PostmortemFold.of(incidents.timeline(incident)).postmortem().actionItems().stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** @return every text column of the database's events and outbox rows, for secret checks */
    List<String> everythingStored() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
                Statement st = c.createStatement()) {
            for (String q : List.of(
                    "SELECT payload, author FROM event",
                    "SELECT subject, body, COALESCE(last_error, ''), COALESCE(external_id, '') FROM outbox")) {
                try (ResultSet rs = st.executeQuery(q)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            out.add(String.valueOf(rs.getString(i)));
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        database.close();
    }
}
