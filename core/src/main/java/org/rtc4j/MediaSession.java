package org.rtc4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.rtc4j.rtp.RtpPacket;
import org.rtc4j.rtp.RtpParseException;
import org.rtc4j.rtp.ext.ExtensionUris;
import org.rtc4j.rtp.ext.SdesExtension;
import org.rtc4j.rtp.rtcp.Bye;
import org.rtc4j.rtp.rtcp.FullIntraRequest;
import org.rtc4j.rtp.rtcp.GenericNack;
import org.rtc4j.rtp.rtcp.PictureLossIndication;
import org.rtc4j.rtp.rtcp.ReceiverReport;
import org.rtc4j.rtp.rtcp.ReportBlock;
import org.rtc4j.rtp.rtcp.RtcpPacket;
import org.rtc4j.rtp.rtcp.RtcpParser;
import org.rtc4j.rtp.rtcp.SenderReport;
import org.rtc4j.rtp.rtcp.SourceDescription;
import org.rtc4j.rtp.session.ReceiveStream;
import org.rtc4j.rtp.session.RtcpCompound;
import org.rtc4j.rtp.session.RtcpInterval;
import org.rtc4j.rtp.session.SendStream;
import org.rtc4j.srtp.SrtpSession;
import org.rtc4j.srtp.SrtpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media half of one connection, on its loop: SRTP in place on every packet, incoming RTP
 * routed to its receiver by SSRC, then by the mid header extension, then by a payload type only
 * one section uses (RFC 8843 §9.2), incoming RTCP handed to the streams it is about, and the
 * compound RTCP reports sent at RFC 3550 intervals. What cannot be routed or authenticated is
 * dropped and counted, never delivered.
 */
final class MediaSession {

    private static final Logger LOG = LoggerFactory.getLogger(MediaSession.class);
    // libwebrtc reports once a second on video; RFC 3550 §6.2 lets a busy session go below 5 s.
    private static final long RTCP_INTERVAL_MICROS = 1_000_000;
    // The peer may finish DTLS and send media before our handshake thread hands us the keys:
    // keep that much (a key frame's worth) rather than lose the stream's first frame.
    private static final int MAX_EARLY = 256;
    private static final long KEY_FRAME_REQUEST_INTERVAL_MS = 500;
    private static final long DEFAULT_RTT_MS = 100;

    /** Where protected datagrams go: the bytes are read (sent or copied) before it returns. */
    interface Transport {
        void send(byte[] buffer, int offset, int length);
    }

    private final RTCPeerConnection pc;
    private Transport transport;
    private long nackDueMs = Long.MAX_VALUE;
    private final List<RTCRtpTransceiver> transceivers;
    private final Map<Long, RTCRtpReceiver> receiversBySsrc = new HashMap<>();
    // The last SSRC routed and where: a stream's packets come in runs, and this spares each one
    // a boxed lookup. Cleared whenever receiversBySsrc changes.
    private long lastSsrc = -1;
    private RTCRtpReceiver lastReceiver;
    private final RtpPacket view = new RtpPacket();
    private final RtcpInterval interval = new RtcpInterval(RTCP_INTERVAL_MICROS, ThreadLocalRandom.current());
    private final long rtcpSsrc = ThreadLocalRandom.current().nextLong(1, 1L << 32);
    private final String cname;
    private SrtpSession srtp;
    // Made on first use: a data-only connection never builds its SRTP ciphers.
    private java.util.function.Supplier<SrtpSession> srtpFactory;
    private long nextReportMicros = Long.MAX_VALUE;
    private boolean reducedSize;
    private final java.util.ArrayDeque<byte[]> early = new java.util.ArrayDeque<>();

    long rtpUnroutable;
    long rtpMalformed;
    long rtcpMalformed;
    long rtpBeforeKeys;
    long rtcpPacketsSent;
    long rtcpPacketsReceived;

    MediaSession(RTCPeerConnection pc, List<RTCRtpTransceiver> transceivers, String cname, Transport transport) {
        this.pc = pc;
        this.transceivers = transceivers;
        this.cname = cname;
        this.transport = transport;
    }

