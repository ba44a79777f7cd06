package org.rtc4j;

import java.util.HashMap;
import java.util.Map;
import org.rtc4j.jsep.MediaCodec;
import org.rtc4j.rtp.RtpPacket;
import org.rtc4j.rtp.RtpParseException;
import org.rtc4j.rtp.codec.AudioPayloader;
import org.rtc4j.rtp.codec.Av1Payloader;
import org.rtc4j.rtp.codec.Depacketizer;
import org.rtc4j.rtp.codec.Frame;
import org.rtc4j.rtp.codec.H264Payloader;
import org.rtc4j.rtp.codec.OpusPayloader;
import org.rtc4j.rtp.codec.SampleBuilder;
import org.rtc4j.rtp.codec.Vp8Payloader;
import org.rtc4j.rtp.codec.Vp9Payloader;
import org.rtc4j.rtp.rtcp.GenericNack;
import org.rtc4j.rtp.repair.NackGenerator;
import org.rtc4j.rtp.repair.RtxSendBuffer;
import org.rtc4j.rtp.session.ReceiveStream;

/**
 * The RTP side of one {@link RTCRtpReceiver}, on the connection's loop: per remote SSRC the
 * reception statistics that receiver reports carry, RTX unwrapped onto its media stream, the
 * NACKs that ask for lost packets again (where negotiated), and the rtp module's sample builder
 * that reassembles frames when the track wants them.
 */
final class RtpReceiveStream {

    // Loss repair: a hole is first asked for after this long (a packet merely reordered usually
    // arrives within it), then again every max(RTT, 20 ms), at most 10 times. More holes than
    // MAX_NACK_HOLES at once is a loss no retransmission will repair in time: a key frame is.
    // That bound also keeps one NACK's FCI list within a datagram.
    static final int NACK_REORDER_GRACE_MS = 5;
    static final int NACK_RETRIES = 10;
    static final int NACK_MIN_INTERVAL_MS = 20;
    static final int MAX_NACK_HOLES = 250;
    // How far (in packets) video may run ahead of a hole before the frame is given up: with
    // NACK, long enough for a few retransmission rounds at a few hundred packets per second;
    // without, about a frame's worth, since nothing will fill it.
    static final int VIDEO_REPAIR_WINDOW = 160;
    static final int VIDEO_WINDOW_WITHOUT_NACK = 48;

    private final RTCRtpReceiver receiver;
    private final Map<Long, ReceiveStream> bySsrc = new HashMap<>();
    private final RtpPacket unwrapped = new RtpPacket();
    // Where an RTX packet's original is rebuilt; what keeps any of it copies.
    private byte[] rtxScratch = new byte[0];
    // The stream of the last packet: a stream's packets come in runs (spares a boxed lookup).
    private ReceiveStream last;
    private Map<Integer, MediaCodec> codecs = Map.of();
    private Map<Integer, Integer> rtxToMedia = Map.of();
    // Payload types whose codec negotiated generic NACK (indexed by PT: no lookup per packet).
    private boolean[] nackPt = new boolean[128];
    private NackGenerator nack;
    private long nackSsrc = -1;
    private long mediaSsrc = -1;
    private long rtxSsrc = -1;
    private MediaCodec current;
    private SampleBuilder builder;
    private int builderPt = -1;
    private long builderSsrc = -1;

    long framesReceived;
    long keyFramesReceived;
    long framesAfterGap;
    long pliSent;
    long firSent;
    long rtxPacketsReceived;
    long rtxPaddingDropped;
    long nackSent;
    long nackSequencesRequested;
    long packetsUnknownPayloadType;
    long lastArrivalUnixMicros;
    long lastRtpTimestamp;
    long lastKeyFrameRequestMs = Long.MIN_VALUE / 2;
    private boolean keyFrameSeen;
    private long lastCsrc = -1;
    private long lastCsrcAtMicros;

    RtpReceiveStream(RTCRtpReceiver receiver) {
        this.receiver = receiver;
    }

    /** The payload types of the local description's section, and which are RTX for which. */
    void negotiated(Map<Integer, MediaCodec> byPt) {
        this.codecs = Map.copyOf(byPt);
        Map<Integer, Integer> rtx = new HashMap<>();
        for (MediaCodec c : byPt.values()) {
            if (c.rtxPayloadType() >= 0) {
                rtx.put(c.rtxPayloadType(), c.payloadType());
            }
        }
        this.rtxToMedia = Map.copyOf(rtx);
        boolean[] nacks = new boolean[128];
        if (receiver.sendsNack()) {
            for (MediaCodec c : byPt.values()) {
                if (c.payloadType() >= 0 && c.payloadType() < 128 && c.hasFeedback("nack", null)) {
                    nacks[c.payloadType()] = true;
                }
            }
        }
        this.nackPt = nacks;
    }

