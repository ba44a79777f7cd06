package org.rtc4j;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A track the peer sends. It delivers what arrives in either or both forms the application asks
 * for: whole frames reassembled from the RTP packets (with the RTP timestamp, the key-frame flag
 * and a mark when packets were lost before the frame), and the RTP packets themselves, decrypted,
 * in arrival order. Listeners run on the connection's event loop: hand heavy work elsewhere.
 */
public final class RemoteTrack extends MediaStreamTrack {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemoteTrack.class);
    private volatile Consumer<EncodedFrame> onFrame;
    private volatile Consumer<byte[]> onRtp;
    private volatile RTCRtpReceiver receiver;

    RemoteTrack(String kind, String id) {
        super(kind, id);
    }

    void receiver(RTCRtpReceiver r) {
        this.receiver = r;
    }

    /** Delivers each reassembled frame; set before media flows to get the first key frame. */
    public void onFrame(Consumer<EncodedFrame> listener) {
        this.onFrame = Objects.requireNonNull(listener);
    }

    /** Delivers each RTP packet (a whole packet: header, extensions, payload) as it arrives. */
    public void onRtp(Consumer<byte[]> listener) {
        this.onRtp = Objects.requireNonNull(listener);
    }

    /**
     * Asks the sender for a key frame: RTCP PLI, or FIR where only {@code ccm fir} was
     * negotiated. Thread-safe; a no-op until media arrives.
     */
    public void requestKeyFrame() {
        RTCRtpReceiver r = receiver;
        if (r != null) {
            r.requestKeyFrame();
        }
    }

    /** The codec of the packets arriving now, or null before the first one. */
    public RTCRtpCodecCapability codec() {
        RTCRtpReceiver r = receiver;
        return r == null ? null : r.currentCodec();
    }

    boolean wantsFrames() {
        return onFrame != null && delivering();
    }

    void deliverFrame(EncodedFrame f) {
        Consumer<EncodedFrame> l = onFrame;
        if (l != null && delivering()) {
            try {
                l.accept(f);
            } catch (RuntimeException e) {
                // The application's failure must not stop the connection's loop.
                LOG.warn("{}: onFrame listener failed", this, e);
            }
        }
    }

    void deliverRtp(byte[] packet) {
        Consumer<byte[]> l = onRtp;
        if (l != null && delivering()) {
            try {
                l.accept(packet);
            } catch (RuntimeException e) {
                LOG.warn("{}: onRtp listener failed", this, e);
            }
        }
    }

    private boolean delivering() {
        return enabled() && readyState() == MediaStreamTrackState.LIVE;
    }

    boolean wantsRtp() {
        return onRtp != null && delivering();
    }
}
