package org.rtc4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.rtc4j.dtls.RTCCertificate;
import org.rtc4j.dtls.SrtpProfile;
import org.rtc4j.transport.InterfaceFilter;
import org.rtc4j.transport.PortRange;

/**
 * How a connection is set up: the W3C {@code RTCConfiguration} members (ICE servers, transport
 * policy, bundle policy) plus rtc4j's knobs for services and tests (which interfaces to gather
 * on, which UDP ports to bind, timeouts). Immutable; build with {@link #builder()}.
 */
public final class RTCConfiguration {

    /** The SRTP profiles offered unless configured: AEAD AES-128-GCM first, then AES-CM-128 with HMAC-SHA1-80. */
    public static final List<SrtpProfile> DEFAULT_SRTP_PROFILES = List.of(SrtpProfile.AEAD_AES_128_GCM,
            SrtpProfile.AES128_CM_HMAC_SHA1_80);

    private final List<RTCIceServer> iceServers;
    private final RTCIceTransportPolicy iceTransportPolicy;
    private final RTCBundlePolicy bundlePolicy;
    private final RTCRtcpMuxPolicy rtcpMuxPolicy;
    private final InterfaceFilter interfaceFilter;
    private final PortRange portRange;
    private final Duration dtlsHandshakeTimeout;
    private final List<RTCCertificate> certificates;
    private final SSLContext tlsContext;
    private final List<SrtpProfile> srtpProfiles;
    private final boolean sendNack;
    private final boolean sctpZeroChecksum;

    private RTCConfiguration(Builder b) {
        this.iceServers = List.copyOf(b.iceServers);
        this.iceTransportPolicy = b.iceTransportPolicy;
        this.bundlePolicy = b.bundlePolicy;
        this.rtcpMuxPolicy = b.rtcpMuxPolicy;
        this.interfaceFilter = b.interfaceFilter;
        this.portRange = b.portRange;
        this.dtlsHandshakeTimeout = b.dtlsHandshakeTimeout;
        this.certificates = List.copyOf(b.certificates);
        this.tlsContext = b.tlsContext;
        this.srtpProfiles = List.copyOf(b.srtpProfiles);
        this.sendNack = b.sendNack;
        this.sctpZeroChecksum = b.sctpZeroChecksum;
    }

    /**
     * A builder with the browser's defaults and the machine's non-loopback interfaces.
     *
     * @return a new builder: no ICE servers, policy {@code all}, {@code max-bundle}, any port, a
     *         30 s DTLS timeout, a generated certificate, GCM then CM SRTP, NACK and SCTP zero
     *         checksum on
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this configuration's values.
     *
     * @return a new builder; changing it leaves this configuration as it is
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.iceServers.addAll(iceServers);
        b.iceTransportPolicy = iceTransportPolicy;
        b.bundlePolicy = bundlePolicy;
        b.rtcpMuxPolicy = rtcpMuxPolicy;
        b.interfaceFilter = interfaceFilter;
        b.portRange = portRange;
        b.dtlsHandshakeTimeout = dtlsHandshakeTimeout;
        b.certificates.addAll(certificates);
        b.tlsContext = tlsContext;
        b.srtpProfiles = new ArrayList<>(srtpProfiles);
        b.sendNack = sendNack;
        b.sctpZeroChecksum = sctpZeroChecksum;
        return b;
    }

    /**
     * STUN and TURN servers (W3C {@code iceServers}).
     *
     * @return the servers in the order added; unmodifiable, empty by default
     */
    public List<RTCIceServer> iceServers() {
        return iceServers;
    }

    /**
     * All candidates, or relayed ones only (W3C {@code iceTransportPolicy}).
     *
     * @return the policy; {@code all} by default
     */
    public RTCIceTransportPolicy iceTransportPolicy() {
        return iceTransportPolicy;
    }

    /**
     * How media sections share transports; max-bundle by default (W3C {@code bundlePolicy}).
     * rtc4j bundles every section whatever the value says.
     *
     * @return the configured policy
     */
    public RTCBundlePolicy bundlePolicy() {
        return bundlePolicy;
    }

