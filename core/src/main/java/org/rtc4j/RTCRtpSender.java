package org.rtc4j;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.rtc4j.jsep.CodecCatalog;
import org.rtc4j.jsep.MediaCodec;

/**
 * Sends one track on a transceiver (W3C {@code RTCRtpSender}). The RTP work it does on the
 * connection's loop — packetizing frames, rewriting forwarded packets, answering NACKs, counting
 * for sender reports — is in {@link RtpSendStream}; this is the W3C face of it.
 */
public final class RTCRtpSender {

    private final RTCPeerConnection pc;
    private final EventLoop loop;
    private final String kind;
    private final RtpSendStream stream;
    private volatile LocalTrack track;
    private volatile List<String> streamIds;
    private volatile List<RTCRtpEncodingParameters> encodings;
    private volatile String transactionId;
    private volatile Runnable onKeyFrameRequest = () -> { };
    private RTCRtpTransceiver transceiver;

    RTCRtpSender(RTCPeerConnection pc, EventLoop loop, String kind, LocalTrack track, List<String> streamIds,
            List<RTCRtpEncodingParameters> encodings, long ssrc, long rtxSsrc) {
        this.pc = pc;
        this.loop = loop;
        this.kind = kind;
        this.streamIds = List.copyOf(streamIds);
        this.encodings = encodings.isEmpty() ? List.of(RTCRtpEncodingParameters.defaults()) : List.copyOf(encodings);
        this.stream = new RtpSendStream(this, kind, ssrc, rtxSsrc);
        setTrack(track);
    }

    void transceiver(RTCRtpTransceiver t) {
        this.transceiver = t;
    }

    /**
     * The transceiver this sender belongs to.
     *
     * @return the transceiver
     */
    public RTCRtpTransceiver transceiver() {
        return transceiver;
    }

    /**
     * The track being sent, or null (W3C {@code track}).
     *
     * @return the track, or null when none is attached (or the transceiver is stopped)
     */
    public LocalTrack track() {
        return track;
    }

    /**
     * The ids of the streams the track is announced in ({@code a=msid}).
     *
     * @return the stream ids; unmodifiable, may be empty
     */
    public List<String> streamIds() {
        return streamIds;
    }

    void streamIds(List<String> ids) {
        this.streamIds = List.copyOf(ids);
    }

    /**
     * Sends another track from now on, without renegotiation (W3C {@code replaceTrack}): the
     * same SSRC, sequence numbers and timestamps continue. Null stops sending.
     *
     * @param newTrack the track to send, of this sender's kind, or null
     * @return completes on the connection's loop once the new track is in place; fails with
     *         {@code TypeError} if the kind differs, {@code InvalidStateError} if the connection
     *         or transceiver is stopped
     */
    public CompletableFuture<Void> replaceTrack(LocalTrack newTrack) {
        if (newTrack != null && !newTrack.kind().equals(kind)) {
            return CompletableFuture.failedFuture(new RTCException(RTCException.Name.TypeError,
                    "cannot replace a " + kind + " track with a " + newTrack.kind() + " track"));
        }
        return pc.call(() -> {
            if (transceiver != null && transceiver.stopped()) {
                throw RTCException.invalidState("the transceiver is stopped");
            }
            setTrack(newTrack);
            return null;
        });
    }

    void setTrack(LocalTrack t) {
        LocalTrack old = track;
        if (old == t) {
            return;
        }
        if (old != null) {
            old.detach(this);
        }
        track = t;
        stream.sourceChanged();
        if (t != null) {
            t.attach(this);
        }
    }

    /**
     * The negotiated parameters: the encodings (rid, active, maxBitrate), the codecs the peer
     * takes, preferred first, and the header extensions. A new transaction id each call.
     * W3C {@code getParameters}.
     *
     * @return the parameters; only those of the latest call can be passed to
     *         {@link #setParameters(RTCRtpParameters)}
     */
    public RTCRtpParameters getParameters() {
        transactionId = UUID.randomUUID().toString();
        List<RTCRtpCodecParameters> codecs = new ArrayList<>();
        for (MediaCodec c : stream.negotiatedCodecs()) {
            codecs.add(new RTCRtpCodecParameters(c.payloadType(), c.mimeType(kind), c.clockRate(),
                    "audio".equals(kind) ? Math.max(1, c.channels()) : 0, c.fmtpLine()));
        }
        return new RTCRtpParameters(transactionId, encodings, codecs, stream.headerExtensions());
    }

