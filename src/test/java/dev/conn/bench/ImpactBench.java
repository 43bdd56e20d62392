package dev.conn.bench;

import dev.conn.impact.ChartData;
import dev.conn.impact.ImpactChartView;
import dev.conn.impact.ImpactQuery;
import dev.conn.impact.Lttb;
import dev.conn.impact.PrometheusClient;
import dev.conn.impact.Series;
import dev.conn.impact.SeriesResult;
import dev.conn.settings.MonitoringSource;
import dev.conn.settings.SecretResolver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.VBox;

/**
 * Impact graph figures: LTTB 1,000,000 → 2,000 points, parsing 20 series × 11,000 points of
 * Prometheus JSON, and the frame time of the impact panel (6 charts × 5 series, each downsampled
 * from 1,000,000 raw points) against a stock {@code LineChart} fed all points (capped to one
 * series of 1,000,000 points so the bench stays short).
 */
final class ImpactBench {
    private static final int RAW = 1_000_000;
    private static final long T0 = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();

    private ImpactBench() {}

    static List<Bench.Row> run() throws Exception {
        List<Bench.Row> rows = new ArrayList<>();
        Series raw = randomWalk(new Random(1), RAW);
        rows.add(new Bench.Row("impact: LTTB 1,000,000 → 2,000 points (median of 11)", lttbMs(raw), "ms", 5));
        rows.add(new Bench.Row(
                "impact: parse Prometheus JSON, 20 series × 11,000 points (median of 7)", parseMs(), "ms", 50));
        rows.addAll(frames());
        return rows;
    }

