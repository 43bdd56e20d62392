package dev.conn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SEV1 burst bench meets its targets: everything delivered, no 429, no duplicate. */
class CommsBenchTest {
    @TempDir
    Path dir;

    @Test
    void sev1BurstDrainsWithoutRateLimitsOrDuplicates() throws Exception {
        List<Bench.Row> rows = CommsBench.sev1Burst(dir);
        rows.forEach(r -> System.out.println("BENCH " + r));
        assertThat(rows)
                .filteredOn(r -> r.measure().endsWith("messages delivered"))
                .singleElement()
                .satisfies(r -> assertThat(r.result()).isEqualTo(150));
        assertThat(rows)
                .filteredOn(r -> r.measure().endsWith("429s received"))
                .singleElement()
                .satisfies(r -> assertThat(r.result()).isZero());
        assertThat(rows)
                .filteredOn(r -> r.measure().endsWith("duplicates"))
                .singleElement()
                .satisfies(r -> assertThat(r.result()).isZero());
    }
}