    /**
     * Changes the encodings' {@code active} and {@code maxBitrate} (W3C {@code setParameters}).
     * An inactive encoding sends nothing; maxBitrate is kept and returned, but rtc4j has no
     * bandwidth estimator or pacer yet to hold a sender to it.
     *
     * @param parameters the result of the last {@link #getParameters()}, with its encodings
     *                   changed; not null
     * @return completes on the connection's loop once applied; fails with
     *         {@code InvalidModificationError} for a stale transaction id or a
     *         different number of encodings or changed rids
     */
    public CompletableFuture<Void> setParameters(RTCRtpParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        return pc.call(() -> {
            List<RTCRtpEncodingParameters> now = encodings;
            if (transactionId == null || !transactionId.equals(parameters.transactionId())) {
                throw new RTCException(RTCException.Name.InvalidModificationError,
                        "parameters are not from the last getParameters()");
            }
            List<RTCRtpEncodingParameters> next = parameters.encodings();
            if (next.size() != now.size()) {
                throw new RTCException(RTCException.Name.InvalidModificationError, "the number of encodings changed");
            }
            for (int i = 0; i < next.size(); i++) {
                if (!Objects.equals(next.get(i).rid(), now.get(i).rid())) {
                    throw new RTCException(RTCException.Name.InvalidModificationError, "an encoding's rid changed");
                }
            }
            encodings = List.copyOf(next);
            transactionId = null;
            return null;
        });
    }

    /** Whether the (first) encoding is active. */
    boolean active() {
        return encodings.get(0).active();
    }

    /**
     * What rtc4j can send for {@code kind} (W3C {@code RTCRtpSender.getCapabilities}), or null
     * for a kind other than audio and video.
     *
     * @param kind {@code "audio"} or {@code "video"}
     * @return the codecs (with RTX and telephone-event) and header extensions, or null
     */
    public static RTCRtpCapabilities getCapabilities(String kind) {
        return capabilities(kind);
    }

    static RTCRtpCapabilities capabilities(String kind) {
        if (!"audio".equals(kind) && !"video".equals(kind)) {
            return null;
        }
        List<RTCRtpCodecCapability> codecs = new ArrayList<>();
        boolean rtx = false;
        for (MediaCodec c : CodecCatalog.offered(kind)) {
            codecs.add(c.capability(kind));
            rtx |= c.rtxPayloadType() >= 0;
        }
        if (rtx) {
            codecs.add(new RTCRtpCodecCapability(kind + "/rtx", 90000, 0, null));
        }
        List<String> ext = new ArrayList<>();
        CodecCatalog.offeredExtensions(kind).forEach(e -> ext.add(e.uri()));
        return new RTCRtpCapabilities(codecs, ext);
    }

    /**
     * A peer asked this sender for a key frame (RTCP PLI or FIR); the track's own listener hears
     * it too. Runs on the connection's loop.
     *
     * @param listener run on each request; replaces the previous listener
     */
    public void onKeyFrameRequest(Runnable listener) {
        this.onKeyFrameRequest = Objects.requireNonNull(listener);
    }

    void keyFrameRequested() {
        try {
            onKeyFrameRequest.run();
            LocalTrack t = track;
            if (t != null) {
                t.keyFrameRequested();
            }
        } catch (RuntimeException e) {
            // The application's failure must not stop the connection's loop.
            org.slf4j.LoggerFactory.getLogger(RTCRtpSender.class).warn("{}: key-frame listener failed", this, e);
        }
    }

    RtpSendStream stream() {
        return stream;
    }

    String kind() {
        return kind;
    }

    EventLoop loop() {
        return loop;
    }

    RTCPeerConnection connection() {
        return pc;
    }

    // Called by the track on the application's thread: hop onto this connection's loop.
    void offerFrame(EncodedFrame frame) {
        LocalTrack source = track;
        if (loop.inEventLoop()) {
            stream.sendFrame(source, frame);
            return;
        }
        loop.execute(() -> stream.sendFrame(source, frame));
    }

    void offerRtp(byte[] packet, int off, int len) {
        LocalTrack source = track;
        if (loop.inEventLoop()) {
            // Forwarding between connections on one loop (an SFU's usual layout): no hop, no copy.
            stream.sendRtp(source, packet, off, len);
            return;
        }
        byte[] copy = java.util.Arrays.copyOfRange(packet, off, off + len);
        loop.execute(() -> stream.sendRtp(source, copy, 0, copy.length));
    }

    @Override
    public String toString() {
        return "RTCRtpSender[" + kind + ", ssrc " + stream.ssrc() + ", " + track + "]";
    }
}
