package org.rtc4j.jsep;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.sdp.Connection;
import org.rtc4j.sdp.Direction;
import org.rtc4j.sdp.ExtMap;
import org.rtc4j.sdp.Fmtp;
import org.rtc4j.sdp.MediaDescription;
import org.rtc4j.sdp.Parameter;
import org.rtc4j.sdp.RtcpFb;
import org.rtc4j.sdp.RtpMap;
import org.rtc4j.sdp.SctpMap;
import org.rtc4j.sdp.SdpCandidate;
import org.rtc4j.sdp.SessionDescription;
import org.rtc4j.sdp.Setup;

/**
 * Writes the offers and answers of one connection (JSEP, RFC 8829 §5.2 and §5.3): one session
 * id for the connection's life and a version that grows with every description, every accepted
 * section in one BUNDLE group on one transport (ICE credentials, fingerprint and setup repeated
 * in each, candidates in the first), rtcp-mux and reduced-size RTCP for media, and the
 * data-channel section in the form the remote understands.
 */
public final class DescriptionWriter {

    /** The m= protocol of RFC 8841. */
    public static final String SCTP_PROTOCOL = "UDP/DTLS/SCTP";
    /** The m= protocol of media sections (RFC 5764, RFC 8829 §5.1.2). */
    public static final String RTP_PROTOCOL = "UDP/TLS/RTP/SAVPF";
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
     * @return the offer
     */
    public SessionDescription offer(String mid, LocalTransport local) {
        return write(List.of(new SectionPlan.Data(mid, false)), local);
    }

    /**
     * A description of the planned sections, in order; the accepted ones (all but
     * {@link SectionPlan.Rejected}) form the BUNDLE group.
     *
     * @param sections the m= sections
     * @param local    our transport; setup {@code actpass} in offers, {@code active} or
     *                 {@code passive} in answers
     * @return the description, its version one more than the last this writer wrote
     * @throws IllegalArgumentException if {@code local}'s setup is {@code holdconn}
     */
    public SessionDescription write(List<SectionPlan> sections, LocalTransport local) {
        if (local.setup() == Setup.HOLDCONN) {
            throw new IllegalArgumentException("a=setup:holdconn is not used by WebRTC");
        }
        SessionDescription.Builder session = session();
        List<String> bundle = new ArrayList<>();
        boolean first = true;
        for (SectionPlan p : sections) {
            if (p instanceof SectionPlan.Rejected r) {
                session.media(rejected(r));
                continue;
            }
            MediaDescription.Builder b;
            if (p instanceof SectionPlan.Data d) {
                b = dataSection(local, d.legacy(), first);
            } else {
                b = mediaSection((SectionPlan.Media) p, local, first);
            }
            b.mid(p.mid());
            session.media(b.build());
            bundle.add(p.mid());
            first = false;
        }
        if (!bundle.isEmpty()) {
            session.bundle(bundle.toArray(new String[0]));
        }
        return session.build();
    }

    private SessionDescription.Builder session() {
        // JSEP §5.2.1: the version starts anywhere and grows by one per description.
        return SessionDescription.builder().origin("-", sessionId, ++version, "127.0.0.1")
                .msidSemantic("WMS");
    }

    /** The transport lines every bundled section repeats; candidates only in the first. */
    private static void transport(MediaDescription.Builder b, LocalTransport local, boolean first) {
        SdpCandidate defaultCandidate = !first || local.candidates().isEmpty() ? null : local.candidates().get(0);
        String address = defaultCandidate == null || defaultCandidate.isFqdn() ? "0.0.0.0" : defaultCandidate.address();
        b.connection(Connection.of(address));
        if (first) {
            for (SdpCandidate c : local.candidates()) {
                b.candidate(c);
            }
            if (local.endOfCandidates()) {
                b.endOfCandidates();
            }
        }
        b.iceUfrag(local.iceUfrag()).icePwd(local.icePwd()).iceOptions("trickle");
        local.fingerprints().forEach(b::fingerprint);
        b.setup(local.setup());
    }

