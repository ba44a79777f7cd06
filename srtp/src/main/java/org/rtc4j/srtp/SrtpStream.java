package org.rtc4j.srtp;

/**
 * Per-SSRC state: the highest packet index seen (which carries the rollover counter for SRTP),
 * the replay window on the receive side, and the next SRTCP index on the send side.
 */
final class SrtpStream {
    final int ssrc;
    /** Highest authenticated (receive) or sent (send) index; -1 before the first packet. */
    long highest = -1;
    /** Receive side only. */
    final ReplayWindow window;
    /** Send side SRTCP: the index the next packet gets. */
    int nextSrtcpIndex;

    SrtpStream(int ssrc, int replayWindow) {
        this.ssrc = ssrc;
        this.window = replayWindow > 0 ? new ReplayWindow(replayWindow) : null;
    }

    /**
     * The 48-bit index of a packet with sequence number {@code seq}, guessing the rollover
     * counter from the highest index so far (RFC 3711 section 3.3.1 and Appendix A). Returns -1
     * when the guess would be a rollover counter below zero (a packet from before the stream).
     */
    static long estimateIndex(long highest, int seq) {
        if (highest < 0) {
            return seq;
        }
        int last = (int) (highest & 0xffff);
        long roc = highest >>> 16;
        long v = roc;
        if (last < 0x8000) {
            if (seq - last > 0x8000) {
                v = roc - 1;
            }
        } else if (last - 0x8000 > seq) {
            v = roc + 1;
        }
        if (v < 0 || v > 0xffffffffL) {
            return -1;
        }
        return v << 16 | seq;
    }
}