    boolean takesPayloadType(int pt) {
        return codecs.containsKey(pt) || rtxToMedia.containsKey(pt);
    }

    boolean isRtxPayloadType(int pt) {
        return rtxToMedia.containsKey(pt);
    }

    long mediaSsrc() {
        return mediaSsrc;
    }

    void expectSsrcs(long media, long rtx) {
        if (media >= 0) {
            mediaSsrc = media;
        }
        if (rtx >= 0) {
            rtxSsrc = rtx;
        }
    }

    Map<Long, ReceiveStream> streams() {
        return bySsrc;
    }

    MediaCodec currentCodec() {
        return current;
    }

    ReceiveStream stats(long ssrc) {
        return bySsrc.get(ssrc);
    }

    /**
     * One authenticated, parsed RTP packet for this receiver, lent for the call; {@code nowMs} is
     * the connection's monotonic clock.
     */
    void onPacket(RtpPacket p, long arrivalUnixMicros, long nowMs) {
        int pt = p.payloadType();
        Integer apt = rtxToMedia.isEmpty() ? null : rtxToMedia.get(pt);
        if (apt != null) {
            onRtx(p, apt, arrivalUnixMicros, nowMs);
            return;
        }
        MediaCodec c = codecs.get(pt);
        if (c == null) {
            packetsUnknownPayloadType++;
            return;
        }
        long ssrc = p.ssrc();
        ReceiveStream s = last;
        if (s == null || s.ssrc() != ssrc) {
            s = bySsrc.get(ssrc);
            if (s == null) {
                s = new ReceiveStream(ssrc, c.clockRate());
                bySsrc.put(ssrc, s);
                mediaSsrc = ssrc; // a new source is the one to report on and ask key frames from
            }
            last = s;
        }
        if (mediaSsrc < 0) {
            mediaSsrc = ssrc;
        }
        int headerBytes = p.payloadOffset() - p.offset();
        s.onPacket(p.sequenceNumber(), p.timestamp(), p.payloadLength(), headerBytes, p.paddingLength(),
                arrivalUnixMicros);
        if (nackPt[pt]) {
            trackLoss(ssrc, p.sequenceNumber(), nowMs);
        }
        deliver(p, c, arrivalUnixMicros);
    }

    private void trackLoss(long ssrc, int sequenceNumber, long nowMs) {
        if (nack == null || nackSsrc != ssrc) {
            // A new source is a new sequence space: what the old one missed is not asked for.
            nack = new NackGenerator(NACK_RETRIES, NACK_MIN_INTERVAL_MS, NACK_REORDER_GRACE_MS, MAX_NACK_HOLES);
            nackSsrc = ssrc;
        }
        int before = nack.missingCount();
        nack.onPacket(sequenceNumber, nowMs);
        if (nack.missingCount() > before) {
            receiver.nackDue(nowMs + NACK_REORDER_GRACE_MS);
        }
        if (nack.keyFrameNeeded()) {
            lossUnrepairable();
        }
    }

    // Holes given up: the frames behind them stop waiting; a video decoder can only go on from a
    // key frame; audio just goes on.
    private void lossUnrepairable() {
        int through = nack.givenUpThrough();
        if (builder != null && builderSsrc == nackSsrc && through >= 0) {
            builder.giveUpThrough(through);
            emitFrames(); // what waited behind the hole, now (a timer, not a packet, may give it up)
        }
        if ("video".equals(receiver.track().kind())) {
            receiver.keyFrameNeeded();
        }
    }

    /**
     * The NACK to send now for this stream, or null; gives up holes asked for too often (and
     * then asks for a key frame). Loop thread.
     */
    GenericNack pollNack(long senderSsrc, long nowMs, long rttMs) {
        if (nack == null || nack.missingCount() == 0) {
            return null;
        }
        nack.setRtt(rttMs);
        java.util.List<Integer> lost = nack.poll(nowMs);
        if (nack.keyFrameNeeded()) {
            lossUnrepairable();
        }
        if (lost.isEmpty()) {
            return null;
        }
        nackSent++;
        nackSequencesRequested += lost.size();
        return new GenericNack(senderSsrc, nackSsrc, lost);
    }

    /** When {@link #pollNack} next has something to send, or {@code Long.MAX_VALUE}. */
    long nackDueMs() {
        return nack == null || nack.missingCount() == 0 ? Long.MAX_VALUE : nack.nextTimeout();
    }

