package org.rtc4j.ice;

/** The W3C RTCIceGatheringState values. */
public enum IceGatheringState {
    /** Not started. */
    NEW,
    /** Gathering. */
    GATHERING,
    /** All local candidates found (end-of-candidates). */
    COMPLETE;

    /** @return the W3C string */
    public String w3cName() {
        return name().toLowerCase();
    }
}
