package org.rtc4j;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.rtc4j.jsep.CodecCatalog;
import org.rtc4j.jsep.MediaCodec;
import org.rtc4j.rtp.RtpHeader;
import org.rtc4j.rtp.RtpPacket;
import org.rtc4j.rtp.RtpParseException;
import org.rtc4j.rtp.codec.AudioPayloader;
import org.rtc4j.rtp.codec.Av1Payloader;
import org.rtc4j.rtp.codec.H264Payloader;
import org.rtc4j.rtp.codec.OpusPayloader;
import org.rtc4j.rtp.codec.Payloader;
import org.rtc4j.rtp.codec.Vp8Payloader;
import org.rtc4j.rtp.codec.Vp9Payloader;
import org.rtc4j.rtp.ext.AbsSendTime;
import org.rtc4j.rtp.ext.ExtensionUris;
import org.rtc4j.rtp.ext.SdesExtension;
import org.rtc4j.rtp.repair.RtxSendBuffer;
import org.rtc4j.rtp.session.SendStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTP side of one {@link RTCRtpSender}, on the connection's loop: turns frames into packets
 * with the rtp module's payloader for the negotiated codec, or rewrites forwarded packets (SSRC,
 * payload type, sequence numbers and timestamps continuous across a change of source), adds the
 * mid and abs-send-time extensions, keeps the RTX history that answers NACKs, and counts what
 * sender reports and getStats say.
 */
final class RtpSendStream {

    private static final Logger LOG = LoggerFactory.getLogger(RtpSendStream.class);
    // Room for the largest SRTP tag (AES-GCM) within a 1200-byte datagram.
    static final int MAX_RTP = 1200 - 16;
    private static final int RTX_HISTORY = 256;
    // A forwarded packet may arrive at the usual 1200 bytes and gain our extensions (at most 40);
    // with SRTP, UDP and IPv4 around it that still fits a 1280-byte path.
    private static final int MAX_FORWARDED = 1200 + 40;
    /** The largest SRTP tag and trailer any profile adds (AES-GCM's 16 bytes). */
    private static final int MAX_SRTP_OVERHEAD = 16;
    /**
     * Where each outgoing packet is written and protected, one per loop thread: the transport
     * reads it before the send returns, so sending allocates nothing per packet.
     */
    private static final io.netty.util.concurrent.FastThreadLocal<byte[]> OUT =
            new io.netty.util.concurrent.FastThreadLocal<>() {
                @Override
                protected byte[] initialValue() {
                    return new byte[MAX_FORWARDED + MAX_SRTP_OVERHEAD];
                }
            };

    // Where retransmissions are written and protected (the packet, its OSN and the SRTP tag).
    private static final io.netty.util.concurrent.FastThreadLocal<byte[]> RTX_OUT =
            new io.netty.util.concurrent.FastThreadLocal<>() {
                @Override
                protected byte[] initialValue() {
                    return new byte[MAX_FORWARDED + 2 + MAX_SRTP_OVERHEAD];
                }
            };
    private static final long RTX_MAX_AGE_MS = 1000;
    static final long KEY_FRAME_REQUEST_MIN_INTERVAL_MS = 300;
    private static final long RTX_MIN_RESEND_INTERVAL_MS = 5;

    private final RTCRtpSender sender;
    private final String kind;
    private final long ssrc;
    private final long rtxSsrc;
    private final RtpHeader header = new RtpHeader();
    private final RtpPacket view = new RtpPacket();

    private List<MediaCodec> codecs = List.of();
    private List<RTCRtpHeaderExtensionParameters> extensions = List.of();
    private int midId = -1;
    private int absSendTimeId = -1;
    private byte[] midValue;
    private MediaSession session;
    private boolean sending;

    private MediaCodec codec;
    private Payloader payloader;
    private RtxSendBuffer rtx;
    private SendStream stats;
    private int sequence = ThreadLocalRandom.current().nextInt(1 << 16);
    private final long timestampBase = ThreadLocalRandom.current().nextLong(1L << 32);
    private long lastTimestamp = -1;
    private long lastTimestampAtMs;
    private boolean firstAudioPacket = true;

    // Frame timing: a running total of durations, or the first explicit timestamp as anchor.
    private long elapsedMicros;
    private long anchorTimestamp = -1;
    private long anchorOut;
    // RTP forwarding: the offsets that map the current source onto our numbering.
    private Object rtpSource;
    private long rtpSourceSsrc = -1;
    private int sequenceDelta;
    private long timestampDelta;

