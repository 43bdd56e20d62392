package dev.conn.command;

/**
 * What a user (or the console's tick) asks of the people of an incident, in the field's terms:
 * who is in the response and in which role ({@link RosterCommand}), passing a role by hand-off
 * ({@link HandoffCommand}), and time-boxed tasks ({@link TaskCommand}). Sent to {@link
 * PeopleService}, decided by {@link RosterDecider}, {@link HandoffDecider} and {@link
 * TaskDecider}.
 */
public sealed interface PeopleCommand permits RosterCommand, HandoffCommand, TaskCommand {}