    static Series randomWalk(Random rnd, int n) {
        long[] t = new long[n];
        double[] v = new double[n];
        double walk = 100;
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * 1_000L;
            walk = Math.max(0, walk + rnd.nextGaussian());
            v[i] = walk;
        }
        v[n / 2] = 5_000; // the spike
        return new Series(Map.of("pod", "api-" + rnd.nextInt(100)), t, v);
    }

    private static double lttbMs(Series raw) {
        double[] ms = new double[11];
        for (int i = -5; i < ms.length; i++) {
            long start = System.nanoTime();
            Lttb.downsample(raw, 2_000);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return median(ms);
    }

    private static double parseMs() throws Exception {
        StringBuilder sb =
                new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
        Random rnd = new Random(2);
        for (int s = 0; s < 20; s++) {
            sb.append(s == 0 ? "" : ",")
                    .append("{\"metric\":{\"__name__\":\"http_requests_total\",\"pod\":\"api-")
                    .append(s)
                    .append("\"},\"values\":[");
            for (int i = 0; i < 11_000; i++) {
                sb.append(i == 0 ? "" : ",")
                        .append('[')
                        .append(1_763_726_400 + i * 15)
                        .append(",\"")
                        .append(Math.round(rnd.nextDouble() * 1e6) / 1e3)
                        .append("\"]");
            }
            sb.append("]}");
        }
        sb.append("]}}");
        String body = sb.toString();
        PrometheusClient client = new PrometheusClient(
                MonitoringSource.prometheus("bench", "bench", "http://bench.invalid"),
                SecretResolver.environmentOnly());
        double[] ms = new double[7];
        for (int i = -3; i < ms.length; i++) {
            long start = System.nanoTime();
            SeriesResult r = client.parse(body);
            if (r.pointCount() != 220_000) {
                throw new IllegalStateException("parsed " + r.pointCount() + " points");
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return median(ms);
    }

    private static List<Bench.Row> frames() throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        System.setProperty(
                "javafx.cachedir",
                java.nio.file.Path.of("target", "openjfx-cache")
                        .toAbsolutePath()
                        .toString());
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.get(30, TimeUnit.SECONDS);

        // 6 charts × 5 series, each LTTB-downsampled (off the FX thread) from 1,000,000 raw points
        int plotWidth = 1_000;
        List<ChartData> charts = new ArrayList<>();
        Random rnd = new Random(3);
        for (int c = 0; c < 6; c++) {
            List<Series> drawn = new ArrayList<>();
            for (int s = 0; s < 5; s++) {
                drawn.add(Lttb.downsample(randomWalk(rnd, RAW), 2 * plotWidth));
            }
            charts.add(new ChartData(
                    ImpactQuery.create("chart " + c, "bench", "q", "req/s", OptionalDouble.of(150)),
                    Instant.ofEpochMilli(T0),
                    Instant.ofEpochMilli(T0 + RAW * 1_000L),
                    drawn,
                    5,
                    List.of(),
                    Optional.of(Instant.ofEpochMilli(T0)),
                    false,
                    Optional.empty(),
                    ""));
        }
        double canvasMs = onFx(() -> {
            VBox box = new VBox();
            List<ImpactChartView> views = new ArrayList<>();
            for (ChartData d : charts) {
                ImpactChartView v = new ImpactChartView();
                v.setPrefSize(plotWidth + 68, 150);
                v.setData(d);
                views.add(v);
                box.getChildren().add(v);
            }
            Scene scene = new Scene(box, plotWidth + 68, 900);
            box.applyCss();
            box.layout();
            double[] ms = new double[9];
            for (int i = -3; i < ms.length; i++) {
                long start = System.nanoTime();
                views.forEach(ImpactChartView::repaint);
                scene.snapshot(null); // renders the whole scene with the software pipeline
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            return median(ms);
        });
        // baseline: a stock LineChart (symbols off, no animation) fed every raw point; capped at
        // one series of 1,000,000 points (1/30 of the panel) so the bench stays under a minute
        Series one = randomWalk(new Random(4), RAW);
        double lineChartMs = onFx(() -> {
            NumberAxis x = new NumberAxis();
            NumberAxis y = new NumberAxis();
            x.setForceZeroInRange(false);
            LineChart<Number, Number> chart = new LineChart<>(x, y);
            chart.setCreateSymbols(false);
            chart.setAnimated(false);
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            List<XYChart.Data<Number, Number>> pts = new ArrayList<>(RAW);
            for (int i = 0; i < RAW; i++) {
                pts.add(new XYChart.Data<>(one.times()[i], one.values()[i]));
            }
            s.getData().setAll(pts);
            chart.getData().add(s);
            Scene scene = new Scene(chart, plotWidth + 68, 150);
            chart.applyCss();
            chart.layout();
            scene.snapshot(null);
            double[] ms = new double[3];
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                chart.requestLayout();
                chart.layout();
                scene.snapshot(null);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            return median(ms);
        });
        return List.of(
                new Bench.Row(
                        "impact panel frame, 6 charts × 5 series from 1M raw points each (LTTB, Canvas, software;"
                                + " repaint + scene snapshot, median of 9)",
                        canvasMs,
                        "ms",
                        33),
                new Bench.Row(
                        "baseline: stock LineChart, symbols off, fed all points; capped at 1 series × 1M (1/30 of the"
                                + " panel), layout + snapshot, median of 3; ratio vs 33 ms",
                        lineChartMs,
                        "ms",
                        33),
                new Bench.Row(
                        "baseline ÷ impact panel frame (the capped baseline draws 1/30 of the points)",
                        lineChartMs / canvasMs,
                        "×",
                        Bench.NO_TARGET));
    }

    private static double onFx(java.util.concurrent.Callable<Double> work) throws Exception {
        CompletableFuture<Double> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }

    private static double median(double[] xs) {
        double[] c = xs.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /** Runs only the impact rows: {@code java -cp <test class path> dev.conn.bench.ImpactBench}. */
    public static void main(String[] args) throws Exception {
        for (Bench.Row r : run()) {
            System.out.printf(
                    java.util.Locale.ROOT, "%s: %.2f %s (target %s)%n", r.measure(), r.result(), r.unit(), r.target());
        }
        System.exit(0);
    }
}
