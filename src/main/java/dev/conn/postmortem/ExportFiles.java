package dev.conn.postmortem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes export files whole: beside the target first, then moved into place. */
public final class ExportFiles {
    private ExportFiles() {}

    /**
     * Writes {@code bytes} to {@code target}, replacing it; a crash never leaves half a file.
     *
     * @param target the file
     * @param bytes its new content
     * @throws IllegalStateException naming the file if it cannot be written
     */
    public static void write(Path target, byte[] bytes) {
        try {
            Path abs = target.toAbsolutePath();
            Path tmp = Files.createTempFile(abs.getParent(), ".conn-export-", ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
