package org.rtc4j.sctp;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Random;

/**
 * Settings of one association. Mutable with fluent setters; the association copies what it needs
 * at construction. Defaults suit WebRTC (RFC 8831/8841): ports 5000, 1200-byte packets, 4 MiB
 * receive window, 256 KiB messages, 65535 streams each way.
 */
public final class SctpConfig {
    /** Creates settings with the WebRTC defaults above. */
    public SctpConfig() {
    }

    private boolean dtlsClient;
    private int localPort = 5000;
    private int remotePort = 5000;
    private int mtu = 1200;
    private int receiveWindow = 4 * 1024 * 1024;
    private int maxMessageSize = 256 * 1024;
    private long remoteMaxMessageSize = 256 * 1024;
    private int outboundStreams = 65535;
    private int inboundStreams = 65535;
    private long rtoInitialMs = 1000;
    private long rtoMinMs = 200;
    private long rtoMaxMs = 60_000;
    private int maxRetransmissions = 10;
    private int maxInitRetransmissions = 8;
    private long delayedAckMs = 200;
    private long heartbeatIntervalMs = 30_000;
    private long cookieLifetimeMs = 60_000;
    private boolean zeroChecksum = true;
    private Random random = new SecureRandom();

    /** @return a configuration with the defaults */
    public static SctpConfig defaults() {
        return new SctpConfig();
    }

    /**
     * Which side of DTLS this endpoint is: the DTLS client uses even stream ids for the data
     * channels it creates, the server odd ones (RFC 8832 §6).
     *
     * @param client true when this endpoint is the DTLS client
     * @return this
     */
    public SctpConfig dtlsClient(boolean client) {
        this.dtlsClient = client;
        return this;
    }

    /** @return whether this endpoint is the DTLS client */
    public boolean dtlsClient() {
        return dtlsClient;
    }

    /**
     * @param local  our SCTP port (SDP {@code a=sctp-port}, default 5000)
     * @param remote the peer's SCTP port (its {@code a=sctp-port}, default 5000)
     * @return this
     */
    public SctpConfig ports(int local, int remote) {
        if (local < 0 || local > 65535 || remote < 0 || remote > 65535) {
            throw new IllegalArgumentException("ports must be 0..65535");
        }
        this.localPort = local;
        this.remotePort = remote;
        return this;
    }

    /** @return our port */
    public int localPort() {
        return localPort;
    }

    /** @return the peer's port */
    public int remotePort() {
        return remotePort;
    }

    /**
     * @param bytes largest SCTP packet we send (the DTLS record payload), 256..65535, default 1200
     * @return this
     */
    public SctpConfig mtu(int bytes) {
        if (bytes < 256 || bytes > 65535) {
            throw new IllegalArgumentException("mtu must be 256..65535");
        }
        this.mtu = bytes;
        return this;
    }

    /** @return the packet size limit */
    public int mtu() {
        return mtu;
    }

    /**
     * @param bytes advertised receive window (a_rwnd); at least the max message size, default 4 MiB
     * @return this
     */
    public SctpConfig receiveWindow(int bytes) {
        if (bytes < 1500) {
            throw new IllegalArgumentException("receive window must be at least 1500 bytes");
        }
        this.receiveWindow = bytes;
        return this;
    }

    /** @return the receive window */
    public int receiveWindow() {
        return receiveWindow;
    }

