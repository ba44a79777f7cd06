package org.rtc4j.sctp;

/** W3C {@code RTCDataChannelState}. */
public enum DataChannelState {
    /** Created, waiting for the association (or the peer's DATA_CHANNEL_OPEN handling). */
    CONNECTING,
    /** Messages can be sent and received. */
    OPEN,
    /** close() was called or the peer reset its stream; the stream reset is in progress. */
    CLOSING,
    /** Both directions of the stream were reset, or the association ended. */
    CLOSED;

    /** @return the W3C string value ("connecting", "open", "closing", "closed") */
    public String w3c() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
