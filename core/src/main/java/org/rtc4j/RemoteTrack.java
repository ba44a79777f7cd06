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
    private volatile RtpPacketListener onRtpPacket;
    private volatile RTCRtpReceiver receiver;

    RemoteTrack(String kind, String id) {
        super(kind, id);
    }

    void receiver(RTCRtpReceiver r) {
        this.receiver = r;
    }

    /**
     * Delivers each reassembled frame; set before media flows to get the first key frame.
     *
     * @param listener called on the connection's loop with each frame, while the track is live
     *                 and enabled; replaces the previous listener
     */
    public void onFrame(Consumer<EncodedFrame> listener) {
        this.onFrame = Objects.requireNonNull(listener);
    }

    /**
     * Delivers each RTP packet (a whole packet: header, extensions, payload) as it arrives, in an
     * array of its own that the listener may keep.
     *
     * @param listener called on the connection's loop with each packet, while the track is live
     *                 and enabled; replaces the previous listener
     */
    public void onRtp(Consumer<byte[]> listener) {
        this.onRtp = Objects.requireNonNull(listener);
    }

    /**
     * Delivers each RTP packet lent, in the receive buffer it was decrypted in: the bytes are
     * valid only until the listener returns, and no copy is made — the forwarding path of an
     * SFU, which writes each packet on to {@link LocalRtpTrack#writeRtp(byte[], int, int)}
     * (which reads it before returning). Copy what must outlive the call. The listener may even
     * overwrite the bytes: frame reassembly and {@link #onRtp(Consumer)}'s copy are done by
     * then. May be set beside {@link #onRtp(Consumer)}; both then get every packet.
     *
     * @param listener called on the connection's loop with each packet, while the track is live
     *                 and enabled; replaces the previous listener
     */
    public void onRtpPacket(RtpPacketListener listener) {
        this.onRtpPacket = Objects.requireNonNull(listener);
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

    /**
     * The codec of the packets arriving now, or null before the first one.
     *
     * @return the codec of the latest packet's payload type, or null
     */
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

    /**
     * One packet, {@code buffer[offset..offset+length)}, lent: {@link #onRtp(Consumer)}'s copy is
     * made first, so whatever the lending listener does to the bytes cannot reach it.
     */
    void deliverRtp(byte[] buffer, int offset, int length) {
        if (!delivering()) {
            return;
        }
        Consumer<byte[]> l = onRtp;
        if (l != null) {
            try {
                l.accept(java.util.Arrays.copyOfRange(buffer, offset, offset + length));
            } catch (RuntimeException e) {
                LOG.warn("{}: onRtp listener failed", this, e);
            }
        }
        RtpPacketListener lent = onRtpPacket;
        if (lent != null) {
            try {
                lent.onRtp(buffer, offset, length);
            } catch (RuntimeException e) {
                LOG.warn("{}: onRtpPacket listener failed", this, e);
            }
        }
    }

    private boolean delivering() {
        return enabled() && readyState() == MediaStreamTrackState.LIVE;
    }

    boolean wantsRtp() {
        return (onRtp != null || onRtpPacket != null) && delivering();
    }
}