    /** The SSRC NACKs are sent for (the current media source), or -1. */
    long nackSsrc() {
        return nackSsrc;
    }

    /** Packets given up after the NACK retries (or too many holes at once). */
    long nackGivenUp() {
        return nack == null ? 0 : nack.givenUp();
    }

    private void onRtx(RtpPacket p, int apt, long arrivalUnixMicros, long nowMs) {
        if (p.ssrc() != rtxSsrc && rtxSsrc >= 0 && rtxSsrc != p.ssrc()) {
            rtxSsrc = p.ssrc();
        }
        // Payload shorter than the OSN: padding a sender probes bandwidth with (RFC 4588 §4).
        if (p.payloadLength() < 2 || mediaSsrc < 0) {
            rtxPaddingDropped++;
            return;
        }
        if (rtxScratch.length < p.length()) {
            rtxScratch = new byte[p.length()];
        }
        byte[] original = rtxScratch;
        try {
            int n = RtxSendBuffer.unwrapRtx(p.buffer(), p.offset(), p.length(), apt, mediaSsrc, original, 0);
            unwrapped.wrap(original, 0, n);
        } catch (RtpParseException | IllegalArgumentException e) {
            rtxPaddingDropped++;
            return;
        }
        rtxPacketsReceived++;
        MediaCodec c = codecs.get(apt);
        ReceiveStream s = bySsrc.get(mediaSsrc);
        if (c == null || s == null) {
            return;
        }
        if (nack != null && nackSsrc == mediaSsrc) {
            nack.onPacket(unwrapped.sequenceNumber(), nowMs); // a hole filled
        }
        deliver(unwrapped, c, arrivalUnixMicros);
    }

    private void deliver(RtpPacket p, MediaCodec c, long arrivalUnixMicros) {
        current = c;
        lastArrivalUnixMicros = arrivalUnixMicros;
        lastRtpTimestamp = p.timestamp();
        if (p.csrcCount() > 0) {
            lastCsrc = p.csrc(0);
            lastCsrcAtMicros = arrivalUnixMicros;
        }
        RemoteTrack track = receiver.track();
        boolean frames = track.wantsFrames() && !c.isTelephoneEvent();
        if (frames) {
            if (builder == null || builderPt != c.payloadType() || builderSsrc != p.ssrc()) {
                // Audio gives a hole up after a few packets (late audio is no use to a player);
                // video waits as long as NACK may still fill it. A new SSRC starts a new sequence
                // space.
                boolean audio = "audio".equals(receiver.track().kind());
                int window = audio ? 4 : nackPt[c.payloadType()] ? VIDEO_REPAIR_WINDOW : VIDEO_WINDOW_WITHOUT_NACK;
                builder = new SampleBuilder(depacketizer(c), 512, window);
                builderPt = c.payloadType();
                builderSsrc = p.ssrc();
            }
            builder.push(p); // copies the payload: done before the packet is lent out
        }
        if (track.wantsRtp()) {
            track.deliverRtp(p.buffer(), p.offset(), p.length());
        }
        if (frames) {
            emitFrames();
        }
    }

    private void emitFrames() {
        RemoteTrack track = receiver.track();
        boolean video = "video".equals(track.kind());
        for (Frame f; (f = pollFrame()) != null; ) {
            framesReceived++;
            if (f.keyFrame()) {
                keyFramesReceived++;
                keyFrameSeen = true;
            }
            if (f.afterGap()) {
                framesAfterGap++;
            }
            if (video && (!keyFrameSeen || f.afterGap() && !f.keyFrame())) {
                receiver.keyFrameNeeded();
            }
            track.deliverFrame(new EncodedFrame(f.data(), f.timestamp() & 0xFFFFFFFFL, 0, f.keyFrame(), f.afterGap()));
        }
    }

    private Frame pollFrame() {
        try {
            return builder.poll();
        } catch (RtpParseException e) {
            // A malformed payload costs its frame, not the stream.
            framesAfterGap++;
            return null;
        }
    }

    static Depacketizer depacketizer(MediaCodec c) {
        switch (c.key()) {
            case "opus": return new OpusPayloader();
            case "vp8": return new Vp8Payloader();
            case "vp9": return new Vp9Payloader();
            case "h264": return new H264Payloader();
            case "av1": return new Av1Payloader();
            default: return new AudioPayloader();
        }
    }

    long lastCsrc() {
        return lastCsrc;
    }

    long lastCsrcAtMicros() {
        return lastCsrcAtMicros;
    }
}
