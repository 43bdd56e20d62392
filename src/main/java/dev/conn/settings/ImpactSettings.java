package dev.conn.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of the impact graphs: the monitoring sources and how often an open incident's charts
 * refresh.
 *
 * @param sources the configured monitoring sources, ids unique; null means none
 * @param refreshSeconds seconds between refreshes while the panel is open and the incident open;
 *     null means {@value #DEFAULT_REFRESH_SECONDS}; 5 to 3600
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImpactSettings(List<MonitoringSource> sources, Integer refreshSeconds) {
    /** Default refresh interval: 30 s. */
    public static final int DEFAULT_REFRESH_SECONDS = 30;

    /**
     * Fills defaults and checks the fields.
     *
     * @throws IllegalArgumentException naming the field if an id repeats or the interval is out of range
     */
    public ImpactSettings {
        sources = sources == null ? List.of() : List.copyOf(sources);
        refreshSeconds = refreshSeconds == null ? DEFAULT_REFRESH_SECONDS : refreshSeconds;
        if (refreshSeconds < 5 || refreshSeconds > 3600) {
            throw new IllegalArgumentException("impact.refreshSeconds must be 5-3600; got " + refreshSeconds);
        }
        Set<String> ids = new HashSet<>();
        for (MonitoringSource s : sources) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("impact.sources: the id '" + s.id() + "' is used twice");
            }
        }
    }

    /** @return no sources, 30 s refresh */
    public static ImpactSettings defaults() {
        return new ImpactSettings(List.of(), DEFAULT_REFRESH_SECONDS);
    }

    /** @return the source with this id, if configured */
    public Optional<MonitoringSource> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** @return a copy with the sources replaced */
    public ImpactSettings withSources(List<MonitoringSource> list) {
        return new ImpactSettings(list, refreshSeconds);
    }

    /** @return a copy with the refresh interval in seconds */
    public ImpactSettings withRefreshSeconds(int seconds) {
        return new ImpactSettings(sources, seconds);
    }
}