    /**
     * Always {@code require}: WebRTC multiplexes RTCP with RTP (W3C {@code rtcpMuxPolicy}).
     *
     * @return {@link RTCRtcpMuxPolicy#REQUIRE}
     */
    public RTCRtcpMuxPolicy rtcpMuxPolicy() {
        return rtcpMuxPolicy;
    }

    /**
     * Which local addresses host candidates are gathered on.
     *
     * @return the filter; {@link InterfaceFilter#defaults()} unless configured
     */
    public InterfaceFilter interfaceFilter() {
        return interfaceFilter;
    }

    /**
     * Which UDP ports may be bound.
     *
     * @return the range; {@link PortRange#ANY} unless configured
     */
    public PortRange portRange() {
        return portRange;
    }

    /**
     * How long the DTLS handshake may take once ICE has connected.
     *
     * @return the timeout, positive; 30 seconds unless configured
     */
    public Duration dtlsHandshakeTimeout() {
        return dtlsHandshakeTimeout;
    }

    /**
     * The TLS context for {@code turns:} servers (the JDK default unless configured).
     *
     * @return the configured context, else {@link SSLContext#getDefault()}
     * @throws IllegalStateException if none is configured and the JDK has no default context
     */
    public SSLContext tlsContext() {
        if (tlsContext != null) {
            return tlsContext;
        }
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    /**
     * Certificates to authenticate with; empty means a fresh ECDSA P-256 one per connection
     * (W3C {@code certificates}). A connection uses the first one.
     *
     * @return the certificates in the order added; unmodifiable
     */
    public List<RTCCertificate> certificates() {
        return certificates;
    }

    /**
     * The SRTP protection profiles DTLS offers (or accepts, answering) for media, preferred
     * first: AES-128-GCM, then AES-128-CM with HMAC-SHA1-80, unless configured.
     *
     * @return the profiles, preferred first; unmodifiable and never empty
     */
    public List<SrtpProfile> srtpProfiles() {
        return srtpProfiles;
    }

    /**
     * Whether receivers ask for lost packets again (RFC 4585 generic NACK, answered on RTX) where
     * the codec negotiated {@code a=rtcp-fb:<pt> nack}; on by default. Answering the peer's NACKs
     * does not depend on it.
     *
     * @return true if receivers send NACKs
     */
    public boolean sendNack() {
        return sendNack;
    }

    /**
     * Whether the SCTP association offers the Zero Checksum Acceptable parameter (RFC 9653,
     * parameter 0x8001) in its INIT; on by default, as in Chromium. Both sides then skip the
     * CRC32c that DTLS makes redundant. Off for peers that refuse an INIT carrying it: Pion before
     * pion/sctp #298 (Pion 3.1.56, as Debian ships it) rejects the INIT although RFC 9260 §3.2.1
     * says an unknown parameter with those high bits is skipped, so no channel ever opens.
     *
     * @return true if the INIT offers zero checksum
     */
    public boolean sctpZeroChecksum() {
        return sctpZeroChecksum;
    }

    /** Builds an {@link RTCConfiguration}. */
    public static final class Builder {
        private final List<RTCIceServer> iceServers = new ArrayList<>();
        private RTCIceTransportPolicy iceTransportPolicy = RTCIceTransportPolicy.ALL;
        private RTCBundlePolicy bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        private RTCRtcpMuxPolicy rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
        private InterfaceFilter interfaceFilter = InterfaceFilter.defaults();
        private PortRange portRange = PortRange.ANY;
        private Duration dtlsHandshakeTimeout = Duration.ofSeconds(30);
        private final List<RTCCertificate> certificates = new ArrayList<>();
        private SSLContext tlsContext;
        private List<SrtpProfile> srtpProfiles = new ArrayList<>(DEFAULT_SRTP_PROFILES);
        private boolean sendNack = true;
        private boolean sctpZeroChecksum = true;

        private Builder() {
        }

        /**
         * Adds a STUN or TURN server.
         *
         * @param server the server; not null
         * @return this builder
         */
        public Builder iceServer(RTCIceServer server) {
            iceServers.add(Objects.requireNonNull(server));
            return this;
        }

        /**
         * Replaces the ICE servers.
         *
         * @param servers the servers, in order (may be empty); none may be null
         * @return this builder
         */
        public Builder iceServers(List<RTCIceServer> servers) {
            iceServers.clear();
            servers.forEach(this::iceServer);
            return this;
        }

        /**
         * All candidates (default) or relay only.
         *
         * @param policy the policy; not null
         * @return this builder
         */
        public Builder iceTransportPolicy(RTCIceTransportPolicy policy) {
            this.iceTransportPolicy = Objects.requireNonNull(policy);
            return this;
        }

        /**
         * The bundle policy (default max-bundle). Kept and reported; rtc4j bundles whatever it is.
         *
         * @param policy the policy; not null
         * @return this builder
         */
        public Builder bundlePolicy(RTCBundlePolicy policy) {
            this.bundlePolicy = Objects.requireNonNull(policy);
            return this;
        }

        /**
         * Which local addresses to gather on (tests: {@link InterfaceFilter#loopbackOnly()}).
         *
         * @param filter the filter; not null
         * @return this builder
         */
        public Builder interfaceFilter(InterfaceFilter filter) {
            this.interfaceFilter = Objects.requireNonNull(filter);
            return this;
        }

        /**
         * Which UDP ports to bind (default: any).
         *
         * @param range the ports; not null
         * @return this builder
         */
        public Builder portRange(PortRange range) {
            this.portRange = Objects.requireNonNull(range);
            return this;
        }

        /**
         * The DTLS handshake's deadline (default 30 s).
         *
         * @param timeout how long the handshake may take once ICE has connected
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        public Builder dtlsHandshakeTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.dtlsHandshakeTimeout = timeout;
            return this;
        }

        /**
         * Authenticates with this certificate (e.g. loaded from PEM for a stable fingerprint).
         * Certificates accumulate; a connection uses the first one added.
         *
         * @param certificate the certificate; not null
         * @return this builder
         */
        public Builder certificate(RTCCertificate certificate) {
            certificates.add(Objects.requireNonNull(certificate));
            return this;
        }

        /**
         * TLS for {@code turns:} servers, e.g. one trusting a private CA (default: the JDK's).
         *
         * @param context the TLS context; not null
         * @return this builder
         */
        public Builder tlsContext(SSLContext context) {
            this.tlsContext = Objects.requireNonNull(context);
            return this;
        }

        /**
         * The SRTP profiles to negotiate, preferred first (e.g. only
         * {@link SrtpProfile#AES128_CM_HMAC_SHA1_80} for a peer without GCM).
         *
         * @param profiles the profiles, preferred first; they replace the previous ones
         * @return this builder
         * @throws IllegalArgumentException if no profile is given
         */
        public Builder srtpProfiles(SrtpProfile... profiles) {
            if (profiles.length == 0) {
                throw new IllegalArgumentException("at least one SRTP profile");
            }
            this.srtpProfiles = new ArrayList<>(List.of(profiles));
            return this;
        }

        /**
         * Whether receivers send NACKs for lost packets (default true); off leaves loss repair to
         * key frames, e.g. to measure what NACK buys.
         *
         * @param on whether receivers send NACKs
         * @return this builder
         */
        public Builder sendNack(boolean on) {
            this.sendNack = on;
            return this;
        }

        /**
         * Whether SCTP offers zero checksum (RFC 9653; default true). Turn it off for Pion
         * 3.1.56 and other stacks older than pion/sctp #298, which reject an INIT that carries it.
         *
         * @param offer whether the SCTP INIT offers zero checksum
         * @return this builder
         */
        public Builder sctpZeroChecksum(boolean offer) {
            this.sctpZeroChecksum = offer;
            return this;
        }

        /**
         * The configuration.
         *
         * @return a new immutable configuration with this builder's values
         */
        public RTCConfiguration build() {
            return new RTCConfiguration(this);
        }
    }
}
