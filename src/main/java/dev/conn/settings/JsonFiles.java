package dev.conn.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads and writes the JSON files of the data directory, turning Jackson errors into plain words. */
final class JsonFiles {
    private JsonFiles() {}

    static <T> T read(ObjectMapper mapper, Path file, Class<T> type) {
        try {
            if (Files.size(file) > dev.conn.platform.json.Json.MAX_DOCUMENT_BYTES) {
                throw new ConfigException(
                        file,
                        "the file is larger than " + dev.conn.platform.json.Json.MAX_DOCUMENT_BYTES / (1024 * 1024)
                                + " MiB",
                        null);
            }
            T value = mapper.readValue(file.toFile(), type);
            if (value == null) {
                throw new ConfigException(file, "the file is empty; delete it to get the defaults back", null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ConfigException(file, describe(e), e);
        } catch (IOException e) {
            throw new ConfigException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces {@code file} with {@code value} as pretty-printed JSON, durably: see {@link #replace}.
     *
     * @throws ConfigException naming the file if it cannot be written; the old file is then intact
     */
    static void write(ObjectMapper mapper, Path file, Object value) {
        replace(file, toBytes(mapper, file, value));
    }

    /** @return {@code value} as pretty-printed JSON */
    static byte[] toBytes(ObjectMapper mapper, Path file, Object value) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file, "cannot be written: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Replaces {@code file} with {@code bytes} so that a crash or power cut at any moment leaves
     * either the old file or the new one, never an empty or partial one: the bytes go to a temporary
     * file with a unique name in the same directory (so concurrent writers, in this process or
     * another, never share one), are forced to the device, the temporary file is renamed over the
     * target atomically, and the directory is forced so the rename itself survives (best effort).
     * An existing file keeps its POSIX permissions.
     *
     * @throws ConfigException naming the file if it cannot be written; the old file is then intact
     *     and the temporary file removed
     */
    static void replace(Path file, byte[] bytes) {
        Path tmp = writeTemporary(file, bytes, true);
        try {
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw cannotWrite(file, e);
        }
        syncDirectory(file);
    }

    /**
     * Creates {@code file} with {@code bytes}, durably and completely (as {@link #replace}), unless a
     * file of that name exists, which is never overwritten, not even one created by another process
     * a moment ago: the finished temporary file is hard-linked to the name, which fails if the name
     * is taken; where hard links are not supported, a plain move that refuses an existing target.
     *
     * @return true if this call created the file, false if it existed
     * @throws ConfigException naming the file if it cannot be written; nothing is then left behind
     */
    static boolean createIfAbsent(Path file, byte[] bytes) {
        if (!Files.notExists(file)) {
            return false;
        }
        Path tmp = writeTemporary(file, bytes, false);
        boolean created;
        try {
            Files.createLink(file, tmp);
            created = true;
        } catch (FileAlreadyExistsException e) {
            created = false;
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            try {
                Files.move(tmp, file);
                created = true;
            } catch (FileAlreadyExistsException e) {
                created = false;
            } catch (IOException e) {
                deleteQuietly(tmp);
                throw cannotWrite(file, e);
            }
        } finally {
            deleteQuietly(tmp);
        }
        if (created) {
            syncDirectory(file);
        }
        return created;
    }

    /** Writes a new uniquely named sibling of {@code file} and forces it to the device. */
    private static Path writeTemporary(Path file, byte[] bytes, boolean keepPermissions) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
        try {
            if (keepPermissions) {
                copyPermissions(file, tmp);
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw cannotWrite(file, e);
        }
        return tmp;
    }

    /** Temporary files are created owner-only; a file being replaced keeps the permissions it had. */
    private static void copyPermissions(Path from, Path to) {
        try {
            if (Files.exists(from)) {
                Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system, or the old file vanished: the defaults of createTempFile stand.
        }
    }

    /**
     * Forces the directory entry of {@code file} to the device, so a completed rename survives a
     * power cut (POSIX fsync on the directory). Best effort: some platforms (Windows) cannot open a
     * directory as a channel, and then the rename's own guarantees are all there is.
     */
    private static void syncDirectory(Path file) {
        try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // See above: not possible here; the file itself is already on the device.
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // A stray *.tmp file is harmless: nothing reads it, and every writer picks a fresh name.
        }
    }

    private static ConfigException cannotWrite(Path file, IOException e) {
        return new ConfigException(
                file,
                "cannot be written (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                        + "); check the directory's permissions and free space",
                e);
    }

    static String describe(JsonProcessingException e) {
        String where = "";
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            where = " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + path(u) + "'" + where + "; known fields here: "
                    + u.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException f
                && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            return "field '" + path(f) + "' has '" + f.getValue() + "'" + where + "; use one of "
                    + Arrays.stream(f.getTargetType().getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return "not valid JSON" + where + ": " + dev.conn.platform.json.Json.problem(e.getOriginalMessage());
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return "field '" + path(m) + "'" + where + ": " + dev.conn.platform.json.Json.problem(rootMessage(m));
        }
        return "not valid JSON" + where + ": " + dev.conn.platform.json.Json.problem(e.getOriginalMessage());
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String msg = c instanceof JsonProcessingException j ? j.getOriginalMessage() : c.getMessage();
        return msg == null ? c.getClass().getSimpleName() : msg;
    }

    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
