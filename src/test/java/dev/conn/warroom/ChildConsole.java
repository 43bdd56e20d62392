package dev.conn.warroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The test's handle on a {@link ConsoleChild} process: send a command, read its answer. */
final class ChildConsole implements AutoCloseable {
    final Path data;
    final Process process;
    private final Writer to;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    /**
     * Starts a console process.
     *
     * @param data its data directory
     * @param url the war room (possibly through a proxy)
     * @param role the role
     * @param password the password
     * @param personId the person's id
     * @param name the person's name
     * @param logs where its output goes (a file per process)
     * @return the started console, once it said READY
     */
    static ChildConsole start(
            Path data, String url, String role, String password, String personId, String name, Path logs)
            throws Exception {
        return start(data, url, role, password, personId, name, logs, java.util.Map.of());
    }

    /**
     * Starts a console process with more environment (e.g. {@code HOOK_URL} and {@code
     * LEASE_TTL_MS} to run the war room's dispatcher).
     */
    static ChildConsole start(
            Path data,
            String url,
            String role,
            String password,
            String personId,
            String name,
            Path logs,
            java.util.Map<String, String> env)
            throws Exception {
        Files.createDirectories(logs);
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                ConsoleChild.class.getName(),
                data.toString(),
                url,
                role,
                personId,
                name);
        pb.environment().put("CONN_WAR_ROOM_PW", password);
        pb.environment().putAll(env);
        pb.redirectError(logs.resolve(name + "-" + System.nanoTime() + ".err").toFile());
        Process p = pb.start();
        ChildConsole c = new ChildConsole(data, p);
        c.expect("READY", Duration.ofSeconds(60));
        return c;
    }

    private ChildConsole(Path data, Process process) {
        this.data = data;
        this.process = process;
        this.to = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            answers.add(line);
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                },
                "child-console-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Sends a command and waits for its answer.
     *
     * @param command the line
     * @param limit the longest wait
     * @return the answer line
     */
    String send(String command, Duration limit) throws Exception {
        to.write(command + "\n");
        to.flush();
        String answer = answers.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(answer).as("answer to '%s' within %s", command, limit).isNotNull();
        assertThat(answer).as("answer to '%s'", command).doesNotStartWith("ERROR");
        return answer;
    }

    /** Sends a command without waiting for its answer (read it with {@link #expect}). */
    void sendAsync(String command) throws IOException {
        to.write(command + "\n");
        to.flush();
    }

    /** @return the answer line that starts with the word given */
    String expect(String first, Duration limit) throws Exception {
        String answer = answers.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(answer).as("'%s' within %s", first, limit).isNotNull().startsWith(first);
        return answer;
    }

    /** @return this console's log, in the log's order (see {@link TestConsole#logLines()}) */
    List<String> dump() throws Exception {
        Path f = Files.createTempFile(data.getParent(), "dump", ".txt");
        send("dump " + f, Duration.ofSeconds(30));
        List<String> lines = Files.readAllLines(f);
        Files.delete(f);
        return lines;
    }

    /** @return "MODE toShare" */
    String state() throws Exception {
        return send("state", Duration.ofSeconds(10)).substring("STATE ".length());
    }

    /** SIGKILL: no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            try {
                sendAsync("quit");
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            }
        }
        process.waitFor(20, TimeUnit.SECONDS);
    }
}