    /**
     * Sends through {@code t} from now on instead of the connection's transport: the in-process
     * forwarding benchmark measures the path up to the socket this way. Loop thread.
     */
    void divertTransport(Transport t) {
        this.transport = java.util.Objects.requireNonNull(t);
    }

    /** The keys from the DTLS handshake: media may flow. */
    void keys(java.util.function.Supplier<SrtpSession> session, long nowMs) {
        this.srtpFactory = session;
        nextReportMicros = interval.first(monoMicros(nowMs));
        for (byte[] d; (d = early.poll()) != null; ) {
            int b1 = d[1] & 0xff;
            if (b1 >= 192 && b1 <= 223) {
                handleRtcp(d, 0, d.length);
            } else {
                handleRtp(d, 0, d.length);
            }
        }
    }

    private boolean early(byte[] data, int off, int len) {
        if (early.size() < MAX_EARLY) {
            early.add(java.util.Arrays.copyOfRange(data, off, off + len));
        } else {
            rtpBeforeKeys++;
        }
        return true;
    }

    boolean keyed() {
        return srtpFactory != null;
    }

    /** The SRTP session if media has used it (for stats, which must not build it). */
    SrtpSession srtpIfBuilt() {
        return srtp;
    }

    /** The SRTP session, built from the DTLS keys on first use; null before the handshake. */
    SrtpSession srtp() {
        if (srtp == null && srtpFactory != null) {
            srtp = srtpFactory.get();
        }
        return srtp;
    }

    int srtpOverhead() {
        return srtp() == null ? 16 : srtp.profile().srtpOverhead();
    }

    long nowMs() {
        return pc.nowMs();
    }

    long unixMicros() {
        return pc.unixMicros();
    }

    String cname() {
        return cname;
    }

    void reducedSize(boolean rsize) {
        this.reducedSize = rsize;
    }

    /** Maps a remote SSRC that the description announced (a=ssrc) to its receiver. */
    void announce(long ssrc, RTCRtpReceiver r) {
        receiversBySsrc.put(ssrc, r);
        lastReceiver = null;
    }

    /** Forgets the remote SSRCs of a receiver whose section went away. */
    void forget(RTCRtpReceiver r) {
        receiversBySsrc.values().removeIf(x -> x == r);
        lastReceiver = null;
    }

    // ================================================================== outgoing

    /**
     * Protects (in place) and sends one RTP packet of {@code rtpLength} bytes at the start of
     * {@code packet}, which has the tailroom for the tag; the array may be reused once this returns.
     */
    void sendRtp(byte[] packet, int rtpLength) {
        int n = srtp().protectRtp(packet, 0, rtpLength);
        transport.send(packet, 0, n);
    }

    /**
     * Moves what was queued on the transport out after the loop's current work, so that every
     * packet a read burst forwards leaves in one flush (and one GSO send).
     */
    void flush() {
        pc.flushSoon();
    }

    /** Sends compound (or reduced-size feedback) RTCP. */
    void sendRtcp(List<RtcpPacket> packets, boolean feedbackOnly) {
        if (srtp() == null) {
            return;
        }
        byte[] plain = feedbackOnly && reducedSize ? RtcpParser.write(packets) : RtcpCompound.build(withSdes(packets),
                false);
        byte[] buf = java.util.Arrays.copyOf(plain, plain.length + srtp.profile().srtcpOverhead());
        int n = srtp.protectRtcp(buf, 0, plain.length);
        rtcpPacketsSent++;
        transport.send(buf, 0, n);
    }

    private List<RtcpPacket> withSdes(List<RtcpPacket> packets) {
        List<RtcpPacket> out = new ArrayList<>(packets);
        boolean report = out.stream().anyMatch(p -> p instanceof SenderReport || p instanceof ReceiverReport);
        if (!report) {
            out.add(0, new ReceiverReport(reportingSsrc(), List.of()));
        }
        out.add(SourceDescription.cname(reportingSsrc(), cname));
        return out;
    }

