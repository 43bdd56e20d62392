package dev.conn.impact.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conn.impact.MetricSourceException;
import dev.conn.impact.Series;
import dev.conn.impact.SeriesResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A large answer read on several threads gives what the serial reader gives, errors included. */
class ParallelSeriesTest {
    private final PrometheusAnswer answer = new PrometheusAnswer(64L * 1024 * 1024, "prom.test");

    /** 20 series of 11,000 samples (about 5 MB), labels as given, then {@code tail} after the data. */
    private static String big(String podLabel, String tail) {
        StringBuilder sb =
                new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
        Random rnd = new Random(7);
        for (int s = 0; s < 20; s++) {
            sb.append(s == 0 ? "" : ",")
                    .append("{\"metric\":{\"__name__\":\"up\",\"pod\":\"")
                    .append(podLabel)
                    .append(s)
                    .append("\"},\"values\":[");
            for (int i = 0; i < 11_000; i++) {
                sb.append(i == 0 ? "" : ",")
                        .append('[')
                        .append(1_763_726_400 + i * 15)
                        .append(".5,\"")
                        .append(Math.round(rnd.nextDouble() * 1e6) / 1e3)
                        .append("\"]");
            }
            sb.append("]}");
        }
        return sb.append("]}").append(tail).append('}').toString();
    }

    private static void assertSame(SeriesResult expected, SeriesResult actual) {
        assertEquals(expected.warnings(), actual.warnings());
        assertEquals(expected.series().size(), actual.series().size());
        for (int i = 0; i < expected.series().size(); i++) {
            Series e = expected.series().get(i);
            Series a = actual.series().get(i);
            assertEquals(e.labels(), a.labels());
            assertArrayEquals(e.times(), a.times());
            assertArrayEquals(e.values(), a.values());
        }
    }

    @Test
    void aLargeAnswerIsSplitAndReadsAsTheSerialReaderReadsIt() throws Exception {
        byte[] body = big("api-", ",\"warnings\":[\"partial\"]").getBytes(StandardCharsets.UTF_8);
        assertTrue(ParallelSeries.read(PrometheusAnswer.jsonFactory(body.length), body)
                .isPresent());
        SeriesResult parallel = answer.parse(body, 200);
        assertEquals(220_000, parallel.pointCount());
        assertEquals(List.of("partial"), parallel.warnings());
        assertEquals(1_763_726_400_500L, parallel.series().get(19).times()[0]);
        assertSame(answer.serial(body, 200), parallel);
    }

    @Test
    void theCutPatternInsideALabelValueChangesNothing() throws Exception {
        // escaped quotes: the bytes ,{"metric": cannot occur inside a JSON string
        byte[] body = big("x,{\\\"metric\\\":", "").getBytes(StandardCharsets.UTF_8);
        SeriesResult parallel = answer.parse(body, 200);
        assertEquals("x,{\"metric\":3", parallel.series().get(3).labels().get("pod"));
        assertSame(answer.serial(body, 200), parallel);
    }

    @Test
    void aBadSampleLateInTheAnswerIsNamedAsTheSerialReaderNamesIt() {
        String text = big("api-", "");
        int late = text.lastIndexOf(",\"");
        byte[] body = (text.substring(0, late) + ",true" + text.substring(text.indexOf('"', late + 2) + 1))
                .getBytes(StandardCharsets.UTF_8);
        MetricSourceException serial = assertThrows(MetricSourceException.class, () -> answer.serial(body, 200));
        MetricSourceException parallel = assertThrows(MetricSourceException.class, () -> answer.parse(body, 200));
        assertEquals(serial.getMessage(), parallel.getMessage());
        assertEquals(serial.kind(), parallel.kind());
    }

    @Test
    void aCutOffAnswerIsStillSaidToBeCutOff() {
        byte[] whole = big("api-", "").getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(whole, whole.length * 3 / 4);
        MetricSourceException e = assertThrows(MetricSourceException.class, () -> answer.parse(body, 200));
        assertTrue(e.getMessage().contains("was cut off"), e.getMessage());
    }

    @Test
    void anErrorAnswerWithALargeBodyIsStillPrometheusOwnError() {
        String text = big("api-", ",\"errorType\":\"timeout\",\"error\":\"query timed out\"")
                .replaceFirst("\"success\"", "\"error\"");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        MetricSourceException e = assertThrows(MetricSourceException.class, () -> answer.parse(body, 503));
        assertTrue(e.getMessage().contains("the query timed out"), e.getMessage());
    }
}
