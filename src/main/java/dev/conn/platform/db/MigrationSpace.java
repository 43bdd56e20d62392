package dev.conn.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses a schema change on a disk too full to finish it. H2 runs DDL outside transactions
 * (https://h2database.com/html/advanced.html#transaction_isolation: DDL commits), so a Flyway
 * migration that runs out of space half-way leaves the schema half-changed and unrecorded, and
 * every later open fails ("Migration V6 failed", then "Validate failed") even after space is freed:
 * the data directory is wedged. Measured here, creating the schema from scratch grows the file past
 * 700 KiB before it settles near 50 KiB.
 */
final class MigrationSpace {
    /** Free space a schema change needs at least, in bytes. */
    static final long MINIMUM = 16L * 1024 * 1024;

    private MigrationSpace() {}

    /**
     * @param dbFile the database file about to be migrated
     * @throws DatabaseException saying how much is free and how much is needed, if too little
     */
    static void refuseIfShort(Path dbFile) {
        long usable;
        long size;
        try {
            usable = Files.getFileStore(dbFile.getParent()).getUsableSpace();
            size = Files.exists(dbFile) ? Files.size(dbFile) : 0;
        } catch (IOException e) {
            return; // the file store cannot say: let the migration try, as before
        }
        problem(dbFile, usable, size).ifPresent(p -> {
            throw new DatabaseException(p, null);
        });
    }

    /**
     * @param dbFile the database file
     * @param usable bytes free for this process on its disk
     * @param size the database file's size in bytes
     * @return the refusal if a schema change might run out of space half-way: it needs {@link
     *     #MINIMUM} or the file's size, whichever is larger
     */
    static Optional<String> problem(Path dbFile, long usable, long size) {
        long need = Math.max(MINIMUM, size);
        if (usable >= need) {
            return Optional.empty();
        }
        return Optional.of("The disk holding " + dbFile.getParent() + " is nearly full (" + mib(usable)
                + " free); Conn needs " + mib(need) + " free to prepare its database " + dbFile.getFileName()
                + ", and a change cut short would leave it unreadable. Nothing was changed. Free some space on"
                + " that disk, then try again.");
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
