package dev.conn.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * The window's one timer: a beat every second on the FX thread. Each beat first re-renders (the
 * {@link #onTick} listeners: clocks and countdowns recomputed from folded state and the clock;
 * they never read the log, so a beat costs the same however long the incident), then starts the
 * background checks that are due ({@link #every}: following other processes' appends, the
 * connectivity probe), which run on their runners, never on the FX thread. Tests and the
 * benchmark drive it by hand ({@link #beat()}, {@link #tick()}) with the timer stopped.
 */
public final class Heartbeat {
    private final List<Runnable> renders = new ArrayList<>();
    private final List<Job> jobs = new ArrayList<>();
    private Timeline timer;
    private long beats;

    private record Job(int seconds, Runnable start) {}

    /** A heartbeat whose timer is not running yet ({@link #start()}); it needs no toolkit until then. */
    public Heartbeat() {}

    /**
     * @param render re-renders from folded state and the clock; must not read the log or block
     */
    public void onTick(Runnable render) {
        renders.add(render);
    }

    /**
     * @param seconds how often, in beats (1 = every second); the first run is on the first beat
     * @param start starts a background check (it hands its work to a runner and returns at once)
     */
    public void every(int seconds, Runnable start) {
        if (seconds < 1) {
            throw new IllegalArgumentException("seconds must be at least 1: " + seconds);
        }
        jobs.add(new Job(seconds, start));
    }

    /** Re-renders only: the per-second work on the FX thread. */
    public void tick() {
        renders.forEach(Runnable::run);
    }

    /** One beat: re-renders, then starts the background checks that are due. */
    public void beat() {
        tick();
        long n = beats++;
        for (Job j : jobs) {
            if (n % j.seconds() == 0) {
                j.start().run();
            }
        }
    }

    /** Starts the timer (FX thread). */
    public void start() {
        if (timer == null) {
            timer = new Timeline(new KeyFrame(Duration.seconds(1), e -> beat()));
            timer.setCycleCount(Animation.INDEFINITE);
        }
        timer.play();
    }

    /** Stops the timer (FX thread); hand-driven beats still work. */
    public void stop() {
        if (timer != null) {
            timer.stop();
        }
    }
}
