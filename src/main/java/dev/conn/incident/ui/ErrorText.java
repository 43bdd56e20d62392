package dev.conn.incident.ui;

import dev.conn.incident.ConcurrentChangeException;
import dev.conn.platform.db.DatabaseErrors;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/** How a failed read or write is told to the user, and whether it is worth trying again. */
final class ErrorText {
    private ErrorText() {}

    /**
     * @param e what a read or write threw
     * @return its message as the user should read it: a full disk in words (not H2's "The
     *     database has been closed"), else the first message down the cause chain
     */
    static String of(Throwable e) {
        Optional<String> disk = DatabaseErrors.describeDiskProblem(e);
        if (disk.isPresent()) {
            return disk.get();
        }
        Throwable t = e;
        while ((t.getMessage() == null || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /**
     * @param e what a save threw
     * @return true if it is a refusal in the user's words (the entry breaks a rule), not a failure
     *     of the disk or the database that a retry could fix
     */
    static boolean isRefusal(Throwable e) {
        return (e instanceof IllegalArgumentException || e instanceof IllegalStateException)
                && !(e instanceof ConcurrentChangeException);
    }
}
