package dev.conn.bench;

import dev.conn.impact.ChartData;
import dev.conn.impact.ChartSeries;
import dev.conn.impact.ImpactMarker;
import dev.conn.impact.ImpactQuery;
import dev.conn.impact.Lttb;
import dev.conn.impact.Series;
import dev.conn.impact.SeriesResult;
import dev.conn.impact.net.PrometheusClient;
import dev.conn.impact.ui.ImpactChartView;
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
import javafx.scene.layout.VBox;

/**
 * Impact graph figures: LTTB 1,000,000 → 2,000 points; parsing 20 series × 11,000 points of
 * Prometheus JSON; the ChartFX panel (6 charts × 5 series from 1,000,000 raw points each) against
 * the former Canvas drawing on the same panel in the same run; an interaction frame; and the
 * FX-thread time of a refresh cycle.
 */
final class ImpactBench {
    private static final int RAW = 1_000_000;
    private static final long T0 = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();

    private ImpactBench() {}

    /**
     * Runs only the Prometheus parse row, N times: {@code java -XX:TieredStopAtLevel=1 -cp <test class
     * path> dev.conn.bench.ImpactBench$Parse N}.
     */
    static final class Parse {
        private Parse() {}

        public static void main(String[] args) throws Exception {
            for (int i = 0; i < (args.length > 0 ? Integer.parseInt(args[0]) : 1); i++) {
                System.out.printf(java.util.Locale.ROOT, "parse 20 x 11,000 points, median of 7: %.1f ms%n", parseMs());
            }
            System.exit(0);
        }
    }

