package dev.conn.postmortem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The sample incident bundle shipped in resources ({@code sample-incident.json}), clearly marked "[Sample]". */
public final class SampleIncident {
    /** The resource name, beside this class. */
    public static final String RESOURCE = "sample-incident.json";

    private SampleIncident() {}

    /**
     * @return the bundle's bytes
     * @throws IllegalStateException if the resource is missing from the build
     */
    public static byte[] bytes() {
        try (InputStream in = SampleIncident.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The sample incident is missing from this build (" + RESOURCE + ")");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