    /**
     * @param bytes largest message we accept (our SDP {@code a=max-message-size}), default 256 KiB
     * @return this
     */
    public SctpConfig maxMessageSize(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("max message size must be positive");
        }
        this.maxMessageSize = bytes;
        return this;
    }

    /** @return the largest message we accept */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /**
     * @param bytes the peer's SDP {@code a=max-message-size}; 0 means "no limit" (RFC 8841)
     * @return this
     */
    public SctpConfig remoteMaxMessageSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative max message size");
        }
        this.remoteMaxMessageSize = bytes;
        return this;
    }

    /** @return the peer's max message size (0 = unlimited) */
    public long remoteMaxMessageSize() {
        return remoteMaxMessageSize;
    }

    /**
     * @param outbound streams we ask for (OS), 1..65535
     * @param inbound  streams we accept (MIS), 1..65535
     * @return this
     */
    public SctpConfig streams(int outbound, int inbound) {
        if (outbound < 1 || outbound > 65535 || inbound < 1 || inbound > 65535) {
            throw new IllegalArgumentException("stream counts must be 1..65535");
        }
        this.outboundStreams = outbound;
        this.inboundStreams = inbound;
        return this;
    }

    /** @return OS we offer */
    public int outboundStreams() {
        return outboundStreams;
    }

    /** @return MIS we offer */
    public int inboundStreams() {
        return inboundStreams;
    }

    /**
     * Retransmission timeout bounds (RFC 6298 rules; RFC 9260 would use a 1 s minimum, WebRTC
     * stacks use lower floors because the path is usually short).
     *
     * @param initialMs RTO before any RTT sample, default 1000
     * @param minMs     floor, default 200
     * @param maxMs     ceiling, default 60000
     * @return this
     */
    public SctpConfig rto(long initialMs, long minMs, long maxMs) {
        if (minMs < 1 || initialMs < minMs || maxMs < initialMs) {
            throw new IllegalArgumentException("need 1 <= min <= initial <= max");
        }
        this.rtoInitialMs = initialMs;
        this.rtoMinMs = minMs;
        this.rtoMaxMs = maxMs;
        return this;
    }

    /** @return initial RTO in ms */
    public long rtoInitialMs() {
        return rtoInitialMs;
    }

    /** @return minimum RTO in ms */
    public long rtoMinMs() {
        return rtoMinMs;
    }

    /** @return maximum RTO in ms */
    public long rtoMaxMs() {
        return rtoMaxMs;
    }

    /**
     * @param association consecutive unanswered retransmission timeouts before the association
     *                    fails (Association.Max.Retrans), default 10
     * @param init        INIT / COOKIE-ECHO retransmissions before giving up, default 8
     * @return this
     */
    public SctpConfig maxRetransmissions(int association, int init) {
        if (association < 1 || init < 1) {
            throw new IllegalArgumentException("retransmission limits must be positive");
        }
        this.maxRetransmissions = association;
        this.maxInitRetransmissions = init;
        return this;
    }

    /** @return Association.Max.Retrans */
    public int maxRetransmissions() {
        return maxRetransmissions;
    }

    /** @return Max.Init.Retransmits */
    public int maxInitRetransmissions() {
        return maxInitRetransmissions;
    }

    /**
     * @param ms delayed-SACK timer (at most 500, default 200); a SACK also goes out every second packet
     * @return this
     */
    public SctpConfig delayedAckMs(long ms) {
        if (ms < 0 || ms > 500) {
            throw new IllegalArgumentException("delayed ack must be 0..500 ms");
        }
        this.delayedAckMs = ms;
        return this;
    }

    /** @return delayed-SACK time */
    public long delayedAckMs() {
        return delayedAckMs;
    }

    /**
     * @param ms idle time before a HEARTBEAT probes the path (plus the RTO), default 30000
     * @return this
     */
    public SctpConfig heartbeatIntervalMs(long ms) {
        if (ms < 1) {
            throw new IllegalArgumentException("heartbeat interval must be positive");
        }
        this.heartbeatIntervalMs = ms;
        return this;
    }

    /** @return heartbeat interval */
    public long heartbeatIntervalMs() {
        return heartbeatIntervalMs;
    }

    /**
     * @param ms how long a State Cookie stays valid, default 60000
     * @return this
     */
    public SctpConfig cookieLifetimeMs(long ms) {
        this.cookieLifetimeMs = ms;
        return this;
    }

    /** @return cookie lifetime */
    public long cookieLifetimeMs() {
        return cookieLifetimeMs;
    }

    /**
     * @param offer offer RFC 9653 zero checksum (DTLS already protects the packet); used only
     *              when the peer offers it too. Default true.
     * @return this
     */
    public SctpConfig zeroChecksum(boolean offer) {
        this.zeroChecksum = offer;
        return this;
    }

    /** @return whether zero checksum is offered */
    public boolean zeroChecksum() {
        return zeroChecksum;
    }

    /**
     * @param source randomness for verification tags, initial TSNs and the cookie secret; tests
     *               pass a seeded {@link Random} for reproducible runs. Default {@link SecureRandom}.
     * @return this
     */
    public SctpConfig random(Random source) {
        this.random = Objects.requireNonNull(source);
        return this;
    }

    /** @return the randomness source */
    public Random random() {
        return random;
    }
}
