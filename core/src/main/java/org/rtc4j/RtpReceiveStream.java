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
import org.rtc4j.rtp.repair.RtxSendBuffer;
import org.rtc4j.rtp.session.ReceiveStream;

/**
 * The RTP side of one {@link RTCRtpReceiver}, on the connection's loop: per remote SSRC the
 * reception statistics that receiver reports carry, RTX unwrapped onto its media stream, and
 * the rtp module's sample builder that reassembles frames when the track wants them.
 */
final class RtpReceiveStream {

    private final RTCRtpReceiver receiver;
    private final Map<Long, ReceiveStream> bySsrc = new HashMap<>();
    private final RtpPacket unwrapped = new RtpPacket();
    // Where an RTX packet's original is rebuilt; what keeps any of it copies.
    private byte[] rtxScratch = new byte[0];
    // The stream of the last packet: a stream's packets come in runs (spares a boxed lookup).
    private ReceiveStream last;
    private Map<Integer, MediaCodec> codecs = Map.of();
    private Map<Integer, Integer> rtxToMedia = Map.of();
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

    /** One authenticated, parsed RTP packet for this receiver, lent for the call. */
    void onPacket(RtpPacket p, long arrivalUnixMicros) {
        int pt = p.payloadType();
        Integer apt = rtxToMedia.get(pt);
        if (apt != null) {
            onRtx(p, apt, arrivalUnixMicros);
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
        deliver(p, c, arrivalUnixMicros);
    }

    private void onRtx(RtpPacket p, int apt, long arrivalUnixMicros) {
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
                // No NACK is sent yet, so a hole is given up once a few packets (audio) or about a
                // frame's worth (video) have passed it, rather than after rtp's default 256; a new
                // SSRC starts a new sequence space.
                boolean audio = "audio".equals(receiver.track().kind());
                builder = new SampleBuilder(depacketizer(c), 512, audio ? 4 : 48);
                builderPt = c.payloadType();
                builderSsrc = p.ssrc();
            }
            builder.push(p); // copies the payload: done before the packet is lent out
        }
        if (track.wantsRtp()) {
            track.deliverRtp(p.buffer(), p.offset(), p.length());
        }
        if (!frames) {
            return;
        }
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
