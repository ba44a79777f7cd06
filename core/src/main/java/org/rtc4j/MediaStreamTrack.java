package org.rtc4j;

import java.util.Objects;
import java.util.UUID;

/**
 * One stream of audio or video (W3C {@code MediaStreamTrack}). rtc4j neither captures nor
 * decodes: media enters as encoded frames or RTP packets ({@link LocalFrameTrack},
 * {@link LocalRtpTrack}) and leaves the same way ({@link RemoteTrack}).
 */
public abstract class MediaStreamTrack {

    private final String id;
    private final String kind;
    private volatile boolean enabled = true;
    private volatile MediaStreamTrackState readyState = MediaStreamTrackState.LIVE;
    private volatile Runnable onEnded = () -> { };

    MediaStreamTrack(String kind, String id) {
        if (!"audio".equals(kind) && !"video".equals(kind)) {
            throw new IllegalArgumentException("kind must be audio or video: " + kind);
        }
        this.kind = kind;
        this.id = id == null ? UUID.randomUUID().toString() : id;
    }

    /**
     * The track's id (the second half of the SDP msid of the section that sends it). W3C
     * {@code id}.
     *
     * @return the id given at creation, or a random UUID
     */
    public String id() {
        return id;
    }

    /**
     * {@code audio} or {@code video} (W3C {@code kind}).
     *
     * @return the media kind
     */
    public String kind() {
        return kind;
    }

    /**
     * Whether the track carries media: a disabled local track sends nothing, a disabled remote
     * track delivers nothing to its listeners. W3C {@code enabled}.
     *
     * @return true unless disabled; true by default
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Enables or disables the track (W3C {@code enabled}).
     *
     * @param enabled false to stop sending (local) or delivering (remote) media for now
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * {@code live} until {@link #stop()} or the end of its source. W3C {@code readyState}.
     *
     * @return the track's state
     */
    public MediaStreamTrackState readyState() {
        return readyState;
    }

    /**
     * Called once when the track ends because its remote source went away (not after
     * {@link #stop()}). W3C {@code onended}.
     *
     * @param listener run once, on the connection's loop; replaces the previous listener
     */
    public void onEnded(Runnable listener) {
        this.onEnded = Objects.requireNonNull(listener);
    }

    /** Ends the track for good; senders of a stopped local track send nothing more. */
    public void stop() {
        readyState = MediaStreamTrackState.ENDED;
    }

    /** The track's source ended (e.g. the remote m-line was removed): fires {@link #onEnded}. */
    void ended() {
        if (readyState != MediaStreamTrackState.ENDED) {
            readyState = MediaStreamTrackState.ENDED;
            try {
                onEnded.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(MediaStreamTrack.class).warn("{}: onEnded listener failed", this, e);
            }
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + kind + " " + id + " " + readyState + "]";
    }
}
