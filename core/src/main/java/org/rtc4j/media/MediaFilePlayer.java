package org.rtc4j.media;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.rtc4j.EncodedFrame;
import org.rtc4j.LocalFrameTrack;

/**
 * Plays a {@link MediaFileSource} into a {@link LocalFrameTrack} in real time, on a thread of
 * its own: each frame is written when its time comes on the monotonic clock, starting at the
 * first key frame, once or looping. Closing stops it.
 *
 * <pre>{@code
 * MediaFileSource file = MediaFileSource.open(Path.of("clip.ivf"));
 * LocalFrameTrack track = LocalFrameTrack.create(file.codec());
 * pc.addTrack(track, "stream");
 * try (MediaFilePlayer player = MediaFilePlayer.start(file, track, false)) {
 *     player.done().join();
 * }
 * }</pre>
 */
public final class MediaFilePlayer implements AutoCloseable {

    private final MediaFileSource source;
    private final LocalFrameTrack track;
    private final boolean loop;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicLong framesWritten = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;

    private MediaFilePlayer(MediaFileSource source, LocalFrameTrack track, boolean loop) {
        this.source = source;
        this.track = track;
        this.loop = loop;
        this.thread = new Thread(this::run, "rtc4j-player-" + source.file().getFileName());
        thread.setDaemon(true);
    }

    /**
     * Starts playing.
     *
     * @param source the file to play
     * @param track  the track to write to; its codec must be the file's
     * @param loop   whether to start over (from the first key frame) at the end, until closed
     * @return the player, already playing on its own daemon thread
     * @throws IllegalArgumentException if the track's codec is not the file's
     */
    public static MediaFilePlayer start(MediaFileSource source, LocalFrameTrack track, boolean loop) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(track, "track");
        if (!track.codec().sameEncoding(source.codec())) {
            throw new IllegalArgumentException("the track carries " + track.codec().mimeType() + ", the file "
                    + source.codec().mimeType());
        }
        MediaFilePlayer p = new MediaFilePlayer(source, track, loop);
        p.thread.start();
        return p;
    }

    /**
     * Completes when the file has played to its end (never, when looping, until closed).
     *
     * @return a future that completes normally at the end or on {@link #close()}, and
     *         exceptionally with a {@link MediaFileException} if the file has no key frame
     */
    public CompletableFuture<Void> done() {
        return done;
    }

    /**
     * Frames written so far.
     *
     * @return the number of frames written to the track, counting every loop
     */
    public long framesWritten() {
        return framesWritten.get();
    }

    private void run() {
        try {
            List<MediaFrame> frames = source.frames();
            int first = 0;
            while (first < frames.size() && !frames.get(first).keyFrame()) {
                first++;
            }
            if (first == frames.size()) {
                throw new MediaFileException(source.file() + ": no key frame to start on");
            }
            long start = System.nanoTime();
            long at = 0;
            do {
                for (int i = first; i < frames.size() && !stopped; i++) {
                    MediaFrame f = frames.get(i);
                    long wait = start + at * 1000 - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (stopped) {
                        break;
                    }
                    track.writeFrame(EncodedFrame.of(f.data(), Duration.ofNanos(f.durationMicros() * 1000), f.keyFrame()));
                    framesWritten.incrementAndGet();
                    at += f.durationMicros();
                }
            } while (loop && !stopped);
            done.complete(null);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    /** Stops playing; {@link #done()} completes. */
    @Override
    public void close() {
        stopped = true;
        LockSupport.unpark(thread);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        done.complete(null);
    }
}
