package dev.conn.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads and writes the JSON files of the data directory, turning Jackson errors into plain words. */
final class JsonFiles {
    private JsonFiles() {}

    static <T> T read(ObjectMapper mapper, Path file, Class<T> type) {
        try {
            if (Files.size(file) > dev.conn.platform.json.Json.MAX_DOCUMENT_BYTES) {
                throw new ConfigException(file, "the file is larger than "
                        + dev.conn.platform.json.Json.MAX_DOCUMENT_BYTES / (1024 * 1024) + " MiB", null);
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

    /** Writes via a temporary file and an atomic rename, so a crash never leaves half a file. */
    static void write(ObjectMapper mapper, Path file, Object value) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            mapper.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), value);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ConfigException(file, "cannot be written: " + e.getMessage(), e);
        }
    }

    static String describe(JsonProcessingException e) {
        String where = "";
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            where = " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + path(u) + "'" + where + "; known fields here: "
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return "field '" + path(f) + "' has '" + f.getValue() + "'" + where + "; use one of "
                    + Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return "field '" + path(m) + "'" + where + ": " + rootMessage(m);
        }
        return "not valid JSON" + where + ": " + e.getOriginalMessage();
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
