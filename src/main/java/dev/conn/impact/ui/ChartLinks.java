package dev.conn.impact.ui;

import dev.conn.impact.ChartData;
import dev.conn.impact.SourceLanes;
import dev.conn.settings.MonitoringSource;
import dev.conn.settings.ui.SettingsViewModel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.StringProperty;

/** "Open in Prometheus" and "Open in Grafana" for a chart, built from its source's settings. */
public final class ChartLinks {
    private final SettingsViewModel settings;
    private final SourceLanes lanes;
    private final StringProperty message;

    ChartLinks(SettingsViewModel settings, SourceLanes lanes, StringProperty message) {
        this.settings = settings;
        this.lanes = lanes;
        this.message = message;
    }

    /** @return the links of a chart: "Open in Prometheus" and, with a Grafana URL, "Open in Grafana" */
    public Map<String, String> of(ChartData d) {
        Map<String, String> out = new LinkedHashMap<>();
        settings.settings().impactSettings().source(d.query().sourceId()).ifPresent(src -> {
            if (src.kind() == MonitoringSource.Kind.PROMETHEUS) {
                Duration step = d.plan().map(p -> p.step()).orElse(Duration.ofMinutes(1));
                out.put(
                        "Open in Prometheus",
                        dev.conn.impact.SourceLinks.prometheus(
                                src.baseUrl(),
                                d.plan().map(p -> p.query()).orElse(d.query().query()),
                                d.from(),
                                d.to(),
                                step));
            }
            dev.conn.impact.SourceLinks.grafana(
                            Optional.ofNullable(src.grafanaUrl()),
                            src.name(),
                            d.query().query(),
                            d.from(),
                            d.to())
                    .ifPresent(url -> out.put("Open in Grafana", url));
        });
        return out;
    }

    /**
     * Opens a link in the desktop's browser, off the FX thread (on the test lane).
     *
     * @param url the link
     */
    public void open(String url) {
        lanes.probe(
                () -> {
                    if (!java.awt.Desktop.isDesktopSupported()
                            || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                        throw new IllegalStateException("no browser to open links with; the link is " + url);
                    }
                    java.awt.Desktop.getDesktop().browse(java.net.URI.create(url));
                    return url;
                },
                u -> {},
                e -> message.set(e.getMessage()));
    }
}
