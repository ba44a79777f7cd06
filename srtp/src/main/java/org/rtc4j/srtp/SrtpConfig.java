package org.rtc4j.srtp;

/**
 * Expert knobs of an {@link SrtpSession}. Immutable; the {@code with...} methods return copies.
 */
public final class SrtpConfig {
    /** 128-packet replay windows for SRTP and SRTCP, at most 1024 remote SSRCs per direction. */
    public static final SrtpConfig DEFAULT = new SrtpConfig(128, 128, 1024, false);

    private final int srtpReplayWindow;
    private final int srtcpReplayWindow;
    private final int maxRemoteSsrcs;
    private final boolean cryptex;

    private SrtpConfig(int srtpReplayWindow, int srtcpReplayWindow, int maxRemoteSsrcs, boolean cryptex) {
        if (srtpReplayWindow < 64 || srtpReplayWindow > 1 << 15) {
            throw new IllegalArgumentException("SRTP replay window must be 64..32768: " + srtpReplayWindow);
        }
        if (srtcpReplayWindow < 64 || srtcpReplayWindow > 1 << 15) {
            throw new IllegalArgumentException("SRTCP replay window must be 64..32768: " + srtcpReplayWindow);
        }
        if (maxRemoteSsrcs < 1 || maxRemoteSsrcs > 1 << 20) {
            throw new IllegalArgumentException("maxRemoteSsrcs must be 1..1048576: " + maxRemoteSsrcs);
        }
        this.srtpReplayWindow = srtpReplayWindow;
        this.srtcpReplayWindow = srtcpReplayWindow;
        this.maxRemoteSsrcs = maxRemoteSsrcs;
        this.cryptex = cryptex;
    }

    /**
     * Replay window for SRTP in packets. Default 128.
     *
     * @return the configured window, 64..32768 packets (the window in use is this rounded up to a
     *     power of two)
     */
    public int srtpReplayWindow() {
        return srtpReplayWindow;
    }

    /**
     * Replay window for SRTCP in packets. Default 128.
     *
     * @return the configured window, 64..32768 packets (the window in use is this rounded up to a
     *     power of two)
     */
    public int srtcpReplayWindow() {
        return srtcpReplayWindow;
    }

    /**
     * How many remote SSRCs (each for SRTP and for SRTCP) get a context. Contexts are only created
     * for packets that authenticate, so this bounds what an authenticated but hostile peer can
     * make us hold; packets for further SSRCs get {@link SrtpStatus#SSRC_LIMIT}. Default 1024.
     *
     * @return the bound on remote SSRC contexts per direction, 1..1048576
     */
    public int maxRemoteSsrcs() {
        return maxRemoteSsrcs;
    }

    /**
     * A copy with another SRTP replay window.
     *
     * @param packets the window size in packets, 64..32768; rounded up to a power of two when used
     * @return a new configuration, this one unchanged
     * @throws IllegalArgumentException if {@code packets} is outside 64..32768
     */
    public SrtpConfig withSrtpReplayWindow(int packets) {
        return new SrtpConfig(packets, srtcpReplayWindow, maxRemoteSsrcs, cryptex);
    }

    /**
     * A copy with another SRTCP replay window.
     *
     * @param packets the window size in packets, 64..32768; rounded up to a power of two when used
     * @return a new configuration, this one unchanged
     * @throws IllegalArgumentException if {@code packets} is outside 64..32768
     */
    public SrtpConfig withSrtcpReplayWindow(int packets) {
        return new SrtpConfig(srtpReplayWindow, packets, maxRemoteSsrcs, cryptex);
    }

    /**
     * A copy with another bound on remote SSRC contexts.
     *
     * @param count the most remote SSRCs given a context, each for SRTP and for SRTCP, 1..1048576
     * @return a new configuration, this one unchanged
     * @throws IllegalArgumentException if {@code count} is outside 1..1048576
     */
    public SrtpConfig withMaxRemoteSsrcs(int count) {
        return new SrtpConfig(srtpReplayWindow, srtcpReplayWindow, count, cryptex);
    }

    /**
     * Whether RFC 9335 cryptex was negotiated ({@code a=cryptex} on both sides). Then protect
     * encrypts CSRCs and header extensions too (extension profile 0xC0DE / 0xC2DE on the wire;
     * a packet with CSRCs but no extension gets an empty one, 4 more bytes of tailroom), and
     * unprotect decrypts such packets and gives back 0xBEDE / 0x1000. Default off.
     *
     * @return whether cryptex is on
     */
    public boolean cryptex() {
        return cryptex;
    }

    /**
     * A copy with RFC 9335 cryptex on or off; turn it on only when both sides signalled
     * {@code a=cryptex}.
     *
     * @param enabled whether to encrypt CSRCs and header extensions
     * @return a new configuration, this one unchanged
     */
    public SrtpConfig withCryptex(boolean enabled) {
        return new SrtpConfig(srtpReplayWindow, srtcpReplayWindow, maxRemoteSsrcs, enabled);
    }
}
