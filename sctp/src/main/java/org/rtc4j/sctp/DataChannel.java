package org.rtc4j.sctp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One WebRTC data channel (RFC 8831) on an {@link SctpAssociation}, shaped like the W3C
 * {@code RTCDataChannel}. Not thread-safe: use it from the thread that drives the association.
 * Sends are queued; packets appear on the association's next {@code pollTransmit}.
 */
public final class DataChannel {
    private final SctpAssociation association;
    private final String label;
    private final String protocol;
    private final boolean ordered;
    private final Integer maxRetransmits;
    private final Integer maxPacketLifeTime;
    private final boolean negotiated;
    private final int priority;
    final boolean remote;
    int id;
    DataChannelState state = DataChannelState.CONNECTING;
    long bufferedAmount;
    private long bufferedAmountLowThreshold;
    /** The peer acknowledged our DATA_CHANNEL_OPEN (or opened the channel itself). */
    boolean ackReceived;
    boolean outgoingResetRequested;
    boolean outgoingReset;
    boolean incomingReset;
    long messagesSent;
    long messagesReceived;

    DataChannel(SctpAssociation association, int id, String label, String protocol, boolean ordered,
            Integer maxRetransmits, Integer maxPacketLifeTime, boolean negotiated, int priority, boolean remote) {
        this.association = association;
        this.id = id;
        this.label = label;
        this.protocol = protocol;
        this.ordered = ordered;
        this.maxRetransmits = maxRetransmits;
        this.maxPacketLifeTime = maxPacketLifeTime;
        this.negotiated = negotiated;
        this.priority = priority;
        this.remote = remote;
        this.ackReceived = remote || negotiated;
    }

    /** @return the label */
    public String label() {
        return label;
    }

    /** @return the SCTP stream id, or -1 while not yet assigned */
    public int id() {
        return id;
    }

    /** @return whether messages are delivered in order */
    public boolean ordered() {
        return ordered;
    }

    /** @return the retransmission limit, or null when not limited that way */
    public Integer maxRetransmits() {
        return maxRetransmits;
    }

    /** @return the lifetime limit in ms, or null when not limited that way */
    public Integer maxPacketLifeTime() {
        return maxPacketLifeTime;
    }

    /** @return whether the channel was negotiated out of band */
    public boolean negotiated() {
        return negotiated;
    }

    /** @return the sub-protocol, "" when none */
    public String protocol() {
        return protocol;
    }

    /** @return the DCEP priority */
    public int priority() {
        return priority;
    }

    /** @return the W3C ready state */
    public DataChannelState readyState() {
        return state;
    }

    /** @return bytes queued by send() and not yet handed to the network */
    public long bufferedAmount() {
        return bufferedAmount;
    }

    /** @return the threshold for {@link SctpEvent.BufferedAmountLow} */
    public long bufferedAmountLowThreshold() {
        return bufferedAmountLowThreshold;
    }

    /** @param bytes threshold for {@link SctpEvent.BufferedAmountLow}, default 0 */
    public void bufferedAmountLowThreshold(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative threshold");
        }
        this.bufferedAmountLowThreshold = bytes;
    }

    /** @return messages this side queued */
    public long messagesSent() {
        return messagesSent;
    }

    /** @return messages delivered to this side */
    public long messagesReceived() {
        return messagesReceived;
    }

    /**
     * Sends a string (PPID 51, or 56 when empty).
     *
     * @param text the message
     * @throws IllegalStateException    unless the channel is open (W3C InvalidStateError)
     * @throws MessageTooLargeException over the peer's max-message-size (W3C TypeError)
     */
    public void send(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        association.sendOnChannel(this, b, false);
    }

    /**
     * Sends binary data (PPID 53, or 57 when empty). The bytes are copied.
     *
     * @param data the message
     * @throws IllegalStateException    unless the channel is open
     * @throws MessageTooLargeException over the peer's max-message-size
     */
    public void send(byte[] data) {
        association.sendOnChannel(this, data.clone(), true);
    }

    /**
     * Sends the remaining bytes of the buffer as a binary message; the buffer's position is not moved.
     *
     * @param data the message
     * @throws IllegalStateException    unless the channel is open
     * @throws MessageTooLargeException over the peer's max-message-size
     */
    public void send(ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        association.sendOnChannel(this, b, true);
    }

    /**
     * Sends a message whose array the caller hands over: it is queued as it is, without the copy
     * {@link #send(byte[])} makes, so the caller must never touch it again. For a layer above that
     * has already taken its own copy (an API with W3C copy-on-send semantics), so a bulk message is
     * copied once rather than twice.
     *
     * @param data   the message; UTF-8 text when {@code binary} is false
     * @param binary PPID 53/57 (binary) or 51/56 (string)
     * @throws IllegalStateException    unless the channel is open
     * @throws MessageTooLargeException over the peer's max-message-size
     */
    public void sendOwned(byte[] data, boolean binary) {
        association.sendOnChannel(this, data, binary);
    }

    /** Closes the channel by resetting its stream (RFC 8831 §6.7); the peer's other channels are untouched. */
    public void close() {
        association.closeChannel(this);
    }

    @Override
    public String toString() {
        return "DataChannel[" + id + " '" + label + "' " + state.w3c() + "]";
    }
}
