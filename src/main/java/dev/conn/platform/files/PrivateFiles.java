package dev.conn.platform.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps the incident record private to the user on POSIX file systems: Conn's directories are
 * created {@code rwx------} (0700) and its own files (database, lock file, logs) set to
 * {@code rw-------} (0600). On file systems without POSIX permissions (Windows) these do nothing;
 * there the user's profile folder already keeps other users out.
 *
 * <p>Exports are not Conn's files: they are written with the user's umask (see
 * {@code dev.conn.postmortem.ExportFiles}).
 */
public final class PrivateFiles {
    /** Owner read, write and search. */
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /** Owner read and write. */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** @return true if the default file system has POSIX permissions */
    public static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates a directory and any missing parents, each new one 0700 on POSIX. Directories that
     * exist are left as they are (a user may have chosen a shared folder on purpose).
     *
     * @param dir the directory
     * @return {@code dir}
     * @throws IOException as {@link Files#createDirectories}
     */
    public static Path createDirectories(Path dir) throws IOException {
        if (posix()) {
            FileAttribute<Set<PosixFilePermission>> owner = PosixFilePermissions.asFileAttribute(DIRECTORY);
            return Files.createDirectories(dir, owner);
        }
        return Files.createDirectories(dir);
    }

    /**
     * Sets a file Conn owns (its database, lock file or a log) to 0600 on POSIX. Best effort: a
     * file that vanished or that another user owns is left alone.
     *
     * @param file the file
     * @return true if the file is now private (or the file system has no POSIX permissions)
     */
    public static boolean restrict(Path file) {
        if (!posix()) {
            return true;
        }
        try {
            if (Files.exists(file) && !Files.getPosixFilePermissions(file).equals(FILE)) {
                Files.setPosixFilePermissions(file, FILE);
            }
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