    long framesSent;
    long keyFramesSent;
    long framesDiscarded;
    long packetsDiscarded;
    long nackCount;
    long keyFrameRequestsCoalesced;
    private long lastKeyFrameRequestMs = Long.MIN_VALUE / 2;
    private int lastFirSequence = -1;
    long pliCount;
    long firCount;
    long retransmittedPacketsSent;
    long retransmittedBytesSent;

    RtpSendStream(RTCRtpSender sender, String kind, long ssrc, long rtxSsrc) {
        this.sender = sender;
        this.kind = kind;
        this.ssrc = ssrc;
        this.rtxSsrc = rtxSsrc;
    }

    long ssrc() {
        return ssrc;
    }

    long rtxSsrc() {
        return rtxSsrc;
    }

    List<MediaCodec> negotiatedCodecs() {
        return codecs;
    }

    List<RTCRtpHeaderExtensionParameters> headerExtensions() {
        return extensions;
    }

    MediaCodec codec() {
        return codec;
    }

    SendStream stats() {
        return stats;
    }

    /**
     * Takes what the last negotiation settled for this sender.
     *
     * @param sendCodecs the codecs the peer takes, preferred first
     * @param ext        the negotiated header extensions
     * @param mid        the section's mid
     * @param send       whether the negotiated direction sends
     */
    void negotiated(MediaSession s, List<MediaCodec> sendCodecs, List<RTCRtpHeaderExtensionParameters> ext,
            String mid, boolean send) {
        this.session = s;
        this.codecs = List.copyOf(sendCodecs);
        this.extensions = List.copyOf(ext);
        this.midId = -1;
        this.absSendTimeId = -1;
        for (RTCRtpHeaderExtensionParameters e : ext) {
            if (ExtensionUris.MID.equals(e.uri())) {
                midId = e.id();
            } else if (ExtensionUris.ABS_SEND_TIME.equals(e.uri())) {
                absSendTimeId = e.id();
            }
        }
        this.midValue = mid == null ? null : SdesExtension.encode(mid);
        this.sending = send;
        chooseCodec();
    }

    /** The sender's track changed: pick the codec for it and start a new source mapping. */
    void sourceChanged() {
        rtpSource = null;
        anchorTimestamp = -1;
        chooseCodec();
    }

    private void chooseCodec() {
        LocalTrack t = sender.track();
        MediaCodec chosen = null;
        if (t != null) {
            for (MediaCodec c : codecs) {
                if (!c.isTelephoneEvent() && matches(t.codec(), c)) {
                    chosen = c;
                    break;
                }
            }
        }
        // The history exists while the sender sends with NACK negotiated: a stopped sender's was
        // released (releaseHistory), and one that sends again gets a new one.
        if (chosen != null && sending && chosen.hasFeedback("nack", null)
                && (rtx == null || codec == null || codec.rtxPayloadType() != chosen.rtxPayloadType())) {
            rtx = new RtxSendBuffer(RTX_HISTORY, MAX_FORWARDED, chosen.rtxPayloadType(), rtxSsrc,
                    ThreadLocalRandom.current().nextInt(1 << 16));
        }
        if (chosen != null && !chosen.equals(codec)) {
            payloader = payloaderFor(chosen);
            if (stats == null || stats.clockRate() != chosen.clockRate()) {
                stats = new SendStream(ssrc, chosen.clockRate());
            }
        } else if (t != null && chosen == null && !codecs.isEmpty()) {
            LOG.warn("{}: the peer takes none of {}'s codec {}", sender, t, t.codec().mimeType());
        }
        codec = chosen;
    }

    static boolean matches(RTCRtpCodecCapability track, MediaCodec c) {
        if (!track.name().equalsIgnoreCase(c.name()) || track.clockRate() != c.clockRate()) {
            return false;
        }
        if (c.key().equals("h264")) {
            // The track's bitstream must be what the peer takes: same profile and mode.
            String fmtp = track.sdpFmtpLine() == null ? "" : track.sdpFmtpLine();
            return CodecCatalog.sameH264Format(fmtp, c);
        }
        return true;
    }

    private static Payloader payloaderFor(MediaCodec c) {
        switch (c.key()) {
            case "opus": return new OpusPayloader();
            case "pcmu": case "pcma": case "g722": return new AudioPayloader();
            case "vp8": return new Vp8Payloader(ThreadLocalRandom.current().nextInt(1 << 15));
            case "vp9": return new Vp9Payloader(ThreadLocalRandom.current().nextInt(1 << 15));
            case "h264": return new H264Payloader();
            case "av1": return new Av1Payloader();
            default: throw new IllegalArgumentException("no payloader for " + c.name().toLowerCase(Locale.ROOT));
        }
    }

