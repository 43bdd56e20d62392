package dev.conn.shell;

import dev.conn.platform.fx.AlertCentre;
import dev.conn.platform.fx.TaskRunner;
import java.util.function.BooleanSupplier;
import javafx.stage.Window;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/**
 * Announces newly raised alerts by sound, if the user turned it on in settings: a short generated
 * tone (javax.sound.sampled, 880 Hz, 180 ms). The toasts are the main window's own ({@link
 * ToastStack}); both are a courtesy: the alert stays in the list until acknowledged or cleared.
 */
public final class DesktopNotifier {
    private DesktopNotifier() {}

    /**
     * @param centre the alert centre to listen to
     * @param owner the main window (kept for callers; the toasts are the window's own)
     * @param soundOn read at each alert: whether to play the tone
     * @param tasks plays the tone off the FX thread
     */
    public static void install(AlertCentre centre, Window owner, BooleanSupplier soundOn, TaskRunner tasks) {
        // the toasts are the window's own (ToastStack); this adds the tone
        centre.onRaised(alert -> {
            if (soundOn.getAsBoolean()) {
                tasks.run(
                        () -> {
                            playTone();
                            return null;
                        },
                        ok -> {},
                        e -> {}); // no audio device (a server, a muted box): the alert is still listed
            }
        });
    }

    /**
     * Plays an 880 Hz tone for 180 ms with a short fade in and out, generated in memory (no audio
     * file). Blocks for the tone's length.
     *
     * @throws Exception if there is no audio output
     */
    static void playTone() throws Exception {
        float rate = 44_100;
        int samples = (int) (rate * 0.18);
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            double fade = Math.min(1.0, Math.min(i, samples - i) / (rate * 0.01));
            short v = (short) (Math.sin(2 * Math.PI * 880 * i / rate) * 0.4 * fade * Short.MAX_VALUE);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            line.write(pcm, 0, pcm.length);
            line.drain();
        }
    }
}