    /** The SSRC our reports and feedback come from: the first sending stream's, else our own. */
    long reportingSsrc() {
        for (RTCRtpTransceiver t : transceivers) {
            RtpSendStream s = t.sender().stream();
            if (s.stats() != null && s.stats().hasSent() && !t.stopped()) {
                return s.ssrc();
            }
        }
        return rtcpSsrc;
    }

    /**
     * A receiver cannot decode on (its stream began without a key frame, or frames were lost):
     * asks the sender for one, at most every {@value #KEY_FRAME_REQUEST_INTERVAL_MS} ms.
     */
    void keyFrameNeeded(RTCRtpReceiver r) {
        RtpReceiveStream s = r.stream();
        long now = nowMs();
        if (now - s.lastKeyFrameRequestMs >= KEY_FRAME_REQUEST_INTERVAL_MS) {
            s.lastKeyFrameRequestMs = now;
            // Called while the stack moves an incoming packet: its flush sends the request.
            sendKeyFrameRequest(r);
        }
    }

    /** The application asked (outside the stack's flush): send the request now. */
    void requestKeyFrame(RTCRtpReceiver r) {
        sendKeyFrameRequest(r);
        pc.flushTransport();
    }

    private void sendKeyFrameRequest(RTCRtpReceiver r) {
        RtpReceiveStream s = r.stream();
        long media = s.mediaSsrc();
        if (srtp() == null || media < 0) {
            return;
        }
        org.rtc4j.jsep.MediaCodec c = s.currentCodec();
        boolean firOnly = c != null && !c.hasFeedback("nack", "pli") && c.hasFeedback("ccm", "fir");
        RtcpPacket p;
        if (firOnly) {
            s.firSent++;
            p = new FullIntraRequest(reportingSsrc(), List.of(new FullIntraRequest.Entry(media, (int) (s.firSent & 0xFF))));
        } else {
            s.pliSent++;
            p = new PictureLossIndication(reportingSsrc(), media);
        }
        sendRtcp(List.of(p), true);
    }

    /** BYE for a sender that stops (RFC 3550 §6.6). */
    void bye(RtpSendStream s) {
        s.releaseHistory();
        if (keyed() && s.stats() != null && s.stats().hasSent()) {
            sendRtcp(List.of(new ReceiverReport(s.ssrc(), List.of()), s.stats().bye()), false);
        }
    }

    /** A receive stream has a hole to ask for at {@code atMs}. */
    void nackDue(long atMs) {
        if (atMs < nackDueMs) {
            nackDueMs = atMs;
        }
    }

    long nextTimeoutMs() {
        // No transceiver, no RTP: a data-only connection's loop is not woken for reports.
        if (transceivers.isEmpty()) {
            return Long.MAX_VALUE;
        }
        long report = nextReportMicros == Long.MAX_VALUE ? Long.MAX_VALUE : nextReportMicros / 1000;
        return Math.min(report, nackDueMs);
    }

    void handleTimeout(long nowMs) {
        if (transceivers.isEmpty()) {
            return;
        }
        if (nowMs >= nackDueMs) {
            sendNacks(nowMs);
        }
        long now = monoMicros(nowMs);
        if (now < nextReportMicros) {
            return;
        }
        nextReportMicros = interval.next(now);
        sendReports();
    }

    // Every receive stream's due NACKs in one feedback datagram (RFC 4585 §3.5.1 allows early
    // feedback; rtcp-rsize makes it small).
    private void sendNacks(long nowMs) {
        long rtt = rttMs();
        long sender = reportingSsrc();
        List<RtcpPacket> nacks = null;
        long next = Long.MAX_VALUE;
        for (RTCRtpTransceiver t : transceivers) {
            if (t.stopped()) {
                continue;
            }
            RtpReceiveStream s = t.receiver().stream();
            GenericNack n = s.pollNack(sender, nowMs, rtt);
            if (n != null) {
                if (nacks == null) {
                    nacks = new ArrayList<>(2);
                }
                nacks.add(n);
            }
            next = Math.min(next, s.nackDueMs());
        }
        nackDueMs = next;
        if (nacks != null) {
            sendRtcp(nacks, true);
        }
    }

