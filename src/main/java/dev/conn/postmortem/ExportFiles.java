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
     * @throws dev.conn.platform.files.FileWriteException naming the file and why it cannot be
     *     written (a missing folder, a folder in its place, a full disk, ...); the file is then as
     *     it was before
     */
    public static void write(Path target, byte[] bytes) {
        try {
            Path abs = target.toAbsolutePath();
            // created like any new file (the user's umask), not 0600 as createTempFile would
            Path tmp = abs.resolveSibling("." + abs.getFileName() + "."
                    + java.util.UUID.randomUUID().toString().substring(0, 8) + ".tmp");
            try {
                Files.write(tmp, bytes, java.nio.file.StandardOpenOption.CREATE_NEW);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw dev.conn.platform.files.FileWriteException.of(target, e);
        } catch (RuntimeException e) {
            throw dev.conn.platform.files.FileWriteException.of(target, new IOException(e.getMessage(), e));
        }
    }
}
