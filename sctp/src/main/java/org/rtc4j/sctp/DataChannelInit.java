package org.rtc4j.sctp;

/**
 * W3C {@code RTCDataChannelInit}: options for {@link SctpAssociation#createDataChannel}. Fluent,
 * mutable; {@code maxRetransmits} and {@code maxPacketLifeTime} are mutually exclusive.
 */
public final class DataChannelInit {
    /** Creates options for a reliable, ordered, in-band negotiated channel. */
    public DataChannelInit() {
    }

    boolean ordered = true;
    Integer maxRetransmits;
    Integer maxPacketLifeTime;
    String protocol = "";
    boolean negotiated;
    Integer id;
    int priority = 256;

    /** @return default options: reliable, ordered, in-band negotiated */
    public static DataChannelInit reliable() {
        return new DataChannelInit();
    }

    /**
     * @param value deliver in order (default true)
     * @return this
     */
    public DataChannelInit ordered(boolean value) {
        this.ordered = value;
        return this;
    }

    /**
     * @param value retransmissions per message before it is abandoned (partial reliability)
     * @return this
     */
    public DataChannelInit maxRetransmits(int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("maxRetransmits must be 0..65535");
        }
        this.maxRetransmits = value;
        return this;
    }

    /**
     * @param ms lifetime of a message in milliseconds before it is abandoned (partial reliability)
     * @return this
     */
    public DataChannelInit maxPacketLifeTime(int ms) {
        if (ms < 0 || ms > 65535) {
            throw new IllegalArgumentException("maxPacketLifeTime must be 0..65535");
        }
        this.maxPacketLifeTime = ms;
        return this;
    }

    /**
     * @param value sub-protocol name (at most 65535 UTF-8 bytes)
     * @return this
     */
    public DataChannelInit protocol(String value) {
        this.protocol = value == null ? "" : value;
        return this;
    }

    /**
     * Pre-negotiated channel: no DCEP, both sides create it with the same id.
     *
     * @param streamId the SCTP stream id, 0..65534
     * @return this
     */
    public DataChannelInit negotiated(int streamId) {
        if (streamId < 0 || streamId > 65534) {
            throw new IllegalArgumentException("id must be 0..65534");
        }
        this.negotiated = true;
        this.id = streamId;
        return this;
    }

    /**
     * @param value DCEP priority (RFC 8832: 128 below normal, 256 normal, 512 medium, 1024 high)
     * @return this
     */
    public DataChannelInit priority(int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("priority must be 0..65535");
        }
        this.priority = value;
        return this;
    }
}