    private static int port(LocalTransport local, boolean first) {
        return first && !local.candidates().isEmpty() ? local.candidates().get(0).port() : 9;
    }

    private static MediaDescription.Builder dataSection(LocalTransport local, boolean legacy, boolean first) {
        int port = port(local, first);
        MediaDescription.Builder b = legacy
                ? MediaDescription.builder("application", port, "DTLS/SCTP", Integer.toString(local.sctpPort()))
                : MediaDescription.builder("application", port, SCTP_PROTOCOL, DATA_CHANNEL_FORMAT);
        transport(b, local, first);
        if (legacy) {
            b.attribute(new SctpMap(local.sctpPort(), DATA_CHANNEL_FORMAT, LEGACY_STREAMS));
        } else {
            b.sctpPort(local.sctpPort());
        }
        b.maxMessageSize(local.maxMessageSize());
        return b;
    }

    private static MediaDescription.Builder mediaSection(SectionPlan.Media m, LocalTransport local, boolean first) {
        List<String> formats = new ArrayList<>();
        for (MediaCodec c : m.codecs()) {
            formats.add(Integer.toString(c.payloadType()));
            if (c.rtxPayloadType() >= 0) {
                formats.add(Integer.toString(c.rtxPayloadType()));
            }
        }
        MediaDescription.Builder b = MediaDescription.builder(m.kind(), port(local, first), RTP_PROTOCOL,
                formats.toArray(new String[0]));
        transport(b, local, first);
        for (ExtMap e : m.extensions()) {
            b.extmap(e);
        }
        b.direction(Direction.fromSdpName(m.direction()));
        SectionPlan.SendSource s = m.source();
        if (s != null) {
            if (s.streamIds().isEmpty()) {
                b.msid("-", s.trackId());
            }
            for (String stream : s.streamIds()) {
                b.msid(stream, s.trackId());
            }
        }
        b.rtcpMux().rtcpRsize();
        boolean audio = "audio".equals(m.kind());
        for (MediaCodec c : m.codecs()) {
            String channels = audio && c.channels() > 1 ? Integer.toString(c.channels()) : null;
            b.rtpMap(new RtpMap(c.payloadType(), c.name(), c.clockRate(), channels));
            for (RtcpFb f : c.feedback()) {
                b.rtcpFb(RtcpFb.of(c.payloadType(), f.type(), f.parameter()));
            }
            if (!c.fmtp().isEmpty()) {
                b.fmtp(new Fmtp(Integer.toString(c.payloadType()), c.fmtp()));
            }
            if (c.rtxPayloadType() >= 0) {
                b.rtpMap(new RtpMap(c.rtxPayloadType(), "rtx", c.clockRate(), null));
                b.fmtp(Fmtp.of(c.rtxPayloadType(), new Parameter("apt", Integer.toString(c.payloadType()))));
            }
        }
        if (s != null) {
            String msid = String.join(" ", s.streamIds().isEmpty() ? "-" : s.streamIds().get(0), s.trackId());
            if (s.rtxSsrc() != 0) {
                b.ssrcGroup("FID", s.ssrc(), s.rtxSsrc());
            }
            b.ssrc(s.ssrc(), "cname", s.cname());
            b.ssrc(s.ssrc(), "msid", msid);
            if (s.rtxSsrc() != 0) {
                b.ssrc(s.rtxSsrc(), "cname", s.cname());
                b.ssrc(s.rtxSsrc(), "msid", msid);
            }
        }
        return b;
    }

    private static MediaDescription rejected(SectionPlan.Rejected r) {
        List<String> formats = r.formats().isEmpty() ? List.of("0") : r.formats();
        MediaDescription.Builder b = MediaDescription.builder(r.media(), 0, r.protocol(), formats.toArray(new String[0]));
        b.connection("0.0.0.0");
        if (r.mid() != null) {
            b.mid(r.mid());
        }
        return b.build();
    }
}
