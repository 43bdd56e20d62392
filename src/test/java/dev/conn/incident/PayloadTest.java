package dev.conn.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadTest {

    @Test
    void integerValueIsWrittenAsAnInteger() {
        assertThat(Payload.of("n", 1).json()).isEqualTo("{\"n\":1}");
    }

    @Test
    void integerValueReadsBackAsTheSameText() {
        assertThat(Payload.of("n", 42).text("n")).contains("42");
    }

    @Test
    void longValueKeepsEveryDigit() {
        long beyondDoublePrecision = 9_007_199_254_740_993L; // 2^53 + 1

        assertThat(Payload.of("bytes", beyondDoublePrecision)
                        .toNode()
                        .get("bytes")
                        .asLong())
                .isEqualTo(beyondDoublePrecision);
    }

    @Test
    void decimalValueIsWrittenAsADecimal() {
        assertThat(Payload.of("ratio", 0.5).json()).isEqualTo("{\"ratio\":0.5}");
    }

    @Test
    void nullValuesAreLeftOut() {
        assertThat(Payload.of("text", "x", "reason", null).json()).isEqualTo("{\"text\":\"x\"}");
    }

    @Test
    void instantsAndEnumsAreWrittenAsText() {
        Payload p = Payload.of("at", Instant.parse("2026-11-21T09:12:00Z"), "severity", Severity.SEV2);

        assertThat(p.instant("at")).contains(Instant.parse("2026-11-21T09:12:00Z"));
        assertThat(p.text("severity")).contains("SEV2");
    }

    @Test
    void oddNumberOfArgumentsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Payload.of("text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "42", "{not json", ""})
    void parseRefusesAnythingButAJsonObject(String json) {
        assertThrows(IllegalArgumentException.class, () -> Payload.parse(json));
    }

    @Test
    void changingTheNodeReturnedDoesNotChangeThePayload() {
        Payload p = Payload.of("text", "original");

        p.toNode().put("text", "tampered");

        assertThat(p.textOrEmpty("text")).isEqualTo("original");
    }
}
