package dev.conn.settings;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.conn.platform.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@code settings.json}. A damaged file is reported and left untouched: Conn
 * never overwrites a file it could not read.
 */
public final class SettingsFile {
    /** File name inside the data directory. */
    public static final String NAME = "settings.json";

    private final Path file;
    private final JsonMapper mapper = Json.newMapper();

    /** @param dataDirectory the data directory */
    public SettingsFile(Path dataDirectory) {
        this.file = dataDirectory.resolve(NAME);
    }

    /** @return the file's path */
    public Path path() {
        return file;
    }

    /**
     * Loads the settings, writing the defaults first if the file does not exist yet.
     *
     * @return the settings
     * @throws ConfigException naming the file and the bad field if it cannot be read or parsed,
     *     or if it is from a newer Conn
     */
    public Settings load() {
        if (!Files.exists(file)) {
            Settings d = Settings.defaults();
            JsonFiles.write(mapper, file, d);
            return d;
        }
        Settings s = JsonFiles.read(mapper, file, Settings.class);
        if (s.version() > Settings.VERSION) {
            throw new ConfigException(file, "written by a newer Conn (version " + s.version() + "; this one reads "
                    + Settings.VERSION + ")", null);
        }
        return s;
    }

    /**
     * Saves the settings atomically (temporary file, then rename).
     *
     * @param settings the settings
     * @throws ConfigException if the file cannot be written
     */
    public void save(Settings settings) {
        JsonFiles.write(mapper, file, settings);
    }
}
