package org.rtc4j;

/** Whether a track still carries media (W3C {@code MediaStreamTrackState}). */
public enum MediaStreamTrackState implements W3CEnum {
    LIVE("live"),
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
