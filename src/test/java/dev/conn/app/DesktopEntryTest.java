package dev.conn.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.platform.product.ProductInfo;
import dev.conn.postmortem.IncidentBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Linux desktop files (installers/linux/usr/share) agree with the code: the window's WM class,
 * the bundle's MIME type and extension, the licence. (installers/linux/validate.sh checks them
 * against the freedesktop specifications with their own tools.)
 */
class DesktopEntryTest {
    private static final Path SHARE = Path.of("installers/linux/usr/share");

    private static Map<String, String> desktopEntry() throws Exception {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SHARE.resolve("applications/dev.conn.Conn.desktop"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                keys.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return keys;
    }

    private static Document xml(String file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(SHARE.resolve(file).toFile());
    }

    private static Element first(Document doc, String tag) {
        return (Element) doc.getElementsByTagNameNS("*", tag).item(0);
    }

    @Test
    void theDesktopEntryMatchesTheWindowsWmClass() throws Exception {
        // JavaFX's GTK glass names the main window's WM_CLASS after the Application class (seen
        // with xprop under Xvfb: "dev.conn.app.ConnApp"); docks group the window by it
        assertThat(desktopEntry()).containsEntry("StartupWMClass", ConnApp.class.getName());
    }

    @Test
    void theDesktopEntryOpensIncidentBundlesWithTheLauncher() throws Exception {
        assertThat(desktopEntry())
                .containsEntry("Exec", "conn %f")
                .containsEntry("MimeType", IncidentBundle.MIME_TYPE + ";")
                .containsEntry("Categories", "System;Monitor;");
    }

    @Test
    void theMimeTypeGlobIsTheExtensionBundlesAreExportedWith() throws Exception {
        Document mime = xml("mime/packages/dev.conn.Conn.xml");

        assertThat(first(mime, "mime-type").getAttribute("type")).isEqualTo(IncidentBundle.MIME_TYPE);
        assertThat(first(mime, "glob").getAttribute("pattern")).isEqualTo("*." + IncidentBundle.FILE_EXTENSION);
    }

    @Test
    void theMetainfoNamesTheDesktopEntryTheLicenceAndTheBundleType() throws Exception {
        Document meta = xml("metainfo/dev.conn.Conn.metainfo.xml");

        assertThat(first(meta, "id").getTextContent()).isEqualTo("dev.conn.Conn");
        assertThat(first(meta, "launchable").getTextContent()).isEqualTo("dev.conn.Conn.desktop");
        assertThat(first(meta, "project_license").getTextContent()).isEqualTo(ProductInfo.LICENCE);
        assertThat(first(meta, "mediatype").getTextContent()).isEqualTo(IncidentBundle.MIME_TYPE);
        assertThat(first(meta, "release").getAttribute("version")).isEqualTo("@VERSION@"); // build.sh fills it
    }

    @Test
    void theRepositoryCarriesTheApacheLicenceInFull() throws Exception {
        String licence = Files.readString(Path.of("LICENSE"));

        assertThat(licence).contains("Apache License").contains("Version 2.0, January 2004");
        assertThat(licence).contains("END OF TERMS AND CONDITIONS");
        assertThat(Files.readString(Path.of("installers/linux/resources/copyright")))
                .contains("\nFiles: *\nCopyright: 2025-2026 Conn project\nLicense: " + ProductInfo.LICENCE + "\n");
    }
}
