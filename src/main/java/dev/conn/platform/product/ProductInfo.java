package dev.conn.platform.product;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What this build of Conn is: its version and licence. The version has one source, the Maven
 * project version, copied into {@code product.properties} at build time; {@code conn --version},
 * Help &gt; About and the installers (which ask {@code conn --version}) all show
 * {@link #version()}.
 *
 * <p>Scheme: the project version without {@code -SNAPSHOT} ({@code 0.1.0-SNAPSHOT} shows and
 * packages as {@code 0.1.0}), because package managers order {@code 0.1.0-SNAPSHOT} oddly and
 * jpackage accepts digits and dots only.
 */
public final class ProductInfo {
    /** The licence, as an SPDX identifier (https://spdx.org/licenses/Apache-2.0.html). */
    public static final String LICENCE = "Apache-2.0";

    /** The licence's full name. */
    public static final String LICENCE_NAME = "Apache License 2.0";

    /** Shown where the build did not fill the version in (an IDE that skips Maven's filtering). */
    public static final String DEVELOPMENT = "development build";

    private static final String VERSION = displayVersion(read().getProperty("version", ""));

    private ProductInfo() {}

    /** @return the version shown and packaged, e.g. {@code 0.1.0} */
    public static String version() {
        return VERSION;
    }

    /**
     * @param projectVersion the Maven project version, e.g. {@code 0.1.0-SNAPSHOT}
     * @return the version shown and packaged ({@code 0.1.0}), or {@link #DEVELOPMENT} if the
     *     build left the placeholder unfilled or blank
     */
    static String displayVersion(String projectVersion) {
        String v = projectVersion.strip();
        if (v.isEmpty() || v.startsWith("${")) {
            return DEVELOPMENT;
        }
        return v.endsWith("-SNAPSHOT") ? v.substring(0, v.length() - "-SNAPSHOT".length()) : v;
    }

    /**
     * Where the documentation is: the folder holding {@code conn.jar} when the installers put
     * {@code README.md} beside it (installers/build.sh), else Conn's source folder.
     *
     * @return e.g. "README.md (use, configuration, CLI) and INSTALL.md (install, uninstall) in
     *     /opt/conn/lib/app"
     */
    public static String documentation() {
        return documentation(codeFolder());
    }

    /**
     * @param codeFolder the folder holding Conn's jar (or classes), if known
     * @return where the documentation is, as {@link #documentation()} says
     */
    static String documentation(java.util.Optional<java.nio.file.Path> codeFolder) {
        return codeFolder
                .filter(dir -> java.nio.file.Files.isRegularFile(dir.resolve("README.md")))
                .map(dir -> "README.md (use, configuration, CLI) and INSTALL.md (install, uninstall) in " + dir)
                .orElse("README.md (use, configuration, CLI) and installers/README.md (install, uninstall)"
                        + " in Conn's source folder");
    }

    private static java.util.Optional<java.nio.file.Path> codeFolder() {
        try {
            java.security.CodeSource src =
                    ProductInfo.class.getProtectionDomain().getCodeSource();
            if (src == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.ofNullable(
                    java.nio.file.Path.of(src.getLocation().toURI()).getParent());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static Properties read() {
        Properties p = new Properties();
        try (InputStream in = ProductInfo.class.getResourceAsStream("product.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