    private boolean ready(LocalTrack source) {
        return session != null && sending && codec != null && session.keyed() && source == sender.track()
                && sender.active() && source != null && source.enabled();
    }

    /** Packetizes and sends one frame from {@code source} (ignored if it is no longer the track). */
    void sendFrame(LocalTrack source, EncodedFrame frame) {
        if (!ready(source) || !(source instanceof LocalFrameTrack)) {
            framesDiscarded++;
            return;
        }
        long ts = frameTimestamp(frame);
        int extBytes = extensionReserve();
        List<byte[]> payloads;
        try {
            payloads = payloader.payload(MAX_RTP - RtpPacket.FIXED_HEADER - extBytes, frame.data(), 0, frame.data().length);
        } catch (IllegalArgumentException | RtpParseException e) {
            framesDiscarded++;
            LOG.debug("{}: frame not sent: {}", sender, e.getMessage());
            return;
        }
        long nowMs = session.nowMs();
        boolean video = payloader.markerOnLastPacket();
        for (int i = 0; i < payloads.size(); i++) {
            byte[] p = payloads.get(i);
            boolean marker = video ? i == payloads.size() - 1 : firstAudioPacket;
            firstAudioPacket = false;
            header.clear().payloadType(codec.payloadType()).ssrc(ssrc).timestamp(ts).sequenceNumber(sequence)
                    .marker(marker);
            addExtensions(nowMs);
            sequence = (sequence + 1) & 0xFFFF;
            send(p, 0, p.length, 0, ts, nowMs);
        }
        framesSent++;
        if (frame.keyFrame()) {
            keyFramesSent++;
        }
        remember(ts, nowMs);
        session.flush();
    }

    private long frameTimestamp(EncodedFrame frame) {
        long ts;
        if (frame.rtpTimestamp() >= 0) {
            if (anchorTimestamp < 0) {
                anchorTimestamp = frame.rtpTimestamp();
                anchorOut = continuedTimestamp();
            }
            ts = anchorOut + (frame.rtpTimestamp() - anchorTimestamp);
        } else {
            anchorTimestamp = -1;
            if (lastTimestamp < 0) {
                ts = timestampBase;
            } else {
                ts = lastTimestamp + elapsedMicros * codec.clockRate() / 1_000_000;
                // An unknown duration, or a pause (track disabled, replaced, inactive): the
                // timestamp follows the wall clock, as the sender reports' mapping does.
                long wall = continuedTimestamp();
                if (elapsedMicros == 0 || ((wall - ts) & 0xFFFFFFFFL) < 0x8000_0000L
                        && ((wall - ts) & 0xFFFFFFFFL) > codec.clockRate() / 4) {
                    ts = wall;
                }
            }
            elapsedMicros = frame.durationMicros();
            return ts & 0xFFFFFFFFL;
        }
        return ts & 0xFFFFFFFFL;
    }

    // Where a new source's timestamps start: after the last one we sent, by the time since.
    private long continuedTimestamp() {
        if (lastTimestamp < 0) {
            return timestampBase;
        }
        long ms = Math.max(1, session.nowMs() - lastTimestampAtMs);
        return lastTimestamp + ms * codec.clockRate() / 1000;
    }

    private void remember(long ts, long nowMs) {
        lastTimestamp = ts;
        lastTimestampAtMs = nowMs;
    }

    /** Rewrites and sends one forwarded RTP packet from {@code source}. */
    void sendRtp(LocalTrack source, byte[] packet, int off, int len) {
        if (!ready(source) || !(source instanceof LocalRtpTrack)) {
            packetsDiscarded++;
            return;
        }
        try {
            view.wrap(packet, off, len);
        } catch (RtpParseException e) {
            packetsDiscarded++;
            return;
        }
        long nowMs = session.nowMs();
        if (rtpSource != source || rtpSourceSsrc != view.ssrc()) {
            rtpSource = source;
            rtpSourceSsrc = view.ssrc();
            sequenceDelta = (sequence - view.sequenceNumber()) & 0xFFFF;
            timestampDelta = (continuedTimestamp() - view.timestamp()) & 0xFFFFFFFFL;
        }
        int seq = (view.sequenceNumber() + sequenceDelta) & 0xFFFF;
        long ts = (view.timestamp() + timestampDelta) & 0xFFFFFFFFL;
        header.clear().payloadType(codec.payloadType()).ssrc(ssrc).timestamp(ts).sequenceNumber(seq)
                .marker(view.marker());
        addExtensions(nowMs);
        // Continue after the newest number we sent, so a switch back never reuses one.
        if (((seq - sequence) & 0xFFFF) < 0x8000) {
            sequence = (seq + 1) & 0xFFFF;
        }
        send(packet, view.payloadOffset(), view.payloadLength(), view.paddingLength(), ts, nowMs);
        remember(ts, nowMs);
        session.flush();
    }

