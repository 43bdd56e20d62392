package dev.conn.impact;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands Grafana-style variables in an impact query and decides how it is fetched
 * (https://grafana.com/docs/grafana/latest/datasources/prometheus/template-variables/#use-__rate_interval,
 * https://grafana.com/docs/grafana/latest/dashboards/variables/add-template-variables/#global-variables):
 *
 * <ul>
 *   <li>{@code $__interval} (also {@code ${__interval}}): the step; {@code $__interval_ms} in ms;
 *   <li>{@code $__rate_interval}: max(step + scrape interval, 4 × scrape interval), Grafana's rule,
 *       so a {@code rate()} always sees at least four samples and never a window shorter than the
 *       step;
 *   <li>{@code $__range}: the queried range; {@code $__range_s} and {@code $__range_ms} as numbers.
 * </ul>
 *
 * <p><b>Peaks (chosen method).</b> For Prometheus, a query over counters or a ratio ({@code rate(},
 * {@code irate(}, {@code increase(}, or a division) fetched at a step coarser than the scrape
 * interval is sent as a {@code max_over_time} subquery at the scrape resolution ({@link
 * StepSelection#peakQuery}); inside it the variables are expanded for a step of one scrape
 * interval, so {@code $__rate_interval} is 4 × scrape. Each point is then the highest value of
 * its step: a 20 s spike stays visible in a 30-day window, at the price of the server evaluating
 * the inner expression at scrape resolution. Chosen over fetching a finer step in chunks, which
 * moves the same evaluations over the network as up to 16 answers per series. A query that already
 * uses a subquery or an {@code *_over_time} function is sent as written.
 *
 * <p>Pure: no I/O.
 */
public final class QueryTemplate {
    private static final Pattern COUNTER_OR_RATIO = Pattern.compile("\\b(?:rate|irate|increase)\\s*\\(|/");
    private static final Pattern ALREADY_PEAKED = Pattern.compile("_over_time\\s*\\(|\\[[^\\]]*:[^\\]]*\\]");
    private static final Pattern LITERAL_WINDOW = Pattern.compile("\\[\\s*((?:\\d+(?:ms|[smhdwy]))+)\\s*\\]");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|[smhdwy])");

    private QueryTemplate() {}

    /**
     * How one chart is fetched.
     *
     * @param query the query sent to the source, variables expanded
     * @param step the step of the range query
     * @param rateInterval what {@code $__rate_interval} became in the sent query
     * @param peak true if sent as a {@code max_over_time} subquery at scrape resolution
     * @param resolution the subquery resolution (the scrape interval) when {@code peak}, else the step
     * @param warning a sentence for the chart when the step is coarser than a rate window in the
     *     query (peaks between steps are then missed), else empty
     */
    public record FetchPlan(
            String query,
            Duration step,
            Duration rateInterval,
            boolean peak,
            Duration resolution,
            Optional<String> warning) {
        /** @return what the chart shows about its resolution, e.g. "step 1h · peak of 15s samples" */
        public String describe() {
            return "step " + promDuration(step) + (peak ? " · peak of " + promDuration(resolution) + " samples" : "");
        }
    }

    /**
     * @param query the impact query as written (with variables)
     * @param range the queried range, positive
     * @param step the step ({@link StepSelection#select})
     * @param scrape the source's scrape interval, positive
     * @param prometheus true for PromQL sources (peak subqueries and rate-window warnings apply)
     * @return the plan
     */
    public static FetchPlan plan(String query, Duration range, Duration step, Duration scrape, boolean prometheus) {
        boolean peak = prometheus
                && step.compareTo(scrape) > 0
                && COUNTER_OR_RATIO.matcher(query).find()
                && !ALREADY_PEAKED.matcher(query).find();
        if (peak) {
            Duration innerRate = rateInterval(scrape, scrape);
            String inner = expand(query, scrape, innerRate, range);
            return new FetchPlan(
                    StepSelection.peakQuery(inner, step, scrape), step, innerRate, true, scrape, Optional.empty());
        }
        Duration rate = rateInterval(step, scrape);
        String sent = expand(query, step, rate, range);
        Optional<String> warning = Optional.empty();
        if (prometheus) {
            Duration shortest = shortestLiteralWindow(query);
            if (shortest != null && shortest.compareTo(step) < 0) {
                warning = Optional.of("step " + promDuration(step) + " is coarser than the rate window "
                        + promDuration(shortest) + ": what happens between steps is not seen; write the window as"
                        + " $__rate_interval");
            }
        }
        return new FetchPlan(sent, step, rate, false, step, warning);
    }

    /** @return Grafana's {@code $__rate_interval}: max(interval + scrape, 4 × scrape) */
    public static Duration rateInterval(Duration interval, Duration scrape) {
        Duration a = interval.plus(scrape);
        Duration b = scrape.multipliedBy(4);
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Replaces the variables.
     *
     * @param query the query
     * @param interval {@code $__interval}
     * @param rateInterval {@code $__rate_interval}
     * @param range {@code $__range}
     * @return the query with every known variable replaced (unknown {@code $names} are left)
     */
    public static String expand(String query, Duration interval, Duration rateInterval, Duration range) {
        String s = query;
        // longest names first, so $__interval does not eat $__interval_ms
        s = replace(s, "__interval_ms", Long.toString(interval.toMillis()));
        s = replace(s, "__rate_interval", promDuration(rateInterval));
        s = replace(s, "__interval", promDuration(interval));
        s = replace(s, "__range_ms", Long.toString(range.toMillis()));
        s = replace(s, "__range_s", Long.toString(range.toSeconds()));
        s = replace(s, "__range", promDuration(range));
        return s;
    }

    private static String replace(String s, String name, String value) {
        return s.replace("${" + name + "}", value)
                .replaceAll("\\$" + name + "(?![A-Za-z0-9_])", Matcher.quoteReplacement(value));
    }

    /**
     * @return the duration in PromQL's notation, in the largest unit it is a whole number of
     *     (d, h, m, s, ms): {@code 1h}, {@code 90s}, {@code 30d}
     */
    public static String promDuration(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s != 0 && s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s != 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s != 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    /** @return the shortest literal range-selector window in the query ({@code [5m]}), or null */
    static Duration shortestLiteralWindow(String query) {
        Duration best = null;
        Matcher m = LITERAL_WINDOW.matcher(query);
        while (m.find()) {
            Duration d = Duration.ZERO;
            Matcher part = DURATION_PART.matcher(m.group(1));
            while (part.find()) {
                long n = Long.parseLong(part.group(1));
                d = d.plus(
                        switch (part.group(2)) {
                            case "ms" -> Duration.ofMillis(n);
                            case "s" -> Duration.ofSeconds(n);
                            case "m" -> Duration.ofMinutes(n);
                            case "h" -> Duration.ofHours(n);
                            case "d" -> Duration.ofDays(n);
                            case "w" -> Duration.ofDays(7 * n);
                            default -> Duration.ofDays(365 * n);
                        });
            }
            if (best == null || d.compareTo(best) < 0) {
                best = d;
            }
        }
        return best;
    }
}
