package org.rtc4j;

/**
 * Options of {@link RTCPeerConnection#createDataChannel(String, RTCDataChannelInit)}, as the W3C
 * {@code RTCDataChannelInit} dictionary: ordered or not, one of max-retransmits or
 * max-packet-lifetime for partial reliability, a sub-protocol, and an id for channels both
 * sides create themselves ({@code negotiated}).
 */
public final class RTCDataChannelInit {

    private boolean ordered = true;
    private Integer maxRetransmits;
    private Integer maxPacketLifeTime;
    private String protocol = "";
    private boolean negotiated;
    private Integer id;

    private RTCDataChannelInit() {
    }

    /**
     * Reliable and ordered, like a TCP stream of messages.
     *
     * @return new options: ordered, no retransmission or lifetime limit, no sub-protocol, not
     *         negotiated
     */
    public static RTCDataChannelInit reliable() {
        return new RTCDataChannelInit();
    }

    /**
     * Whether messages arrive in the order sent (default true). W3C {@code ordered}.
     *
     * @param value false to let messages arrive out of order
     * @return these options
     */
    public RTCDataChannelInit ordered(boolean value) {
        this.ordered = value;
        return this;
    }

    /**
     * Give up on a message after this many retransmissions (W3C {@code maxRetransmits}). Cannot
     * be combined with {@link #maxPacketLifeTime(int)}.
     *
     * @param value the retransmission limit, 0-65535
     * @return these options
     * @throws IllegalArgumentException if {@code value} is outside 0-65535
     */
    public RTCDataChannelInit maxRetransmits(int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("maxRetransmits out of range: " + value);
        }
        this.maxRetransmits = value;
        return this;
    }

    /**
     * Give up on a message this many milliseconds after it was first sent (W3C
     * {@code maxPacketLifeTime}). Cannot be combined with {@link #maxRetransmits(int)}.
     *
     * @param milliseconds the lifetime limit in ms, 0-65535
     * @return these options
     * @throws IllegalArgumentException if {@code milliseconds} is outside 0-65535
     */
    public RTCDataChannelInit maxPacketLifeTime(int milliseconds) {
        if (milliseconds < 0 || milliseconds > 65535) {
            throw new IllegalArgumentException("maxPacketLifeTime out of range: " + milliseconds);
        }
        this.maxPacketLifeTime = milliseconds;
        return this;
    }

    /**
     * The sub-protocol name carried to the peer (default ""). W3C {@code protocol}.
     *
     * @param value the name; not null, at most 65535 characters
     * @return these options
     * @throws IllegalArgumentException if {@code value} is null or longer than 65535 characters
     */
    public RTCDataChannelInit protocol(String value) {
        if (value == null || value.length() > 65535) {
            throw new IllegalArgumentException("protocol too long");
        }
        this.protocol = value;
        return this;
    }

    /**
     * A channel both sides create with this id, without in-band negotiation (W3C
     * {@code negotiated: true} with {@code id}).
     *
     * @param streamId the SCTP stream id both sides use, 0-65534
     * @return these options
     * @throws IllegalArgumentException if {@code streamId} is outside 0-65534
     */
    public RTCDataChannelInit negotiated(int streamId) {
        if (streamId < 0 || streamId > 65534) {
            throw new IllegalArgumentException("id out of range: " + streamId);
        }
        this.negotiated = true;
        this.id = streamId;
        return this;
    }

    boolean ordered() {
        return ordered;
    }

    Integer maxRetransmits() {
        return maxRetransmits;
    }

    Integer maxPacketLifeTime() {
        return maxPacketLifeTime;
    }

    String protocol() {
        return protocol;
    }

    boolean negotiated() {
        return negotiated;
    }

    Integer id() {
        return id;
    }

    void validate() {
        if (maxRetransmits != null && maxPacketLifeTime != null) {
            throw new RTCException(RTCException.Name.TypeError,
                    "maxRetransmits and maxPacketLifeTime cannot both be set");
        }
    }
}
