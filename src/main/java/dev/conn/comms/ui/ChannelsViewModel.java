package dev.conn.comms.ui;

import dev.conn.comms.Channel;
import dev.conn.comms.ChannelFactory;
import dev.conn.comms.Delivery;
import dev.conn.comms.OutboxMessage;
import dev.conn.incident.CommsEvent.MessageExtras;
import dev.conn.incident.IncidentId;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.ChannelSettings;
import dev.conn.settings.ui.SettingsViewModel;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Presentation state of the channels editor: the channel list as in settings (secrets only as
 * references, never resolved here), saving, and "Send test", which sends one test message straight
 * through the channel (not the outbox) off the FX thread and reports the outcome.
 */
public final class ChannelsViewModel {
    private final SettingsViewModel settings;
    private final ChannelFactory factory;
    private final TaskRunner tasks;
    private final Clock clock;
    private final ObservableList<ChannelSettings> channels = FXCollections.observableArrayList();

    /**
     * @param settings the settings
     * @param factory builds a channel's client (secret references resolved only when a test is sent)
     * @param tasks the background runner
     * @param clock the clock
     */
    public ChannelsViewModel(SettingsViewModel settings, ChannelFactory factory, TaskRunner tasks, Clock clock) {
        this.settings = settings;
        this.factory = factory;
        this.tasks = tasks;
        this.clock = clock;
        channels.setAll(settings.settings().channelsOrEmpty());
    }

    /** @return the channels being edited */
    public ObservableList<ChannelSettings> channels() {
        return channels;
    }

    /**
     * Adds a channel, or replaces the one with the same id.
     *
     * @param c the channel
     * @throws IllegalArgumentException naming the missing field if it cannot be built
     */
    public void put(ChannelSettings c) {
        if (c.id() == null || c.id().isBlank()) {
            throw new IllegalArgumentException("Give the channel an id, e.g. slack-ops");
        }
        factory.of(c); // checks the required fields
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).id().equals(c.id())) {
                channels.set(i, c);
                return;
            }
        }
        channels.add(c);
    }

    /**
     * Saves the channels to {@code settings.json} (off the FX thread). They are used from the
     * next start.
     *
     * @param onError told why, on the FX thread
     */
    public void save(Consumer<String> onError) {
        List<ChannelSettings> list = List.copyOf(channels);
        settings.update(s -> s.withChannels(list), onError);
    }

    /**
     * Sends "Conn test message" through the channel and reports the outcome, e.g. "Sent" or
     * "Failed: Slack answered HTTP 404: channel_not_found". For Statuspage it only reads the page
     * (a test incident would be public). Never shows a resolved secret.
     *
     * @param c the channel
     * @param result told the outcome on the FX thread
     */
    public void sendTest(ChannelSettings c, Consumer<String> result) {
        Channel channel;
        try {
            channel = factory.of(c);
        } catch (IllegalArgumentException e) {
            result.accept("Not sent: " + e.getMessage());
            return;
        }
        OutboxMessage test = new OutboxMessage(
                0,
                UUID.randomUUID(),
                new IncidentId(UUID.randomUUID()),
                c.id(),
                "Conn",
                "Conn test message",
                "This is a test of the " + c.id() + " channel from Conn. No action needed.",
                new MessageExtras(Optional.of("investigating"), Optional.empty(), java.util.Map.of()),
                OutboxMessage.State.IN_FLIGHT,
                0,
                0,
                clock.instant(),
                Optional.empty(),
                Optional.empty());
        tasks.run(
                () -> channel.test(test),
                d -> result.accept(describe(d)),
                e -> result.accept("Not sent: " + e.getMessage()));
    }

    /**
     * @param d an outcome
     * @return what the user reads
     */
    static String describe(Delivery d) {
        if (d instanceof Delivery.Sent) {
            return "Sent";
        }
        if (d instanceof Delivery.Failed f) {
            return "Failed: " + f.reason();
        }
        if (d instanceof Delivery.NotSent n) {
            return "Not sent (would retry): " + n.reason();
        }
        if (d instanceof Delivery.Unknown u) {
            return "Unknown: " + u.reason() + "; check the channel before sending another test";
        }
        Delivery.Retry r = (Delivery.Retry) d;
        return "Not sent (would retry): " + r.reason();
    }
}
