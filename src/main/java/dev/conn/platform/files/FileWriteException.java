package dev.conn.platform.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file the user asked for (an export) could not be written. The message names the file, says
 * why in words (the folder does not exist, the target is a folder, permission denied, a read-only
 * file system, the disk is full) rather than the operating system's name of a temporary file, and
 * says what became of the file: left as it was, or not created. It is about that file only, never
 * about the data directory, so a full disk under an export is not reported as Conn's database disk.
 */
public final class FileWriteException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    private FileWriteException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** @return the file that could not be written, as the user named it */
    public Path file() {
        return file;
    }

    /**
     * Words a failed write of {@code target} (its temporary sibling, or the move into place).
     *
     * @param target the file the user named
     * @param e what the file system said
     * @return the exception to throw, its message one line: {@code Cannot write FILE: WHY. FILE was
     *     left as it was.}
     */
    public static FileWriteException of(Path target, IOException e) {
        boolean existed = Files.isRegularFile(target);
        return new FileWriteException(
                target,
                "Cannot write " + target + ": " + why(target, e) + ". "
                        + (existed ? target + " was left as it was." : "Nothing was written."),
                e);
    }

    /**
     * A write refused before it was tried.
     *
     * @param target the file the user named
     * @param why why it is refused, and what to do instead
     * @return the exception to throw: {@code Cannot write FILE: WHY. FILE was left as it was.}
     */
    public static FileWriteException refused(Path target, String why) {
        return new FileWriteException(
                target,
                "Cannot write " + target + ": " + why + ". "
                        + (Files.exists(target) ? target + " was left as it was." : "Nothing was written."),
                null);
    }

    private static String why(Path target, IOException e) {
        Path abs = target.toAbsolutePath();
        Path folder = abs.getParent();
        String message = String.valueOf(e.getMessage());
        String reason = e instanceof FileSystemException fs ? String.valueOf(fs.getReason()) : message;
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left on device")
                || lower.contains("disk quota exceeded")
                || lower.contains("not enough space on the disk")) {
            return "the disk holding " + folder + " is full (" + reason + "); free some space, then export again";
        }
        if (Files.isDirectory(abs)) {
            return "it is a folder; name a file (e.g. " + abs.resolve("postmortem.md") + ")";
        }
        if (folder != null && !Files.isDirectory(folder)) {
            return Files.exists(folder)
                    ? folder + " is a file, not a folder"
                    : "the folder " + folder + " does not exist";
        }
        if (lower.contains("read-only file system")) {
            return folder + " is on a read-only file system";
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied")) {
            return "permission denied to write in " + folder;
        }
        if (e instanceof FileSystemException fs && fs.getReason() == null) {
            // its message is only the (temporary) file's name: say what kind of failure it was
            return e instanceof NoSuchFileException
                    ? "no such file or folder"
                    : e.getClass().getSimpleName();
        }
        return reason;
    }
}