    static List<Bench.Row> run() throws Exception {
        List<Bench.Row> rows = new ArrayList<>();
        Series raw = randomWalk(new Random(1), RAW);
        rows.add(new Bench.Row("impact: LTTB 1,000,000 → 2,000 points (median of 11)", lttbMs(raw), "ms", 5));
        rows.add(new Bench.Row(
                "impact: parse Prometheus JSON, 20 series × 11,000 points (a 5.0 MB answer), C1-only as shipped (median of 7)",
                parseMs(),
                "ms",
                40));
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
        // the answer's bytes, as the client parses them off the wire (encoding the bench's own
        // text is not part of parsing)
        byte[] body = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
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

        // 6 charts × 5 series from 1,000,000 raw points each; the reductions are built off the FX thread
        int plotWidth = 1_000;
        Random rnd = new Random(3);
        List<ChartData> charts = new ArrayList<>();
        List<List<Series>> lttb = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            List<ChartSeries> drawn = new ArrayList<>();
            List<Series> reduced = new ArrayList<>();
            for (int s = 0; s < 5; s++) {
                Series raw = randomWalk(rnd, RAW);
                drawn.add(ChartSeries.of("chart " + c, raw, plotWidth));
                reduced.add(Lttb.downsample(raw, 2 * plotWidth));
            }
            charts.add(chartData(c, drawn, T0, T0 + RAW * 1_000L));
            lttb.add(reduced);
        }
        List<Instant> markerTimes =
                List.of(Instant.ofEpochMilli(T0 + RAW * 300L), Instant.ofEpochMilli(T0 + RAW * 700L));
        List<ImpactMarker> markers = List.of(
                new ImpactMarker(markerTimes.get(0), true, "Impact started", "", Optional.empty()),
                new ImpactMarker(markerTimes.get(1), false, "Action", "rolled back", Optional.empty()));
        // the same panel both ways in one scene graph each, their frames alternated so neither
        // profits from the other's warm-up (JIT, the software rasteriser's caches)
        double[] panel = onFxPair(() -> {
            VBox canvasBox = new VBox();
            List<CanvasChartReference> canvasViews = new ArrayList<>();
            for (List<Series> r : lttb) {
                CanvasChartReference v = new CanvasChartReference(r, T0, T0 + RAW * 1_000L, 150, markerTimes);
                v.setPrefSize(plotWidth + 68, 150);
                canvasViews.add(v);
                canvasBox.getChildren().add(v);
            }
            Scene canvasScene = new Scene(canvasBox, plotWidth + 68, 900);
            canvasBox.applyCss();
            canvasBox.layout();
            VBox chartFxBox = new VBox();
            List<ImpactChartView> chartFxViews = new ArrayList<>();
            for (ChartData d : charts) {
                ImpactChartView v = new ImpactChartView();
                v.setPrefSize(plotWidth + 68, 150);
                v.setData(d);
                v.setMarkers(markers);
                chartFxViews.add(v);
                chartFxBox.getChildren().add(v);
            }
            Scene chartFxScene = new Scene(chartFxBox, plotWidth + 68, 900);
            chartFxBox.applyCss();
            chartFxBox.layout();
            return alternating(
                    9,
                    () -> {
                        canvasViews.forEach(CanvasChartReference::repaint);
                        canvasScene.snapshot(null); // renders the whole scene with the software pipeline
                    },
                    () -> {
                        chartFxViews.forEach(ImpactChartView::drawNow);
                        chartFxScene.snapshot(null);
                    });
        });
        double canvasMs = panel[0];
        double chartFxMs = panel[1];
        // interaction: one chart, 5 series from 1M raw points, zoomed and panned frame by frame
        double interactionMs = onFx(() -> {
            ImpactChartView v = new ImpactChartView();
            v.setData(charts.get(0));
            v.setMarkers(markers);
            Scene scene = new Scene(v, plotWidth + 68, 240);
            v.applyCss();
            v.layout();
            long span = RAW * 1_000L;
            int[] frame = {0};
            return medianOf(21, () -> {
                int f = frame[0]++;
                long width = span / (1 + f % 7); // zoom in steps, then pan
                long from = T0 + (span - width) * (f % 5) / 4;
                v.setView(from, from + width);
                v.drawNow();
                scene.snapshot(null);
            });
        });
        // a refresh cycle: 6 charts get new data (5 series × 11,000 points, the most one Prometheus
        // answer holds, reduced off the FX thread); FX-thread work = setData and drawing into the
        // canvases (rasterising the scene is the render thread's)
        List<ChartData> refreshed = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            List<ChartSeries> drawn = new ArrayList<>();
            for (int s = 0; s < 5; s++) {
                drawn.add(ChartSeries.of("chart " + c, randomWalk(rnd, 11_000), plotWidth));
            }
            refreshed.add(chartData(c, drawn, T0, T0 + 11_000 * 1_000L));
        }
        double refreshMs = onFx(() -> {
            VBox box = new VBox();
            List<ImpactChartView> views = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                ImpactChartView v = new ImpactChartView();
                v.setPrefSize(plotWidth + 68, 150);
                views.add(v);
                box.getChildren().add(v);
            }
            new Scene(box, plotWidth + 68, 900);
            box.applyCss();
            box.layout();
            return medianOf(15, () -> {
                for (int c = 0; c < 6; c++) {
                    views.get(c).setData(refreshed.get(c));
                    views.get(c).drawNow();
                }
            });
        });
        return List.of(
                new Bench.Row(
                        "impact panel full repaint, 6 charts × 5 series from 1M raw points (ChartFX, software;"
                                + " draw + scene snapshot, median of 9, frames alternated with the Canvas's)",
                        chartFxMs,
                        "ms",
                        60),
                new Bench.Row(
                        "  reference: the same panel on the former Canvas path (LTTB 2,000 points), same run",
                        canvasMs,
                        "ms",
                        Bench.NO_TARGET),
                new Bench.Row("  ChartFX ÷ Canvas, same run (keep ChartFX up to 1.5×)", chartFxMs / canvasMs, "×", 1.5),
                new Bench.Row(
                        "impact interaction frame: one chart, 5 series from 1M raw points, zoomed or panned"
                                + " (draw + snapshot, median of 21)",
                        interactionMs,
                        "ms",
                        16),
                new Bench.Row(
                        "impact FX-thread time per refresh cycle of 6 charts (5 × 11,000 points each: setData +"
                                + " draw, median of 15)",
                        refreshMs,
                        "ms",
                        16));
    }

    private static ChartData chartData(int c, List<ChartSeries> drawn, long from, long to) {
        return new ChartData(
                ImpactQuery.create("chart " + c, "bench", "q", "req/s", OptionalDouble.of(150)),
                Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(to),
                Optional.empty(),
                drawn,
                5,
                List.of(),
                Optional.of(Instant.ofEpochMilli(from)),
                false,
                Optional.empty(),
                Optional.empty(),
                "");
    }

    private static double medianOf(int n, Runnable frame) {
        double[] ms = new double[n];
        for (int i = -3; i < n; i++) {
            long start = System.nanoTime();
            frame.run();
            if (i >= 0) {
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return median(ms);
    }

    /** @return the medians of frames of {@code a} and {@code b}, measured in turn (a, b, a, b...) */
    private static double[] alternating(int n, Runnable a, Runnable b) {
        double[] as = new double[n];
        double[] bs = new double[n];
        for (int i = -3; i < n; i++) {
            long start = System.nanoTime();
            a.run();
            long mid = System.nanoTime();
            b.run();
            long end = System.nanoTime();
            if (i >= 0) {
                as[i] = (mid - start) / 1e6;
                bs[i] = (end - mid) / 1e6;
            }
        }
        return new double[] {median(as), median(bs)};
    }

    private static double[] onFxPair(java.util.concurrent.Callable<double[]> work) throws Exception {
        CompletableFuture<double[]> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
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
