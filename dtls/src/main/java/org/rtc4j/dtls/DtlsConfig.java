package org.rtc4j.dtls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link DtlsEndpoint} needs before it starts. Build with {@link #builder()}.
 *
 * <p>Fixed, not configurable: DTLS 1.2 only; suites ECDHE_ECDSA / ECDHE_RSA with AES-128-GCM,
 * AES-256-GCM and ChaCha20-Poly1305 (in that order); groups X25519, P-256, P-384; extended master
 * secret required; the client certificate required and checked against the SDP fingerprint.
 */
public final class DtlsConfig {
    /** Default largest datagram we send: fits IPv6 + UDP + TURN overhead in a 1280-byte path MTU. */
    public static final int DEFAULT_MTU = 1200;
    /** Default time a handshake may take before the endpoint fails it. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
    /** Default first retransmission timeout (RFC 6347 section 4.2.4.1); it doubles up to 60 s. */
    public static final Duration DEFAULT_INITIAL_RETRANSMIT = Duration.ofSeconds(1);
    /** Default SRTP profile preference: AEAD first, as Chrome offers them. */
    public static final List<SrtpProfile> DEFAULT_SRTP_PROFILES = List.of(
            SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AEAD_AES_256_GCM,
            SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.AES128_CM_HMAC_SHA1_32);

    private final DtlsRole role;
    private final RTCCertificate certificate;
    private final List<RTCDtlsFingerprint> remoteFingerprints;
    private final List<SrtpProfile> srtpProfiles;
    private final int mtu;
    private final Duration handshakeTimeout;
    private final Duration initialRetransmit;

    private DtlsConfig(Builder b) {
        this.role = Objects.requireNonNull(b.role, "role");
        this.certificate = Objects.requireNonNull(b.certificate, "certificate");
        if (b.remoteFingerprints.isEmpty()) {
            throw new IllegalArgumentException("at least one remote fingerprint is required");
        }
        this.remoteFingerprints = List.copyOf(b.remoteFingerprints);
        this.srtpProfiles = List.copyOf(b.srtpProfiles);
        if (b.mtu < 256 || b.mtu > 65507) {
            throw new IllegalArgumentException("mtu out of range: " + b.mtu);
        }
        this.mtu = b.mtu;
        if (b.handshakeTimeout.isNegative() || b.handshakeTimeout.isZero()
                || b.handshakeTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad handshake timeout: " + b.handshakeTimeout);
        }
        this.handshakeTimeout = b.handshakeTimeout;
        if (b.initialRetransmit.toMillis() < 1 || b.initialRetransmit.toMillis() > 60_000) {
            throw new IllegalArgumentException("initial retransmit must be 1 ms..60 s: " + b.initialRetransmit);
        }
        this.initialRetransmit = b.initialRetransmit;
    }

    /**
     * A new builder with the defaults.
     *
     * @return a builder with {@link #DEFAULT_MTU}, {@link #DEFAULT_HANDSHAKE_TIMEOUT},
     *     {@link #DEFAULT_INITIAL_RETRANSMIT} and {@link #DEFAULT_SRTP_PROFILES}, and no role,
     *     certificate or fingerprint yet
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Our DTLS role.
     *
     * @return whether we act as DTLS client or server, never null
     */
    public DtlsRole role() {
        return role;
    }

    /**
     * Our certificate.
     *
     * @return the certificate and private key we present in the handshake, never null
     */
    public RTCCertificate certificate() {
        return certificate;
    }

    /**
     * Fingerprints from the peer's SDP; its certificate must match one.
     *
     * @return an unmodifiable, non-empty list
     */
    public List<RTCDtlsFingerprint> remoteFingerprints() {
        return remoteFingerprints;
    }

    /**
     * SRTP profiles in preference order; empty means {@code use_srtp} is neither offered nor
     * accepted.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<SrtpProfile> srtpProfiles() {
        return srtpProfiles;
    }

    /**
     * Largest datagram we send.
     *
     * @return the MTU in bytes, 256..65507
     */
    public int mtu() {
        return mtu;
    }

    /**
     * How long the handshake may take.
     *
     * @return a positive duration of at most {@link Integer#MAX_VALUE} ms
     */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /**
     * First retransmission timeout of a handshake flight.
     *
     * @return a duration of 1 ms..60 s
     */
    public Duration initialRetransmit() {
        return initialRetransmit;
    }

    /** Builder for {@link DtlsConfig}; role, certificate and one remote fingerprint are required. */
    public static final class Builder {
        private DtlsRole role;
        private RTCCertificate certificate;
        private final List<RTCDtlsFingerprint> remoteFingerprints = new ArrayList<>();
        private List<SrtpProfile> srtpProfiles = DEFAULT_SRTP_PROFILES;
        private int mtu = DEFAULT_MTU;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private Duration initialRetransmit = DEFAULT_INITIAL_RETRANSMIT;

        private Builder() {
        }

        /**
         * Our DTLS role, e.g. from {@link DtlsRole#fromSetup}. Required.
         *
         * @param role whether we act as DTLS client or server
         * @return this builder
         */
        public Builder role(DtlsRole role) {
            this.role = role;
            return this;
        }

        /**
         * Our certificate. Required.
         *
         * @param certificate the certificate and private key to present in the handshake
         * @return this builder
         */
        public Builder certificate(RTCCertificate certificate) {
            this.certificate = certificate;
            return this;
        }

        /**
         * Adds a fingerprint from the peer's SDP ({@code a=fingerprint}). At least one is
         * required.
         *
         * @param fingerprint a fingerprint the peer's certificate may match, not null
         * @return this builder
         * @throws NullPointerException if {@code fingerprint} is null
         */
        public Builder remoteFingerprint(RTCDtlsFingerprint fingerprint) {
            this.remoteFingerprints.add(Objects.requireNonNull(fingerprint));
            return this;
        }

        /**
         * Adds fingerprints from the peer's SDP.
         *
         * @param fingerprints fingerprints the peer's certificate may match; none may be null
         * @return this builder
         * @throws NullPointerException if the list or one of its elements is null
         */
        public Builder remoteFingerprints(List<RTCDtlsFingerprint> fingerprints) {
            fingerprints.forEach(this::remoteFingerprint);
            return this;
        }

        /**
         * SRTP profiles in preference order; an empty list disables {@code use_srtp}. Default
         * {@link #DEFAULT_SRTP_PROFILES}.
         *
         * @param profiles the profiles to offer or accept, copied; no null elements
         * @return this builder
         */
        public Builder srtpProfiles(List<SrtpProfile> profiles) {
            this.srtpProfiles = List.copyOf(profiles);
            return this;
        }

        /**
         * Largest datagram to send (handshake flights are fragmented to fit). Default
         * {@link #DEFAULT_MTU}.
         *
         * @param mtu the limit in bytes, 256..65507 (checked by {@link #build()})
         * @return this builder
         */
        public Builder mtu(int mtu) {
            this.mtu = mtu;
            return this;
        }

        /**
         * How long the handshake may take before it fails with {@link DtlsTimeoutException}.
         * Default {@link #DEFAULT_HANDSHAKE_TIMEOUT}.
         *
         * @param timeout a positive duration of at most {@link Integer#MAX_VALUE} ms (checked by
         *                {@link #build()}), not null
         * @return this builder
         */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * First retransmission timeout; BouncyCastle doubles it per retry up to 60 s. Default
         * {@link #DEFAULT_INITIAL_RETRANSMIT}.
         *
         * @param timeout 1 ms..60 s (checked by {@link #build()}), not null
         * @return this builder
         */
        public Builder initialRetransmit(Duration timeout) {
            this.initialRetransmit = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * Builds the config.
         *
         * @return a new immutable config
         * @throws NullPointerException     if the role or certificate is missing
         * @throws IllegalArgumentException if no remote fingerprint was added, or the MTU, handshake
         *                                  timeout or initial retransmit timeout is out of range
         */
        public DtlsConfig build() {
            return new DtlsConfig(this);
        }
    }
}
