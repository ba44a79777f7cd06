package org.rtc4j;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The SCTP association under a connection's data channels (W3C {@code RTCSctpTransport}), from
 * {@link RTCPeerConnection#sctp()} once an answer with a data section has been applied.
 *
 * <p>{@link #maxMessageSize()} is what {@link RTCDataChannel#send} accepts: the peer's
 * {@code a=max-message-size} (64 KiB when its description has none, as RFC 8841 says; Chromium
 * offers 256 KiB, Firefox 1 GiB; Pion and GStreamer declare none), so an application can split
 * before it sends rather than learn the limit from a {@code TypeError}. One known peer accepts
 * less than it implies: Pion 3.1.x (Debian's 3.1.56) declares nothing, so 64 KiB applies, yet its
 * receiver reads at most 65535 bytes and closes the channel on a 65536-byte message — send it
 * messages of 65535 bytes or fewer ({@code PionPeerTest} does). {@link #maxChannels()} is known once the
 * association is up: the smaller of the stream counts the two INITs agreed on.
 *
 * <p>Getters may be called from any thread; the listener runs on the connection's event loop.
 */
public final class RTCSctpTransport {
    private final RTCPeerConnection pc;
    // Written on the loop only; volatile so other threads read current values.
    private volatile RTCSctpTransportState state = RTCSctpTransportState.CONNECTING;
    private volatile Integer maxChannels;
    private volatile Consumer<RTCSctpTransportState> onStateChange = s -> { };

    RTCSctpTransport(RTCPeerConnection pc) {
        this.pc = pc;
    }

    /**
     * Connecting until the association is up, then connected, then closed. W3C {@code state}.
     *
     * @return the current state
     */
    public RTCSctpTransportState state() {
        return state;
    }

    /**
     * The largest message {@link RTCDataChannel#send} accepts, in bytes;
     * {@link Double#POSITIVE_INFINITY} when the peer declared {@code a=max-message-size:0} (no limit).
     * A double, as in the W3C interface ({@code maxMessageSize}).
     *
     * @return the limit in bytes, or positive infinity
     */
    public double maxMessageSize() {
        long remote = pc.remoteMaxMessageSize();
        return remote == 0 ? Double.POSITIVE_INFINITY : remote;
    }

    /**
     * How many data channels can be open at once; null until the association is connected.
     * W3C {@code maxChannels}.
     *
     * @return the smaller of the two sides' stream counts, or null
     */
    public Integer maxChannels() {
        return maxChannels;
    }

    /**
     * Called on the connection's loop when {@link #state()} changes (not after {@code pc.close()}).
     * W3C {@code onstatechange}.
     *
     * @param listener called with the new state; replaces the previous listener
     */
    public void onStateChange(Consumer<RTCSctpTransportState> listener) {
        this.onStateChange = Objects.requireNonNull(listener);
    }

    void connected(int channels) {
        if (state != RTCSctpTransportState.CONNECTING) {
            return;
        }
        maxChannels = channels;
        state = RTCSctpTransportState.CONNECTED;
        onStateChange.accept(state);
    }

    /** The association ended; {@code fire} is false when the connection itself is closing (W3C fires no event then). */
    void closed(boolean fire) {
        if (state == RTCSctpTransportState.CLOSED) {
            return;
        }
        state = RTCSctpTransportState.CLOSED;
        if (fire) {
            onStateChange.accept(state);
        }
    }

    @Override
    public String toString() {
        return "RTCSctpTransport{" + state + ", maxMessageSize=" + maxMessageSize() + ", maxChannels=" + maxChannels + "}";
    }
}
