package dev.conn.postmortem.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.postmortem.BundleImporter;
import dev.conn.postmortem.MetricSeriesArchive;
import dev.conn.postmortem.PostmortemExports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Export menu's two options reach the file written: the full timeline's appendix and the CSV's BOM. */
class TransfersViewModelTest {
    private final Console console = new Console(new DirectTaskRunner());
    private final List<String> messages = new ArrayList<>();
    private final TransfersViewModel model = new TransfersViewModel(
            console.incident,
            new PostmortemExports(console.service, MetricSeriesArchive.none(), console.clock, KnownSecrets::new),
            new BundleImporter(console.service, MetricSeriesArchive.none()),
            new DirectTaskRunner(),
            messages::add,
            () -> {});

    @TempDir
    Path tmp;

    @Test
    void thePostmortemCarriesTheFullTimelineUnlessTheMenuItemIsUnticked() throws Exception {
        Path with = tmp.resolve("with.md");
        Path without = tmp.resolve("without.md");

        model.export(PostmortemExports.Format.MD, with);
        model.fullTimelineProperty().set(false);
        model.export(PostmortemExports.Format.MD, without);

        assertThat(Files.readString(with)).contains("## Appendix: full timeline (UTC)");
        assertThat(Files.readString(without))
                .doesNotContain("## Appendix")
                .contains("The full timeline is left out of this document");
        assertThat(messages).containsExactly("Exported to " + with, "Exported to " + without);
    }

    @Test
    void theCsvStartsWithAByteOrderMarkOnlyWhenTicked() throws Exception {
        Path plain = tmp.resolve("plain.csv");
        Path bom = tmp.resolve("bom.csv");

        model.export(PostmortemExports.Format.CSV, plain);
        model.csvBomProperty().set(true);
        model.export(PostmortemExports.Format.CSV, bom);

        assertThat(Files.readAllBytes(plain)[0]).isEqualTo((byte) 'o');
        assertThat(java.util.Arrays.copyOf(Files.readAllBytes(bom), 4)).containsExactly(0xEF, 0xBB, 0xBF, 'o');
    }
}
