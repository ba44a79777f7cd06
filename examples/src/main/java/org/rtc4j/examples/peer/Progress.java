package org.rtc4j.examples.peer;

import java.io.PrintStream;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars (me.tongfei progressbar) on stderr, in MiB with rate and ETA. */
public final class Progress {
    private Progress() {
    }

    /**
     * A bar for {@code bytes} bytes named {@code task}. On a terminal it redraws every 200 ms;
     * otherwise it prints one ASCII line every 2 s.
     *
     * @param task  the label shown before the bar
     * @param bytes the total, in bytes (shown in MiB)
     * @return the bar; step it by bytes and close it when done
     */
    public static ProgressBar bytes(String task, long bytes) {
        boolean terminal = System.console() != null;
        ProgressBarBuilder b = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(bytes)
                .setUnit(" MiB", 1 << 20)
                .showSpeed(new java.text.DecimalFormat("0.0"))
                .setStyle(terminal ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(terminal ? 200 : 2000);
        if (!terminal) {
            // Not a terminal (a log or a pipe): one line per update, at a fixed width, instead of
            // carriage returns that pile up, and no terminal probing by jline.
            PrintStream err = System.err;
            ProgressBarConsumer lines = new DelegatingProgressBarConsumer(err::println, 100);
            b.setConsumer(lines);
        } else {
            b.setConsumer(new InteractiveConsoleProgressBarConsumer(System.err)); // several bars at once
        }
        return b.build();
    }
}
