package dev.conn.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * The console's settings, stored as {@code settings.json} in the data directory.
 *
 * @param version file format version, 1
 * @param authorName the person at the keyboard, shown as author of what they record; null until
 *     asked once
 * @param timeDisplay whether the timeline shows local time or UTC first
 * @param theme dark (default, for a war room at 3 a.m.) or light
 * @param impact monitoring sources and refresh interval of the impact graphs; null means the
 *     defaults ({@link ImpactSettings#defaults()})
 * @param channels the comms feature's message channels; null means none configured
 * @param desktop font scale, projector mode, window layout, alert sound ({@link DesktopSettings});
 *     null means the defaults
 * @param warRoom the war room this console shares through ({@link WarRoomSettings}); null means
 *     none: the console works solo
 * @param integrations the {@code integrations} section (ticket trackers, PagerDuty, Grafana; issue
 *     16), kept as JSON here and read by {@code integrations.IntegrationSettings#read}, so this
 *     package does not depend on the integrations' package; null means none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settings(
        Integer version,
        String authorName,
        TimeDisplay timeDisplay,
        Theme theme,
        ImpactSettings impact,
        java.util.List<ChannelSettings> channels,
        DesktopSettings desktop,
        WarRoomSettings warRoom,
        com.fasterxml.jackson.databind.JsonNode integrations) {
    /** Format version this build writes. */
    public static final int VERSION = 1;

    /** Which clock the timeline shows first; the other is on hover. */
    public enum TimeDisplay {
        LOCAL,
        UTC
    }

    /** The colour theme; both read from the same tokens. */
    public enum Theme {
        DARK,
        LIGHT
    }

    /** Fills absent fields with defaults. */
    public Settings {
        version = version == null ? VERSION : version;
        timeDisplay = timeDisplay == null ? TimeDisplay.LOCAL : timeDisplay;
        theme = theme == null ? Theme.DARK : theme;
        authorName = authorName == null || authorName.isBlank() ? null : authorName.strip();
        desktop = desktop == null ? DesktopSettings.defaults() : desktop;
    }

    /**
     * Settings without the feature components (impact, channels, desktop): their defaults apply.
     *
     * @param version file format version
     * @param authorName the author name, or null
     * @param timeDisplay the time display, or null for the default
     * @param theme the theme, or null for the default
     */
    public Settings(Integer version, String authorName, TimeDisplay timeDisplay, Theme theme) {
        this(version, authorName, timeDisplay, theme, null, null, null, null, null);
    }

    /**
     * Settings without a war room.
     *
     * @param version file format version
     * @param authorName the author name, or null
     * @param timeDisplay the time display, or null for the default
     * @param theme the theme, or null for the default
     * @param impact the impact settings, or null
     * @param channels the channels, or null
     * @param desktop the desktop settings, or null
     */
    public Settings(
            Integer version,
            String authorName,
            TimeDisplay timeDisplay,
            Theme theme,
            ImpactSettings impact,
            java.util.List<ChannelSettings> channels,
            DesktopSettings desktop) {
        this(version, authorName, timeDisplay, theme, impact, channels, desktop, null, null);
    }

    /** @return the war room settings, if a war room is configured */
    public Optional<WarRoomSettings> warRoomSettings() {
        return Optional.ofNullable(warRoom);
    }

    /** @return a copy with the war room set (null: none, solo) */
    public Settings withWarRoom(WarRoomSettings w) {
        return new Settings(version, authorName, timeDisplay, theme, impact, channels, desktop, w, integrations);
    }

    /** @return the configured message channels, never null */
    public java.util.List<ChannelSettings> channelsOrEmpty() {
        return channels == null ? java.util.List.of() : channels;
    }

    /** @return a copy with the message channels set (null for none) */
    public Settings withChannels(java.util.List<ChannelSettings> c) {
        return new Settings(
                version,
                authorName,
                timeDisplay,
                theme,
                impact,
                c == null ? null : java.util.List.copyOf(c),
                desktop,
                warRoom,
                integrations);
    }

    /** @return the settings of a first launch */
    public static Settings defaults() {
        return new Settings(VERSION, null, TimeDisplay.LOCAL, Theme.DARK);
    }

    /** @return the author name, if the user has given it */
    public Optional<String> author() {
        return Optional.ofNullable(authorName);
    }

    /** @return a copy with the author name set */
    public Settings withAuthorName(String name) {
        return new Settings(version, name, timeDisplay, theme, impact, channels, desktop, warRoom, integrations);
    }

    /** @return a copy with the time display set */
    public Settings withTimeDisplay(TimeDisplay display) {
        return new Settings(version, authorName, display, theme, impact, channels, desktop, warRoom, integrations);
    }

    /** @return a copy with the theme set */
    public Settings withTheme(Theme t) {
        return new Settings(version, authorName, timeDisplay, t, impact, channels, desktop, warRoom, integrations);
    }

    /** @return the impact settings, or the defaults when none are stored */
    public ImpactSettings impactSettings() {
        return impact == null ? ImpactSettings.defaults() : impact;
    }

    /** @return a copy with the impact settings set */
    public Settings withImpact(ImpactSettings i) {
        return new Settings(version, authorName, timeDisplay, theme, i, channels, desktop, warRoom, integrations);
    }

    /** @return a copy with the desktop settings set (null: defaults) */
    public Settings withDesktop(DesktopSettings d) {
        return new Settings(version, authorName, timeDisplay, theme, impact, channels, d, warRoom, integrations);
    }

    /**
     * Settings with a war room and no integrations.
     *
     * @param version file format version
     * @param authorName the author name, or null
     * @param timeDisplay the time display, or null for the default
     * @param theme the theme, or null for the default
     * @param impact the impact settings, or null
     * @param channels the channels, or null
     * @param desktop the desktop settings, or null
     * @param warRoom the war room, or null
     */
    public Settings(
            Integer version,
            String authorName,
            TimeDisplay timeDisplay,
            Theme theme,
            ImpactSettings impact,
            java.util.List<ChannelSettings> channels,
            DesktopSettings desktop,
            WarRoomSettings warRoom) {
        this(version, authorName, timeDisplay, theme, impact, channels, desktop, warRoom, null);
    }

    /** @return a copy with the integrations section set (null: none) */
    public Settings withIntegrations(com.fasterxml.jackson.databind.JsonNode i) {
        return new Settings(version, authorName, timeDisplay, theme, impact, channels, desktop, warRoom, i);
    }
}
