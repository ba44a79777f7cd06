package org.rtc4j.sctp;

import java.nio.charset.StandardCharsets;

/** What {@link SctpAssociation#pollEvent()} reports. */
public sealed interface SctpEvent {
    /** The four-way handshake completed; channels created earlier now open. */
    record AssociationEstablished() implements SctpEvent {
    }

    /** The association ended gracefully (SHUTDOWN sequence). */
    record AssociationClosed() implements SctpEvent {
    }

    /**
     * The association failed: the peer sent ABORT, we aborted, or retransmissions were exhausted.
     *
     * @param cause  human-readable cause (from the ABORT's error causes when the peer aborted)
     * @param byPeer true when the peer sent the ABORT
     */
    record AssociationAborted(String cause, boolean byPeer) implements SctpEvent {
    }

    /**
     * The peer sent an ERROR chunk; the association carries on.
     *
     * @param causes the error causes, human-readable
     */
    record PeerError(String causes) implements SctpEvent {
    }

    /**
     * A channel became open.
     *
     * @param channel the channel
     * @param remote  true when the peer opened it with DATA_CHANNEL_OPEN (W3C {@code ondatachannel})
     */
    record ChannelOpen(DataChannel channel, boolean remote) implements SctpEvent {
    }

    /**
     * A message arrived on a channel.
     *
     * @param channel the channel
     * @param data    the message bytes (UTF-8 for strings); owned by the receiver
     * @param binary  true for binary (PPID 53/57), false for strings (PPID 51/56)
     */
    record ChannelMessage(DataChannel channel, byte[] data, boolean binary) implements SctpEvent {
        /** @return the message decoded as UTF-8 */
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /**
     * The peer started closing a channel (it reset its outgoing stream, or asked us to reset
     * ours): the channel is {@link DataChannelState#CLOSING} and {@link ChannelClosed} follows
     * once both directions are reset. Not raised for a close this side started (W3C: the
     * {@code closing} event announces a close the remote side initiated).
     *
     * @param channel the channel
     */
    record ChannelClosing(DataChannel channel) implements SctpEvent {
    }

    /**
     * A channel is closed (both stream directions reset, or the association ended).
     *
     * @param channel the channel
     */
    record ChannelClosed(DataChannel channel) implements SctpEvent {
    }

    /**
     * bufferedAmount fell to or below bufferedAmountLowThreshold.
     *
     * @param channel the channel
     */
    record BufferedAmountLow(DataChannel channel) implements SctpEvent {
    }
}