    private int extensionReserve() {
        int n = 0;
        if (midId > 0 && midValue != null) {
            n += 1 + midValue.length;
        }
        if (absSendTimeId > 0) {
            n += 1 + AbsSendTime.SIZE;
        }
        return n == 0 ? 0 : 4 + ((n + 3) & ~3);
    }

    private final byte[] absSendTime = new byte[AbsSendTime.SIZE];

    private void addExtensions(long nowMs) {
        if (midId > 0 && midValue != null) {
            header.addExtension(midId, midValue);
        }
        if (absSendTimeId > 0) {
            AbsSendTime.write(AbsSendTime.fromMicros(nowMs * 1000), absSendTime, 0);
            header.addExtension(absSendTimeId, absSendTime);
        }
    }

    private void send(byte[] payload, int off, int len, int padding, long ts, long nowMs) {
        int overhead = session.srtpOverhead();
        int rtpLen = header.length() + len + padding;
        if (rtpLen > MAX_FORWARDED || overhead > MAX_SRTP_OVERHEAD) {
            packetsDiscarded++;
            return;
        }
        byte[] out = OUT.get();
        header.write(out, 0, payload, off, len, padding);
        if (rtx != null) {
            try {
                rtx.store(out, 0, rtpLen, session.nowMs());
            } catch (RtpParseException | IllegalArgumentException e) {
                LOG.debug("not kept for retransmission: {}", e.getMessage());
            }
        }
        stats.onPacketSent(ts, len, rtpLen - len - padding, padding, session.unixMicros());
        session.sendRtp(out, rtpLen);
    }

    /**
     * Answers a NACK from the RTX history: a packet is resent at most once per round trip, and
     * not at all once older than max(1 s, 3 RTT), when the receiver has long given it up.
     */
    void onNack(int[] sequenceNumbers) {
        nackCount++;
        if (rtx == null || session == null || !session.keyed()) {
            return;
        }
        long now = session.nowMs();
        double rttSeconds = stats == null ? Double.NaN : stats.roundTripTimeSeconds();
        long rtt = Double.isNaN(rttSeconds) ? 0 : Math.round(rttSeconds * 1000);
        long maxAge = Math.max(RTX_MAX_AGE_MS, 3 * rtt);
        long minInterval = Math.max(RTX_MIN_RESEND_INTERVAL_MS, rtt);
        byte[] out = RTX_OUT.get();
        for (int seq : sequenceNumbers) {
            int n = rtx.retransmit(seq, out, 0, now, maxAge, minInterval);
            if (n <= 0) {
                continue;
            }
            retransmittedPacketsSent++;
            retransmittedBytesSent += n;
            session.sendRtp(out, n); // protected in place and copied into the send batch
        }
    }

    /** Whether an RTX history is kept (loop thread). */
    boolean hasHistory() {
        return rtx != null;
    }

    /** The sender stopped: its RTX history goes (a later negotiation that sends makes a new one). */
    void releaseHistory() {
        rtx = null;
    }

    void onPli() {
        pliCount++;
        keyFrameRequest();
    }

    /** A FIR entry for this stream; one repeating the last sequence number is a retransmission (RFC 5104 §4.3.1.2). */
    void onFir(int sequenceNumber) {
        firCount++;
        if (sequenceNumber == lastFirSequence) {
            return;
        }
        lastFirSequence = sequenceNumber;
        keyFrameRequest();
    }

    // A key frame costs several times a delta frame: requests closer together than
    // KEY_FRAME_REQUEST_MIN_INTERVAL_MS (several receivers of a fan-out, a burst of loss, a peer
    // that floods PLI) reach the application once; a receiver still waiting asks again later.
    private void keyFrameRequest() {
        long now = session == null ? 0 : session.nowMs();
        if (now - lastKeyFrameRequestMs < KEY_FRAME_REQUEST_MIN_INTERVAL_MS) {
            keyFrameRequestsCoalesced++;
            return;
        }
        lastKeyFrameRequestMs = now;
        sender.keyFrameRequested();
    }
}
