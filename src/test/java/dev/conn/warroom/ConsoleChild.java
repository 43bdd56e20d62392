package dev.conn.warroom;

import dev.conn.incident.IncidentId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A console in a child JVM, for the war-room tests where processes are the point: opens its data
 * directory, shares with the war room, and obeys lines on standard input, answering on standard
 * output.
 *
 * <p>Usage: {@code ConsoleChild DATA_DIR JDBC_URL ROLE PERSON_ID PERSON_NAME} with the password in
 * the environment variable {@code CONN_WAR_ROOM_PW}. Commands: {@code declare TITLE} (answers
 * {@code INCIDENT id}), {@code notes INCIDENT N PREFIX PAUSE_MS} (answers {@code WROTE n}), {@code
 * state} ({@code STATE mode toShare}), {@code dump FILE} ({@code DUMPED n}), {@code quit}.
 */
public final class ConsoleChild {
    private ConsoleChild() {}

    public static void main(String[] args) throws Exception {
        TestConsole console = new TestConsole(
                Path.of(args[0]),
                args[1],
                args[2],
                System.getenv("CONN_WAR_ROOM_PW"),
                new Person(args[3], args[4]),
                TestConsole.FAST);
        console.start();
        String hook = System.getenv("HOOK_URL");
        if (hook != null) {
            console.startDispatch(hook, java.time.Duration.ofMillis(Long.parseLong(System.getenv("LEASE_TTL_MS"))));
        }
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] w = line.strip().split(" ", 2);
            try {
                switch (w[0]) {
                    case "declare" -> say("INCIDENT " + console.declare(w[1]));
                    case "notes" -> {
                        String[] a = w[1].split(" ");
                        IncidentId incident = IncidentId.parse(a[0]);
                        int n = Integer.parseInt(a[1]);
                        long pause = Long.parseLong(a[3]);
                        for (int i = 0; i < n; i++) {
                            console.note(incident, a[2] + " " + i);
                            if (pause > 0) {
                                Thread.sleep(pause);
                            }
                        }
                        say("WROTE " + n);
                    }
                    case "add" -> {
                        String[] a = w[1].split(" ", 2);
                        var r = console.people(
                                IncidentId.parse(a[0]),
                                new dev.conn.command.RosterCommand.AddResponder(
                                        a[1], java.util.Optional.empty(), java.util.Optional.empty()));
                        say("RESPONDER " + r.responder().id());
                    }
                    case "offer" -> {
                        String[] a = w[1].split(" ");
                        var r = console.people(
                                IncidentId.parse(a[0]),
                                new dev.conn.command.HandoffCommand.Offer(
                                        dev.conn.incident.Role.valueOf(a[1]),
                                        java.util.Optional.empty(),
                                        a[2],
                                        java.util.Optional.empty()));
                        var offer = r.offer().orElseThrow();
                        say("OFFER " + offer.handoff().offerId() + " " + offer.code());
                    }
                    case "ack" -> {
                        String[] a = w[1].split(" ");
                        var r = console.people(
                                IncidentId.parse(a[0]),
                                new dev.conn.command.HandoffCommand.Acknowledge(
                                        a[1],
                                        dev.conn.incident.AckMethod.valueOf(a[2]),
                                        a.length > 3 ? java.util.Optional.of(a[3]) : java.util.Optional.empty()));
                        say("ACKED " + r.appended().get(r.appended().size() - 1).id());
                    }
                    case "people" -> {
                        IncidentId incident = IncidentId.parse(w[1]);
                        var f = console.folded(incident);
                        StringBuilder b = new StringBuilder("PEOPLE commander=")
                                .append(f.roster()
                                        .commander()
                                        .map(h -> h.person())
                                        .orElse("-"));
                        for (var h : f.handoffs().all()) {
                            b.append(" ").append(h.offerId()).append("=").append(h.recordedState());
                        }
                        for (var l : dev.conn.incident.CommandFold.of(
                                        console.store.readIncident(incident, dev.conn.incident.CommandFold.TYPES))
                                .supersessions()) {
                            b.append(" superseded=").append(l.loser().id());
                        }
                        for (var l : console.lost(incident)) {
                            b.append(" lost=").append(l.loser().id());
                        }
                        say(b.toString());
                    }
                    case "queue" -> {
                        String[] a = w[1].split(" ");
                        IncidentId incident = IncidentId.parse(a[0]);
                        int n = Integer.parseInt(a[1]);
                        for (int i = 0; i < n; i++) {
                            console.queue(incident, a[2] + "-" + i);
                        }
                        say("QUEUED " + n);
                    }
                    case "state" -> {
                        SyncState s = console.state();
                        say("STATE " + s.mode() + " " + s.toShare());
                    }
                    case "dump" -> {
                        var lines = console.logLines();
                        Files.write(Path.of(w[1]), lines, StandardCharsets.UTF_8);
                        say("DUMPED " + lines.size());
                    }
                    case "quit" -> {
                        console.close();
                        say("STOPPED");
                        return;
                    }
                    default -> say("ERROR unknown command " + w[0]);
                }
            } catch (Exception e) {
                say("ERROR " + e);
            }
        }
        console.close();
    }

    private static void say(String s) {
        System.out.println(s);
        System.out.flush();
    }
}
