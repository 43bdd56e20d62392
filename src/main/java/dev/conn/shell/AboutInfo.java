package dev.conn.shell;

import dev.conn.platform.product.ProductInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What Help &gt; About shows: Conn's version (the one {@code conn --version} and the packages
 * show), the data directory, the licence, where the documentation is, and the Java and JavaFX
 * versions it runs on.
 *
 * @param version Conn's version ({@link ProductInfo#version()})
 * @param dataDirectory the data directory in use
 * @param licence the licence, e.g. "Apache License 2.0 (Apache-2.0)"
 * @param documentation where the README is
 * @param java the Java runtime: version and vendor
 * @param javafx the JavaFX runtime version
 */
public record AboutInfo(
        String version, Path dataDirectory, String licence, String documentation, String java, String javafx) {

    /**
     * @param dataDirectory the data directory in use
     * @return the facts of this process
     */
    public static AboutInfo current(Path dataDirectory) {
        return new AboutInfo(
                ProductInfo.version(),
                dataDirectory,
                ProductInfo.LICENCE_NAME + " (" + ProductInfo.LICENCE + ")",
                ProductInfo.documentation(),
                System.getProperty("java.runtime.version", System.getProperty("java.version", "?")) + " ("
                        + System.getProperty("java.vendor", "unknown vendor") + ")",
                System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "unknown")));
    }

    /** @return label and value of each line, in the order shown */
    public Map<String, String> lines() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Version", version);
        m.put("Data directory", dataDirectory + " (incidents, settings, policy, logs; kept when Conn is uninstalled)");
        m.put("Licence", licence);
        m.put("Documentation", documentation);
        m.put("Java", java);
        m.put("JavaFX", javafx);
        return m;
    }

    /** @return every line as "Label: value", for a bug report */
    public String asText() {
        return "Conn " + version + "\n"
                + lines().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining("\n"));
    }
}
