package dev.conn.warroom;

import java.util.Objects;

/**
 * The person at a console: each console of a war room is one person.
 *
 * @param id a stable id (minted once, kept when the name changes)
 * @param name the display name
 */
public record Person(String id, String name) {
    /** @throws IllegalArgumentException if a field is blank */
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (id.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("a person needs an id and a name");
        }
        id = id.strip();
        name = name.strip();
    }
}
