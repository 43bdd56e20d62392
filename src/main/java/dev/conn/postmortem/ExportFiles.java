package dev.conn.postmortem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes export files whole: beside the target first, then moved into place. */
public final class ExportFiles {
    private ExportFiles() {}

    /** Conn's own files in a data directory, beside its database: an export never replaces them. */
    private static final java.util.Set<String> OWN = java.util.Set.of(
            "settings.json", "policy.json", "conn.lock.db", "conn.trace.db", "conn.cli.lock", "conn.mv.db");

    /**
     * @param target a file an export is about to replace
     * @return why it must not be replaced, if it is an H2 database file (it starts with {@code H:2,},
     *     https://h2database.com/html/mvstore.html#fileFormat) or one of Conn's own files beside
     *     one: {@code conn export -o DATA/conn.mv.db} replaced every incident with a Markdown file
     */
    static java.util.Optional<String> ownFile(Path target) {
        Path file = target.toAbsolutePath().normalize();
        try {
            if (Files.exists(file)) {
                file = file.toRealPath(); // a link to the database is the database
            }
            if (Files.isRegularFile(file)) {
                byte[] head = new byte[4];
                int n;
                try (java.io.InputStream in = Files.newInputStream(file)) {
                    n = in.readNBytes(head, 0, head.length);
                }
                if (n == 4 && new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals("H:2,")) {
                    return java.util.Optional.of("it is a Conn (H2) database file, which an export never replaces;"
                            + " choose another file name");
                }
            }
        } catch (IOException | RuntimeException cannotLook) {
            // the write itself will say what is wrong
        }
        Path folder = file.getParent();
        if (folder != null
                && OWN.contains(String.valueOf(file.getFileName()))
                && Files.exists(folder.resolve("conn.mv.db"))) {
            return java.util.Optional.of("it is one of Conn's own files in its data directory " + folder
                    + ", which an export never replaces; choose another file name or folder");
        }
        return java.util.Optional.empty();
    }

    /**
     * Writes {@code bytes} to {@code target}, replacing it; a crash never leaves half a file.
     *
     * @param target the file
     * @param bytes its new content
     * @throws dev.conn.platform.files.FileWriteException naming the file and why it cannot be
     *     written (a missing folder, a folder in its place, a full disk, a Conn database or one of
     *     Conn's own files beside it, ...); the file is then as it was before
     */
    public static void write(Path target, byte[] bytes) {
        ownFile(target).ifPresent(why -> {
            throw dev.conn.platform.files.FileWriteException.refused(target, why);
        });
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
