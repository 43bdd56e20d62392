package dev.conn.postmortem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conn.platform.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A metric snapshot in the HTML postmortem, as a chart a reader can read on paper: when the
 * snapshot kept its source's answer, an inline SVG line chart (SVG 1.1, no script, no external
 * reference) with a time axis labelled in UTC, with the date under the first tick and wherever the
 * date changes, and a value axis labelled with the unit; otherwise the PNG taken in Conn, with its
 * charted window and unit written under it. Reads the two answers Conn stores: Prometheus {@code
 * query_range} ({@code data.result[].values[[unix seconds, "value"]]},
 * https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries) and Datadog {@code GET
 * /api/v1/query} ({@code series[].pointlist[[unix ms, value]]},
 * https://docs.datadoghq.com/api/latest/metrics/#query-timeseries-points). Pure.
 */
final class SnapshotChart {
    static final int WIDTH = 720;
    static final int HEIGHT = 280;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 12;
    private static final int BOTTOM = 62;
    private static final int MAX_SERIES = 5;
    private static final int MAX_POINTS = 720;
    private static final String[] COLOURS = {"#0969da", "#cf222e", "#1a7f37", "#8250df", "#9a6700"};
    private static final DateTimeFormatter HM =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final long[] STEPS_S = {
        60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800
    };

    /** One line: its label and its points (UTC epoch seconds, value). */
    record Line(String label, List<double[]> points) {}

    private SnapshotChart() {}

    /**
     * Appends the snapshot's figure.
     *
     * @param h the document so far
     * @param s the snapshot
     */
    static void figure(StringBuilder h, PostmortemReport.Snapshot s) {
        List<Line> lines = s.raw().map(SnapshotChart::parse).orElse(List.of());
        h.append("<figure>");
        if (!lines.isEmpty()) {
            svg(h, s, lines);
        } else if (s.png().length > 0) {
            h.append("<img alt=\"")
                    .append(HtmlText.esc(s.title()))
                    .append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(s.png()))
                    .append("\"><br>")
                    .append("<small>Time axis (UTC): ")
                    .append(window(s))
                    .append(". Value axis: ")
                    .append(HtmlText.esc(unit(s)))
                    .append(".</small>");
        }
        h.append("<figcaption>")
                .append(HtmlText.stamp(s.at()))
                .append(": ")
                .append(HtmlText.text(s.title()))
                .append("</figcaption></figure>\n");
    }

    private static String window(PostmortemReport.Snapshot s) {
        if (s.from().isPresent() && s.to().isPresent()) {
            return HtmlText.stamp(s.from().get()) + " to " + HtmlText.stamp(s.to().get());
        }
        return "as charted in Conn, snapshot taken " + HtmlText.stamp(s.at());
    }

    private static String unit(PostmortemReport.Snapshot s) {
        return s.unit().isBlank() ? "value" : s.unit();
    }

    /**
     * @param raw a Prometheus or Datadog answer as stored
     * @return its lines (at most five, each thinned to at most 720 points), or none if it holds no
     *     points or is not one of the two
     */
    static List<Line> parse(String raw) {
        JsonNode root;
        try {
            root = Json.newMapper().readTree(raw);
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
        List<Line> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        for (JsonNode r : root.path("data").path("result")) {
            add(out, r.path("metric").toString(), r.path("values"), 1);
        }
        for (JsonNode r : root.path("series")) {
            add(out, r.path("scope").asText(r.path("metric").asText("")), r.path("pointlist"), 0.001);
        }
        return out;
    }

    private static void add(List<Line> out, String label, JsonNode values, double toSeconds) {
        if (out.size() >= MAX_SERIES || !values.isArray()) {
            return;
        }
        List<double[]> pts = new ArrayList<>();
        int stride = Math.max(1, (values.size() + MAX_POINTS - 1) / MAX_POINTS);
        for (int i = 0; i < values.size(); i += stride) {
            JsonNode p = values.get(i);
            double t = p.path(0).asDouble(Double.NaN) * toSeconds;
            JsonNode v = p.path(1);
            double value = v.isTextual() ? parseDouble(v.asText()) : v.asDouble(Double.NaN);
            if (Double.isFinite(t) && Double.isFinite(value) && !v.isNull()) {
                pts.add(new double[] {t, value});
            }
        }
        if (!pts.isEmpty()) {
            out.add(new Line(label, pts));
        }
    }

    private static double parseDouble(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static void svg(StringBuilder h, PostmortemReport.Snapshot s, List<Line> lines) {
        double t0 = Double.MAX_VALUE;
        double t1 = -Double.MAX_VALUE;
        double v0 = 0;
        double v1 = -Double.MAX_VALUE;
        for (Line l : lines) {
            for (double[] p : l.points()) {
                t0 = Math.min(t0, p[0]);
                t1 = Math.max(t1, p[0]);
                v0 = Math.min(v0, p[1]);
                v1 = Math.max(v1, p[1]);
            }
        }
        t0 = s.from().map(i -> (double) i.getEpochSecond()).orElse(t0);
        t1 = Math.max(s.to().map(i -> (double) i.getEpochSecond()).orElse(t1), t0 + 60);
        double vStep = niceStep(Math.max(v1 - v0, 1e-9) / 4);
        v0 = Math.floor(v0 / vStep) * vStep;
        v1 = Math.max(Math.ceil(v1 / vStep) * vStep, v0 + vStep);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        h.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(HtmlText.esc(s.title()))
                .append("\">\n");
        for (double v = v0; v <= v1 + vStep / 2; v += vStep) {
            double y = TOP + plotH - (v - v0) / (v1 - v0) * plotH;
            h.append(String.format(
                            Locale.ROOT,
                            "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
                            LEFT,
                            y,
                            LEFT + plotW,
                            y))
                    .append(String.format(
                            Locale.ROOT,
                            "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                            LEFT - 6,
                            y + 4,
                            number(v, vStep)));
        }
        long step = timeStep(t1 - t0);
        String lastDate = "";
        for (long t = (long) Math.ceil(t0 / step) * step; t <= t1; t += step) {
            double x = LEFT + (t - t0) / (t1 - t0) * plotW;
            Instant at = Instant.ofEpochSecond(t);
            String date = MarkdownExporter.DATE.format(at);
            h.append(String.format(
                            Locale.ROOT,
                            "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                            x,
                            TOP + plotH,
                            x,
                            TOP + plotH + 4))
                    .append(String.format(
                            Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                            x,
                            TOP + plotH + 16,
                            HM.format(at)));
            if (!date.equals(lastDate)) {
                h.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        x,
                        TOP + plotH + 29,
                        date));
                lastDate = date;
            }
            h.append('\n');
        }
        h.append(String.format(
                        Locale.ROOT,
                        "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                        LEFT,
                        TOP,
                        LEFT,
                        TOP + plotH))
                .append(String.format(
                        Locale.ROOT,
                        "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
                        LEFT,
                        TOP + plotH,
                        LEFT + plotW,
                        TOP + plotH))
                .append(String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">Time (UTC)</text>\n",
                        LEFT + plotW / 2,
                        HEIGHT - 8))
                .append(String.format(
                        Locale.ROOT,
                        "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">",
                        TOP + plotH / 2,
                        TOP + plotH / 2))
                .append(HtmlText.esc(unit(s)))
                .append("</text>\n");
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            h.append("<polyline class=\"line\" stroke=\"")
                    .append(COLOURS[i % COLOURS.length])
                    .append("\" points=\"");
            for (double[] p : l.points()) {
                double x = LEFT + (p[0] - t0) / (t1 - t0) * plotW;
                double y = TOP + plotH - (p[1] - v0) / (v1 - v0) * plotH;
                h.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            h.append("\"><title>").append(HtmlText.esc(l.label())).append("</title></polyline>\n");
        }
        h.append("</svg>");
    }

    /** The tick step (seconds) that puts at most six ticks on a window of that many seconds. */
    static long timeStep(double seconds) {
        for (long s : STEPS_S) {
            if (seconds / s <= 6) {
                return s;
            }
        }
        return (long) Math.ceil(seconds / 6 / 86400) * 86400;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String number(double v, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.min(6, Math.ceil(-Math.log10(step)));
        return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < step / 1e6 ? 0.0 : v);
    }
}
