package org.rtc4j;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.jsep.MediaCodec;
import org.rtc4j.rtp.session.ReceiveStream;

/**
 * Receives one track on a transceiver (W3C {@code RTCRtpReceiver}). Its {@link #track()} exists
 * from the start, as in the browser, and is {@code live} while the peer may send on it.
 */
public final class RTCRtpReceiver {

    private final RTCPeerConnection pc;
    private final RemoteTrack track;
    private final RtpReceiveStream stream;
    private volatile List<RTCRtpCodecParameters> codecs = List.of();
    private volatile List<RTCRtpHeaderExtensionParameters> extensions = List.of();
    private RTCRtpTransceiver transceiver;

    RTCRtpReceiver(RTCPeerConnection pc, String kind) {
        this.pc = pc;
        this.track = new RemoteTrack(kind, null);
        this.stream = new RtpReceiveStream(this);
        track.receiver(this);
    }

    void transceiver(RTCRtpTransceiver t) {
        this.transceiver = t;
    }

    /**
     * The transceiver this receiver belongs to.
     *
     * @return the transceiver
     */
    public RTCRtpTransceiver transceiver() {
        return transceiver;
    }

    /**
     * The remote track (W3C {@code track}).
     *
     * @return the track, the same object for the receiver's life
     */
    public RemoteTrack track() {
        return track;
    }

    /**
     * The negotiated receive parameters: codecs (preferred first) and header extensions.
     * W3C {@code getParameters}.
     *
     * @return the parameters, with no encodings and an empty transaction id; empty lists before
     *         negotiation
     */
    public RTCRtpParameters getParameters() {
        return new RTCRtpParameters("", List.of(), codecs, extensions);
    }

    void negotiated(List<MediaCodec> receive, List<RTCRtpHeaderExtensionParameters> ext) {
        List<RTCRtpCodecParameters> out = new ArrayList<>();
        java.util.Map<Integer, MediaCodec> byPt = new java.util.LinkedHashMap<>();
        for (MediaCodec c : receive) {
            byPt.put(c.payloadType(), c);
            out.add(new RTCRtpCodecParameters(c.payloadType(), c.mimeType(track.kind()), c.clockRate(),
                    "audio".equals(track.kind()) ? Math.max(1, c.channels()) : 0, c.fmtpLine()));
        }
        codecs = List.copyOf(out);
        extensions = List.copyOf(ext);
        stream.negotiated(byPt);
    }

    /**
     * The sources whose packets arrived in the last 10 seconds (W3C
     * {@code getSynchronizationSources}). Runs on the connection's loop and waits for it: do not
     * call it from another connection's loop.
     *
     * @return one entry per SSRC heard from in the last 10 s; empty when none
     */
    public List<RTCRtpSynchronizationSource> getSynchronizationSources() {
        return pc.call(() -> {
            List<RTCRtpSynchronizationSource> out = new ArrayList<>();
            long now = pc.unixMicros();
            for (ReceiveStream s : stream.streams().values()) {
                if (s.hasReceived() && now - s.lastPacketReceivedUnixMicros() <= 10_000_000L) {
                    out.add(new RTCRtpSynchronizationSource(s.lastPacketReceivedUnixMicros() / 1000.0, s.ssrc(),
                            stream.lastRtpTimestamp));
                }
            }
            return out;
        }).join();
    }

    /**
     * The contributing sources (CSRCs) heard in the last 10 seconds (W3C
     * {@code getContributingSources}). Waits for the connection's loop, as
     * {@link #getSynchronizationSources()} does.
     *
     * @return one entry, for the first CSRC of the latest packet that carried any, if that
     *         packet arrived in the last 10 s; else empty
     */
    public List<RTCRtpSynchronizationSource> getContributingSources() {
        return pc.call(() -> {
            long csrc = stream.lastCsrc();
            if (csrc < 0 || pc.unixMicros() - stream.lastCsrcAtMicros() > 10_000_000L) {
                return List.<RTCRtpSynchronizationSource>of();
            }
            return List.of(new RTCRtpSynchronizationSource(stream.lastCsrcAtMicros() / 1000.0, csrc,
                    stream.lastRtpTimestamp));
        }).join();
    }

    /**
     * What rtc4j can receive for {@code kind} (W3C {@code RTCRtpReceiver.getCapabilities}):
     * the same as it can send.
     *
     * @param kind {@code "audio"} or {@code "video"}
     * @return the codecs and header extensions, or null for another kind
     */
    public static RTCRtpCapabilities getCapabilities(String kind) {
        return RTCRtpSender.capabilities(kind);
    }

    RtpReceiveStream stream() {
        return stream;
    }

    RTCRtpCodecCapability currentCodec() {
        MediaCodec c = stream.currentCodec();
        return c == null ? null : c.capability(track.kind());
    }

    void keyFrameNeeded() {
        pc.media().keyFrameNeeded(this);
    }

    /** Whether this connection asks for lost packets (its configuration). */
    boolean sendsNack() {
        return pc.config().sendNack();
    }

    /** A lost packet of this receiver's stream is to be asked for at {@code atMs}. Loop thread. */
    void nackDue(long atMs) {
        pc.media().nackDue(atMs);
    }

    void requestKeyFrame() {
        pc.loop().execute(() -> pc.media().requestKeyFrame(this));
    }
}