    // The round trip our own sender reports measured, for spacing NACK retries; 100 ms (the
    // usual default) until one is known (a receive-only endpoint never learns one from RTCP).
    private long rttMs() {
        double best = Double.NaN;
        for (RTCRtpTransceiver t : transceivers) {
            SendStream s = t.sender().stream().stats();
            if (s != null && !Double.isNaN(s.roundTripTimeSeconds())) {
                best = Double.isNaN(best) ? s.roundTripTimeSeconds() : Math.min(best, s.roundTripTimeSeconds());
            }
        }
        return Double.isNaN(best) ? DEFAULT_RTT_MS : Math.max(1, Math.round(best * 1000));
    }

    private static long monoMicros(long ms) {
        return ms * 1000;
    }

    private void sendReports() {
        if (srtp() == null) {
            return;
        }
        long unix = unixMicros();
        List<ReportBlock> blocks = new ArrayList<>();
        for (RTCRtpTransceiver t : transceivers) {
            if (t.stopped()) {
                continue;
            }
            for (ReceiveStream r : t.receiver().stream().streams().values()) {
                ReportBlock b = r.reportBlock(unix);
                if (b != null && blocks.size() < 31) {
                    blocks.add(b);
                }
            }
        }
        List<RtcpPacket> packets = new ArrayList<>();
        boolean blocksPlaced = false;
        for (RTCRtpTransceiver t : transceivers) {
            SendStream s = t.sender().stream().stats();
            if (s != null && s.hasSent() && !t.stopped()) {
                packets.add(s.senderReport(unix, blocksPlaced ? List.of() : blocks));
                blocksPlaced = true;
            }
        }
        if (!blocksPlaced) {
            if (blocks.isEmpty()) {
                return; // nothing sent, nothing received: nothing to report
            }
            packets.add(new ReceiverReport(rtcpSsrc, blocks));
        }
        List<RtcpPacket> compound = new ArrayList<>(packets);
        compound.add(SourceDescription.cname(reportingSsrc(), cname));
        byte[] plain = RtcpCompound.build(compound, false);
        byte[] buf = java.util.Arrays.copyOf(plain, plain.length + srtp.profile().srtcpOverhead());
        int n = srtp.protectRtcp(buf, 0, plain.length);
        rtcpPacketsSent++;
        transport.send(buf, 0, n);
    }

    // ================================================================== incoming

    /**
     * One SRTP datagram from the transport, lent for the call: it is unprotected in place, and
     * whatever keeps any of it copies.
     */
    void handleRtp(byte[] data, int off, int length) {
        if (srtp() == null) {
            early(data, off, length);
            return;
        }
        SrtpStatus st = srtp.unprotectRtp(data, off, length);
        if (st != SrtpStatus.OK) {
            return; // counted by the SRTP session per status
        }
        int len = length - srtp.profile().srtpOverhead();
        try {
            view.wrap(data, off, len);
        } catch (RtpParseException e) {
            rtpMalformed++;
            return;
        }
        RTCRtpReceiver r = route(view);
        if (r == null) {
            rtpUnroutable++;
            return;
        }
        r.stream().onPacket(view, unixMicros(), nowMs());
    }

    private RTCRtpReceiver route(RtpPacket p) {
        long ssrc = p.ssrc();
        if (ssrc == lastSsrc && lastReceiver != null) {
            return lastReceiver;
        }
        RTCRtpReceiver r = receiversBySsrc.get(ssrc);
        if (r != null) {
            lastSsrc = ssrc;
            lastReceiver = r;
            return r;
        }
        String mid = readMid(p);
        if (mid != null) {
            for (RTCRtpTransceiver t : transceivers) {
                if (mid.equals(t.mid()) && !t.stopped() && receiving(t)) {
                    bind(ssrc, t.receiver(), p);
                    return t.receiver();
                }
            }
            return null;
        }
        RTCRtpReceiver only = null;
        for (RTCRtpTransceiver t : transceivers) {
            if (t.mid() != null && !t.stopped() && receiving(t) && t.receiver().stream().takesPayloadType(p.payloadType())) {
                if (only != null) {
                    return null; // ambiguous: two sections use this payload type
                }
                only = t.receiver();
            }
        }
        if (only != null) {
            bind(ssrc, only, p);
        }
        return only;
    }

