package dev.conn.timeline;

import dev.conn.incident.EntryCommand;
import dev.conn.incident.HeaderCommand;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one line typed into the quick-capture bar means: a typed command to send (an entry for the
 * timeline, or a change to the incident's header), or a message saying why the line cannot be
 * recorded as typed.
 */
public sealed interface Capture {

    /** A line that asks for something to be recorded: a typed command, decided by the one writer. */
    sealed interface Command extends Capture {
        /** @return the back-dated time (UTC) the line carried ({@code @09:12}, {@code @-5m}), if any */
        Optional<Instant> at();

        /**
         * @param at the time the entry happened (UTC): the back-dated time, or when Enter was pressed
         * @return the same command, dated
         */
        Command at(Instant at);
    }

    /**
     * A note, decision or action.
     *
     * @param command the entry, with the event id minted once for the line
     */
    record Entry(EntryCommand.Add command) implements Command {
        /** @throws NullPointerException if the command is null */
        public Entry {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public Optional<Instant> at() {
            return command.at();
        }

        @Override
        public Entry at(Instant at) {
            return new Entry(new EntryCommand.Add(command.eventId(), command.kind(), command.text(), Optional.of(at)));
        }
    }

    /**
     * A severity or status change, or marking the incident mitigated or resolved.
     *
     * @param command the change (never a declaration)
     */
    record HeaderChange(HeaderCommand command) implements Command {
        /** @throws IllegalArgumentException for a declaration, which the bar cannot make */
        public HeaderChange {
            Objects.requireNonNull(command, "command");
            if (command instanceof HeaderCommand.Declare) {
                throw new IllegalArgumentException("the capture bar does not declare incidents");
            }
        }

        @Override
        public Optional<Instant> at() {
            if (command instanceof HeaderCommand.ChangeSeverity c) {
                return c.at();
            }
            if (command instanceof HeaderCommand.ChangeStatus c) {
                return c.at();
            }
            if (command instanceof HeaderCommand.MarkMitigated c) {
                return c.at();
            }
            return ((HeaderCommand.Resolve) command).at();
        }

        @Override
        public HeaderChange at(Instant at) {
            Optional<Instant> when = Optional.of(at);
            if (command instanceof HeaderCommand.ChangeSeverity c) {
                return new HeaderChange(new HeaderCommand.ChangeSeverity(c.severity(), c.why(), when));
            }
            if (command instanceof HeaderCommand.ChangeStatus c) {
                return new HeaderChange(new HeaderCommand.ChangeStatus(c.status(), c.why(), when));
            }
            if (command instanceof HeaderCommand.MarkMitigated c) {
                return new HeaderChange(new HeaderCommand.MarkMitigated(c.why(), when));
            }
            return new HeaderChange(new HeaderCommand.Resolve(((HeaderCommand.Resolve) command).why(), when));
        }
    }

    /**
     * A line that cannot be recorded; nothing is saved and the text stays in the bar.
     *
     * @param message what is wrong and how to fix it
     */
    record Invalid(String message) implements Capture {}

    /** A blank line: nothing to do. */
    record Blank() implements Capture {}
}
