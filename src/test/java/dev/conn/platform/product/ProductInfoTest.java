package dev.conn.platform.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductInfoTest {
    @Test
    void theVersionIsThePomVersionWithoutSnapshot() throws Exception {
        // the first <version> of pom.xml is the project's (the parent-less pom has no other before it)
        Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();

        assertThat(ProductInfo.version()).isEqualTo(m.group(1).replace("-SNAPSHOT", ""));
        assertThat(ProductInfo.version()).matches("\\d+(\\.\\d+)*"); // what jpackage, dpkg and rpm accept
    }

    @Test
    void aSnapshotShowsAsItsReleaseNumber() {
        assertThat(ProductInfo.displayVersion("0.1.0-SNAPSHOT")).isEqualTo("0.1.0");
        assertThat(ProductInfo.displayVersion("1.2.3")).isEqualTo("1.2.3");
    }

    @Test
    void anUnfilteredBuildSaysDevelopmentBuild() {
        assertThat(ProductInfo.displayVersion("${project.version}")).isEqualTo(ProductInfo.DEVELOPMENT);
        assertThat(ProductInfo.displayVersion(" ")).isEqualTo(ProductInfo.DEVELOPMENT);
    }

    @Test
    void documentationIsBesideTheJarWhenTheInstallerPutItThere(@TempDir Path app) throws Exception {
        Files.writeString(app.resolve("README.md"), "# Conn");

        assertThat(ProductInfo.documentation(Optional.of(app)))
                .contains("README.md")
                .contains("INSTALL.md")
                .endsWith(app.toString());
    }

    @Test
    void documentationIsInTheSourceFolderOtherwise(@TempDir Path classes) {
        assertThat(ProductInfo.documentation(Optional.of(classes)))
                .contains("installers/README.md")
                .contains("source folder");
        assertThat(ProductInfo.documentation(Optional.empty())).contains("source folder");
    }
}
