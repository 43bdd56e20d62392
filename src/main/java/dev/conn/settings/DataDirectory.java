package dev.conn.settings;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where Conn keeps its database, settings, policy and logs: {@code --data-dir} if given, else
 * {@code $CONN_HOME}, else {@code ~/.conn}.
 */
public final class DataDirectory {
    /** Environment variable that moves the data directory. */
    public static final String ENV = "CONN_HOME";

    private DataDirectory() {}

    /**
     * Chooses the data directory.
     *
     * @param override the {@code --data-dir} option, if given
     * @param env the process environment
     * @param userHome the user's home directory
     * @return the absolute path (not yet created)
     */
    public static Path resolve(Optional<Path> override, Map<String, String> env, Path userHome) {
        if (override.isPresent()) {
            return override.get().toAbsolutePath().normalize();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.strip()).toAbsolutePath().normalize();
        }
        return userHome.resolve(".conn").toAbsolutePath().normalize();
    }

    /** @return the directory chosen by {@code $CONN_HOME} or the default, for this process */
    public static Path resolveDefault(Optional<Path> override) {
        return resolve(override, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * Creates the directory if needed and proves it is writable by creating and deleting a probe
     * file. Nothing that exists is changed. On POSIX a directory Conn creates is 0700 (owner only),
     * and so are any missing parents it creates; an existing directory keeps its permissions (it may
     * be shared on purpose, and {@code --data-dir} may name any folder).
     *
     * @param dir the data directory
     * @return {@code dir}
     * @throws ConfigException naming the directory if it cannot be created or written, or if its
     *     path holds a {@code ;} (H2's URL separator, https://h2database.com/html/features.html#database_url)
     */
    public static Path prepare(Path dir) {
        if (dir.toAbsolutePath().toString().indexOf(';') >= 0) {
            // H2 reads everything after a ';' in its URL as settings ("/tmp/a;b=1" fails with
            // 'Unsupported connection setting "B"', and a crafted name could pass INIT=...)
            throw new ConfigException(
                    dir,
                    "contains ';', which Conn's database cannot have in its path; choose a folder without ';'"
                            + " (nothing was created)",
                    null);
        }
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new ConfigException(dir, "is a file, not a directory; choose another --data-dir", null);
            }
            if (!Files.isDirectory(dir)) {
                dev.conn.platform.files.PrivateFiles.createDirectories(dir);
            }
        } catch (FileAlreadyExistsException e) {
            throw new ConfigException(dir, "cannot be created: " + e.getFile() + " is a file in the way", e);
        } catch (IOException e) {
            throw new ConfigException(
                    dir,
                    "cannot be created (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); choose another --data-dir or set " + ENV,
                    e);
        }
        Path probe = dir.resolve(".write-test-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(probe);
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw new ConfigException(dir, "is not writable; choose another --data-dir or set " + ENV, e);
        }
        return dir;
    }
}
