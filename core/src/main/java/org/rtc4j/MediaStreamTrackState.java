package org.rtc4j;

/** Whether a track still carries media (W3C {@code MediaStreamTrackState}). */
public enum MediaStreamTrackState implements W3CEnum {
    /** The track may carry media (a disabled track is still live). */
    LIVE("live"),
    /** Ended for good: stopped, or its remote source went away; it carries no more media. */
    ENDED("ended");

    private final String value;

    MediaStreamTrackState(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
