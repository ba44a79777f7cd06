package org.rtc4j.jsep;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.sdp.Connection;
import org.rtc4j.sdp.MediaDescription;
import org.rtc4j.sdp.SctpMap;
import org.rtc4j.sdp.SdpCandidate;
import org.rtc4j.sdp.SessionDescription;
import org.rtc4j.sdp.Setup;

/**
 * Writes the offers and answers of one connection (JSEP, RFC 8829 §5.2 and §5.3): one session
 * id for the connection's life and a version that grows with every description, BUNDLE, and a
 * data-channel section in the form the remote understands.
 *
 * <p>Media sections a remote offers are answered as rejected (port 0) until rtc4j carries media
 * through {@code RTCPeerConnection}; the answer still lists them, in order, as JSEP requires.
 */
public final class DescriptionWriter {

    /** The m= protocol of RFC 8841. */
    public static final String SCTP_PROTOCOL = "UDP/DTLS/SCTP";
    /** The only SCTP application WebRTC runs. */
    public static final String DATA_CHANNEL_FORMAT = "webrtc-datachannel";
    // The legacy sctpmap's stream count, as browsers wrote it.
    private static final int LEGACY_STREAMS = 1024;

    private final long sessionId;
    private long version;

    /**
     * @param sessionId the o= session id, random and below 2^62 (JSEP §5.2.1)
     */
    public DescriptionWriter(long sessionId) {
        if (sessionId < 0 || sessionId >= (1L << 62)) {
            throw new IllegalArgumentException("session id must be in [0, 2^62)");
        }
        this.sessionId = sessionId;
    }

    /**
     * An offer with one data-channel section.
     *
     * @param mid   the section's mid
     * @param local our transport parameters; their setup must be {@code actpass}
     */
    public SessionDescription offer(String mid, LocalTransport local) {
        if (local.setup() != Setup.ACTPASS) {
            throw new IllegalArgumentException("an offer says a=setup:actpass (RFC 8842), not " + local.setup());
        }
        MediaDescription data = dataSection(mid, local, false);
        return session().bundle(mid).media(data).build();
    }

    /**
     * The answer to {@code offer}: the data-channel section accepted with our transport (in the
     * offer's form), every other section rejected.
     *
     * @param offer  the remote offer
     * @param remote what {@link RemoteTransport#read} read from it
     * @param local  our transport parameters, with setup {@code active} or {@code passive}
     */
    public SessionDescription answer(SessionDescription offer, RemoteTransport remote, LocalTransport local) {
        if (local.setup() != Setup.ACTIVE && local.setup() != Setup.PASSIVE) {
            throw new IllegalArgumentException("an answer says a=setup:active or passive, not " + local.setup());
        }
        SessionDescription.Builder session = session();
        List<String> accepted = new ArrayList<>();
        List<MediaDescription> offered = offer.media();
        for (int i = 0; i < offered.size(); i++) {
            MediaDescription m = offered.get(i);
            if (i == remote.dataIndex()) {
                String mid = m.mid().orElse(null);
                session.media(dataSection(mid, local, remote.legacySctp()));
                if (mid != null) {
                    accepted.add(mid);
                }
            } else {
                session.media(rejected(m));
            }
        }
        if (!accepted.isEmpty() && !remote.bundleMids().isEmpty()) {
            session.bundle(accepted.toArray(new String[0]));
        }
        return session.build();
    }

    private SessionDescription.Builder session() {
        // JSEP §5.2.1: the version starts anywhere and grows by one per description.
        return SessionDescription.builder().origin("-", sessionId, ++version, "127.0.0.1")
                .msidSemantic("WMS");
    }

    private static MediaDescription dataSection(String mid, LocalTransport local, boolean legacy) {
        SdpCandidate defaultCandidate = local.candidates().isEmpty() ? null : local.candidates().get(0);
        int port = defaultCandidate == null ? 9 : defaultCandidate.port();
        String address = defaultCandidate == null || defaultCandidate.isFqdn() ? "0.0.0.0" : defaultCandidate.address();
        MediaDescription.Builder b = legacy
                ? MediaDescription.builder("application", port, "DTLS/SCTP", Integer.toString(local.sctpPort()))
                : MediaDescription.builder("application", port, SCTP_PROTOCOL, DATA_CHANNEL_FORMAT);
        b.connection(Connection.of(address));
        for (SdpCandidate c : local.candidates()) {
            b.candidate(c);
        }
        if (local.endOfCandidates()) {
            b.endOfCandidates();
        }
        b.iceUfrag(local.iceUfrag()).icePwd(local.icePwd()).iceOptions("trickle");
        local.fingerprints().forEach(b::fingerprint);
        b.setup(local.setup());
        if (mid != null) {
            b.mid(mid);
        }
        if (legacy) {
            b.attribute(new SctpMap(local.sctpPort(), DATA_CHANNEL_FORMAT, LEGACY_STREAMS));
        } else {
            b.sctpPort(local.sctpPort());
        }
        b.maxMessageSize(local.maxMessageSize());
        return b.build();
    }

    private static MediaDescription rejected(MediaDescription m) {
        MediaDescription.Builder b = MediaDescription.builder(m.media(), 0, m.protocol(),
                m.formats().toArray(new String[0]));
        b.connection("0.0.0.0");
        m.mid().ifPresent(b::mid);
        return b.build();
    }
}
