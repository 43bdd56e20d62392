package dev.conn.platform.db;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * Reads H2's failures for what they mean to a user. H2 reports them as {@link SQLException}s with
 * the codes of {@link ErrorCode} (https://h2database.com/javadoc/org/h2/api/ErrorCode.html), with
 * the MVStore's own {@link MVStoreException} (and its {@link DataUtils} codes) and the operating
 * system's {@link IOException} underneath.
 */
public final class DatabaseErrors {
    private DatabaseErrors() {}

    /**
     * Another Conn process holds the database for a moment: it is opening it (H2's file lock,
     * "Lock file recently modified", "Locked by another process"), or it is the mixed-mode server
     * this process was connected through and it is closing. Waiting and trying again succeeds.
     *
     * @param e a failure and its causes
     * @return true if waiting and trying again may succeed
     */
    public static boolean isBusy(Throwable e) {
        if (diskFull(e) || writeFailed(e)) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                switch (sql.getErrorCode()) {
                    case ErrorCode.DATABASE_ALREADY_OPEN_1,
                            ErrorCode.CONNECTION_BROKEN_1,
                            ErrorCode.DATABASE_IS_CLOSED,
                            ErrorCode.DATABASE_CALLED_AT_SHUTDOWN,
                            ErrorCode.DATABASE_IS_IN_EXCLUSIVE_MODE:
                        return true;
                    case ErrorCode.ERROR_OPENING_DATABASE_1:
                        // FileLock's races with another process opening or closing at the same moment
                        String m = String.valueOf(sql.getMessage());
                        if (m.contains("Lock file recently modified")
                                || m.contains("Concurrent update")
                                || m.contains("Another process was faster")
                                || m.contains("Could not load properties")) {
                            return true;
                        }
                        break;
                    default:
                        break;
                }
            }
        }
        return false;
    }

    /**
     * The connection to the mixed-mode server broke (the process hosting it exited) while work
     * was in flight: whether that work was committed is unknown. Only work that is safe to repeat
     * (an append keyed by its event id, a read) may be tried again.
     *
     * @param e a failure and its causes
     * @return true if the connection was lost
     */
    public static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && (sql.getErrorCode() == ErrorCode.CONNECTION_BROKEN_1
                            || sql.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED
                            || sql.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The operating system refused a write because the disk (or the user's quota) is full: H2's
     * MVStore reports {@code ERROR_WRITING_FAILED} over an {@link IOException} saying "No space
     * left on device" (Linux/macOS ENOSPC), "Disk quota exceeded" (EDQUOT) or "There is not
     * enough space on the disk" (Windows).
     *
     * @param e a failure and its causes
     * @return true if a write failed for want of space
     */
    public static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("no space left on device")
                    || m.contains("disk quota exceeded")
                    || m.contains("not enough space on the disk")) {
                return true;
            }
        }
        return false;
    }

    private static boolean writeFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MVStoreException mv && mv.getErrorCode() == DataUtils.ERROR_WRITING_FAILED) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words for a failure that is about the disk rather than the data: a full disk, or a write the
     * disk refused. Nothing committed before is lost in either case (H2's MVStore never overwrites
     * committed chunks in place).
     *
     * @param e a failure and its causes
     * @param directory the data directory
     * @return the message, or empty if the failure is of another kind
     */
    public static Optional<String> describeDiskProblem(Throwable e, Path directory) {
        if (diskFull(e)) {
            return Optional.of("The disk holding " + directory + " is full; nothing was lost: what Conn showed as"
                    + " saved is safe, and what you were saving now was not stored. Free some space on that disk,"
                    + " then try again.");
        }
        if (writeFailed(e)) {
            return Optional.of("The disk holding " + directory + " refused a write (" + rootMessage(e)
                    + "); nothing was lost: what Conn showed as saved is safe, and what you were saving now was"
                    + " not stored. Check the disk, then try again.");
        }
        return Optional.empty();
    }

    /**
     * As {@link #describeDiskProblem(Throwable, Path)}, naming the folder of the file H2 failed to
     * write ({@code Writing to /dir/conn.mv.db failed}), or "Conn's database" where it does not say.
     *
     * @param e a failure and its causes
     * @return the message, or empty if the failure is of another kind
     */
    public static Optional<String> describeDiskProblem(Throwable e) {
        String where = "Conn's database";
        for (Throwable t = e; t != null; t = t.getCause()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Writing to (\\S+?\\.mv\\.db) failed")
                    .matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                Path parent = Path.of(m.group(1).replaceFirst("^[a-z]+:", "")).getParent();
                if (parent != null) {
                    where = parent.toString();
                }
                break;
            }
        }
        String folder = where;
        return describeDiskProblem(e, Path.of("."))
                .map(text -> text.replace("The disk holding " + Path.of("."), "The disk holding " + folder));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