    private static boolean receiving(RTCRtpTransceiver t) {
        RTCRtpTransceiverDirection d = t.currentDirection();
        return d != null && d.receives();
    }

    private void bind(long ssrc, RTCRtpReceiver r, RtpPacket p) {
        receiversBySsrc.put(ssrc, r);
        lastReceiver = null;
        if (r.stream().isRtxPayloadType(p.payloadType())) {
            r.stream().expectSsrcs(-1, ssrc);
        }
        LOG.debug("SSRC {} routed to {}", ssrc, r.transceiver());
    }

    private String readMid(RtpPacket p) {
        if (!p.hasExtension()) {
            return null;
        }
        for (RTCRtpTransceiver t : transceivers) {
            int id = t.midExtensionId();
            if (id > 0) {
                int off = p.extensionOffset(id);
                if (off >= 0) {
                    try {
                        return SdesExtension.read(p.buffer(), off, p.extensionLength(id));
                    } catch (RtpParseException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    /** One SRTCP datagram from the transport, lent for the call (unprotected in place). */
    void handleRtcp(byte[] data, int off, int length) {
        if (srtp() == null) {
            early(data, off, length);
            return;
        }
        if (srtp.unprotectRtcp(data, off, length) != SrtpStatus.OK) {
            return;
        }
        int len = length - srtp.profile().srtcpOverhead();
        List<RtcpPacket> packets;
        try {
            packets = RtcpParser.parse(data, off, len);
        } catch (RtpParseException e) {
            rtcpMalformed++;
            return;
        }
        rtcpPacketsReceived++;
        long arrival = unixMicros();
        for (RtcpPacket p : packets) {
            if (p instanceof SenderReport sr) {
                RTCRtpReceiver r = receiversBySsrc.get(sr.ssrc());
                ReceiveStream s = r == null ? null : r.stream().stats(sr.ssrc());
                if (s != null) {
                    s.onSenderReport(sr, arrival);
                }
                reportBlocks(sr.reports(), arrival);
            } else if (p instanceof ReceiverReport rr) {
                reportBlocks(rr.reports(), arrival);
            } else if (p instanceof PictureLossIndication pli) {
                RtpSendStream s = sendStream(pli.mediaSsrc());
                if (s != null) {
                    s.onPli();
                }
            } else if (p instanceof FullIntraRequest fir) {
                for (FullIntraRequest.Entry e : fir.entries()) {
                    RtpSendStream s = sendStream(e.ssrc());
                    if (s != null) {
                        s.onFir(e.sequenceNumber());
                    }
                }
            } else if (p instanceof GenericNack nack) {
                RtpSendStream s = sendStream(nack.mediaSsrc());
                if (s != null) {
                    int[] seqs = nack.lost().stream().mapToInt(Integer::intValue).toArray();
                    s.onNack(seqs);
                }
            } else if (p instanceof Bye bye) {
                for (long ssrc : bye.ssrcs()) {
                    RTCRtpReceiver r = receiversBySsrc.remove(ssrc);
                    lastReceiver = null;
                    if (r != null) {
                        LOG.debug("peer said BYE for SSRC {}", ssrc);
                    }
                }
            }
        }
    }

    private void reportBlocks(List<ReportBlock> blocks, long arrival) {
        for (ReportBlock b : blocks) {
            RtpSendStream s = sendStream(b.ssrc());
            if (s != null && s.stats() != null) {
                s.stats().onReportBlock(b, arrival);
            }
        }
    }

    private RtpSendStream sendStream(long ssrc) {
        for (RTCRtpTransceiver t : transceivers) {
            RtpSendStream s = t.sender().stream();
            if (s.ssrc() == ssrc) {
                return s;
            }
        }
        return null;
    }

    /** The mid extension is read with this id: the first a transceiver negotiated. */
    static boolean isMidUri(String uri) {
        return ExtensionUris.MID.equals(uri);
    }
}
