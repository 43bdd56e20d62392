package dev.conn.settings;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.conn.platform.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Reads and writes {@code settings.json}. Reading never writes; a damaged file is reported and left
 * untouched: Conn never overwrites a file it could not read. Every write is atomic and durable (a
 * uniquely named temporary file forced to the device, then renamed), so a crash or power cut
 * leaves the old file or the new one, never an empty one.
 */
public final class SettingsFile {
    /** File name inside the data directory. */
    public static final String NAME = "settings.json";

    private final Path file;
    private final JsonMapper mapper = Json.newFileMapper();

    /** @param dataDirectory the data directory */
    public SettingsFile(Path dataDirectory) {
        this.file = dataDirectory.resolve(NAME);
    }

    /** @return the file's path */
    public Path path() {
        return file;
    }

    /**
     * Reads the settings without writing anything.
     *
     * @return the file's settings (absent fields filled with defaults), or {@link Settings#defaults()}
     *     if the file does not exist
     * @throws ConfigException naming the file and the bad field if it cannot be read or parsed,
     *     or if it is from a newer Conn
     */
    public Settings read() {
        if (Files.notExists(file)) {
            return Settings.defaults();
        }
        Settings s = JsonFiles.read(mapper, file, Settings.class);
        if (s.version() > Settings.VERSION) {
            throw new ConfigException(
                    file,
                    "written by a newer Conn (version " + s.version() + "; this one reads " + Settings.VERSION + ")",
                    null);
        }
        return s;
    }

    /**
     * Same as {@link #read()}: reads without writing. Once this wrote the defaults when the file
     * was absent; call {@link #writeDefaultsIfMissing()} for that.
     *
     * @return the settings
     * @throws ConfigException as {@link #read()}
     * @deprecated use {@link #read()}
     */
    @Deprecated
    public Settings load() {
        return read();
    }

    /**
     * Writes {@link Settings#defaults()} if there is no settings file. An existing file, even one
     * another process created a moment ago, is left byte for byte as it is.
     *
     * @return true if this call created the file
     * @throws ConfigException if the file cannot be written
     */
    public boolean writeDefaultsIfMissing() {
        return JsonFiles.createIfAbsent(file, JsonFiles.toBytes(mapper, file, Settings.defaults()));
    }

    /**
     * Saves the settings atomically and durably, replacing the whole file.
     *
     * @param settings the settings
     * @throws ConfigException if the file cannot be written; the old file is then intact
     */
    public void save(Settings settings) {
        JsonFiles.write(mapper, file, settings);
    }

    /**
     * Re-reads the file, applies {@code change} to what it holds and saves the result, so fields
     * edited by hand since Conn read them are kept. Writes nothing if the file cannot be read or is
     * from a newer Conn, nor if the change leaves the file's settings as they are. Not atomic
     * against a writer in another process between the read and the write.
     *
     * @param change a pure function from the file's settings to the new ones
     * @return the settings now in the file
     * @throws ConfigException naming the file if it cannot be read, parsed or written
     */
    public Settings update(UnaryOperator<Settings> change) {
        boolean absent = Files.notExists(file);
        Settings current = read();
        Settings next = Objects.requireNonNull(change.apply(current), "change returned no settings");
        if (absent || !next.equals(current)) {
            save(next);
        }
        return next;
    }
}
