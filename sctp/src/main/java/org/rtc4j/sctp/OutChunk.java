package org.rtc4j.sctp;

/** One DATA chunk (a message fragment) from TSN assignment until the peer's cumulative ack. */
final class OutChunk {
    static final byte UNSENT = 0;
    static final byte IN_FLIGHT = 1;
    static final byte LOST = 2;
    static final byte ACKED = 3;
    static final byte ABANDONED = 4;

    int tsn;
    OutMessage msg;
    int off;
    int len;
    int flags;
    byte state;
    int sends;
    long sentAt;
    int misses;
    boolean fastRetransmitted;

    void clear() {
        msg = null;
        state = UNSENT;
        sends = 0;
        misses = 0;
        fastRetransmitted = false;
    }
}
