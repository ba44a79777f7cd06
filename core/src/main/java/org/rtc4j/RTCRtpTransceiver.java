package org.rtc4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rtc4j.jsep.CodecCatalog;
import org.rtc4j.jsep.MediaCodec;

/**
 * A sender and a receiver that share one m= section (W3C {@code RTCRtpTransceiver}). Its
 * {@link #mid()} is null until a description associates it with a section; its
 * {@link #currentDirection()} is what the last completed negotiation settled.
 */
public final class RTCRtpTransceiver {

    private final RTCPeerConnection pc;
    private final String kind;
    private final RTCRtpSender sender;
    private final RTCRtpReceiver receiver;
    private final boolean createdByAddTrack;
    private volatile String mid;
    private volatile RTCRtpTransceiverDirection direction;
    private volatile RTCRtpTransceiverDirection currentDirection;
    private volatile boolean stopping;
    private volatile boolean stopped;
    private volatile List<RTCRtpCodecCapability> codecPreferences = List.of();
    // Whether the remote side sends on it now (for onTrack and the track's ended event).
    private boolean remoteSending;
    private volatile int midExtensionId = -1;
    private boolean everSent;

    RTCRtpTransceiver(RTCPeerConnection pc, String kind, RTCRtpSender sender, RTCRtpReceiver receiver,
            RTCRtpTransceiverDirection direction, boolean createdByAddTrack) {
        this.pc = pc;
        this.kind = kind;
        this.sender = sender;
        this.receiver = receiver;
        this.direction = direction;
        this.createdByAddTrack = createdByAddTrack;
        sender.transceiver(this);
        receiver.transceiver(this);
    }

    /**
     * The mid of the m= section, or null before negotiation (W3C {@code mid}).
     *
     * @return the mid, or null until a description associates the transceiver with a section
     */
    public String mid() {
        return mid;
    }

    /**
     * {@code audio} or {@code video}.
     *
     * @return the media kind of the transceiver's section
     */
    public String kind() {
        return kind;
    }

    /**
     * The sender (W3C {@code sender}).
     *
     * @return the sender, the same object for the transceiver's life
     */
    public RTCRtpSender sender() {
        return sender;
    }

    /**
     * The receiver (W3C {@code receiver}).
     *
     * @return the receiver, the same object for the transceiver's life
     */
    public RTCRtpReceiver receiver() {
        return receiver;
    }

    /**
     * The direction the application wants; {@code stopped} once stopped. W3C {@code direction}.
     *
     * @return the wanted direction, or {@link RTCRtpTransceiverDirection#STOPPED} once
     *         {@link #stop()} was called
     */
    public RTCRtpTransceiverDirection direction() {
        return stopped || stopping ? RTCRtpTransceiverDirection.STOPPED : direction;
    }

    /**
     * Changes the wanted direction; takes effect with the next negotiation, which
     * {@code negotiationneeded} asks for.
     *
     * @param d the new direction; not null, not {@code stopped}
     * @throws RTCException {@code InvalidStateError} if stopped; {@code TypeError} for {@code stopped}
     */
    public void setDirection(RTCRtpTransceiverDirection d) {
        Objects.requireNonNull(d, "direction");
        if (d == RTCRtpTransceiverDirection.STOPPED) {
            throw new RTCException(RTCException.Name.TypeError, "use stop() to stop a transceiver");
        }
        if (stopping || stopped) {
            throw RTCException.invalidState("the transceiver is stopped");
        }
        if (d != direction) {
            direction = d;
            pc.updateNegotiationNeeded();
        }
    }

    /**
     * The negotiated direction, or null before the first answer; {@code stopped} once stopped.
     * W3C {@code currentDirection}.
     *
     * @return the direction the last completed negotiation settled, or null
     */
    public RTCRtpTransceiverDirection currentDirection() {
        return stopped ? RTCRtpTransceiverDirection.STOPPED : currentDirection;
    }

    /**
     * Stops the transceiver: it sends and receives nothing more, and the next offer or answer
     * rejects its section (port 0), which a later transceiver may then reuse (JSEP §5.2.2).
     */
    public void stop() {
        if (stopped || stopping) {
            return;
        }
        stopping = true;
        pc.transceiverStopping(this);
    }

    /**
     * Whether stop() was called (the section may not be rejected on the wire yet).
     *
     * @return true once {@link #stop()} was called, and after the transceiver is stopped
     */
    public boolean stopping() {
        return stopping;
    }

    /**
     * Whether the transceiver is stopped for good (its section was rejected in a completed
     * negotiation, or it was stopped before it ever had one).
     *
     * @return true once stopped for good
     */
    public boolean stopped() {
        return stopped;
    }

    /**
     * Orders the codecs of the next offer or answer (W3C {@code setCodecPreferences}); an empty
     * list restores the defaults.
     *
     * @param codecs the codecs in the order wanted, from
     *               {@link RTCRtpSender#getCapabilities(String)} of this kind; RTX entries are
     *               skipped (RTX follows the codecs it repairs)
     * @throws RTCException {@code InvalidModificationError} for a codec rtc4j cannot carry
     */
    public void setCodecPreferences(List<RTCRtpCodecCapability> codecs) {
        List<RTCRtpCodecCapability> checked = new ArrayList<>();
        for (RTCRtpCodecCapability c : codecs) {
            if (c.name().equalsIgnoreCase("rtx")) {
                continue; // RTX follows the codecs it repairs
            }
            boolean known = CodecCatalog.offered(kind).stream().anyMatch(m -> m.capability(kind).sameEncoding(c));
            if (!known || !c.kind().equals(kind)) {
                throw new RTCException(RTCException.Name.InvalidModificationError,
                        c.mimeType() + " is not a " + kind + " codec rtc4j can carry");
            }
            checked.add(c);
        }
        codecPreferences = List.copyOf(checked);
    }

    List<RTCRtpCodecCapability> codecPreferences() {
        return codecPreferences;
    }

    /** Our codecs for an offer: preferences first, then the track's codec, then the rest. */
    List<MediaCodec> offerCodecs() {
        List<MediaCodec> all = CodecCatalog.offered(kind);
        List<MediaCodec> out = new ArrayList<>();
        for (RTCRtpCodecCapability p : codecPreferences) {
            for (MediaCodec c : all) {
                if (!out.contains(c) && c.capability(kind).sameEncoding(p)
                        && (p.sdpFmtpLine() == null || !c.key().equals("h264") || RtpSendStream.matches(p, c))) {
                    out.add(c);
                }
            }
        }
        if (!codecPreferences.isEmpty()) {
            // Preferences limit the list, as in the browser; DTMF stays beside audio codecs.
            for (MediaCodec c : all) {
                if (c.isTelephoneEvent() && !out.contains(c)) {
                    out.add(c);
                }
            }
            return out;
        }
        LocalTrack t = sender.track();
        if (t != null) {
            for (MediaCodec c : all) {
                if (RtpSendStream.matches(t.codec(), c)) {
                    out.add(c);
                    break;
                }
            }
        }
        for (MediaCodec c : all) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Orders an answer's accepted codecs by our preferences (the track's codec, then the offer's order). */
    List<MediaCodec> orderAnswerCodecs(List<MediaCodec> accepted) {
        List<MediaCodec> out = new ArrayList<>();
        for (RTCRtpCodecCapability p : codecPreferences) {
            for (MediaCodec c : accepted) {
                if (!out.contains(c) && c.capability(kind).sameEncoding(p)) {
                    out.add(c);
                }
            }
        }
        if (!codecPreferences.isEmpty()) {
            for (MediaCodec c : accepted) {
                if (c.isTelephoneEvent() && !out.contains(c)) {
                    out.add(c);
                }
            }
            return out;
        }
        LocalTrack t = sender.track();
        if (t != null) {
            for (MediaCodec c : accepted) {
                if (RtpSendStream.matches(t.codec(), c)) {
                    out.add(c);
                    break;
                }
            }
        }
        for (MediaCodec c : accepted) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    boolean createdByAddTrack() {
        return createdByAddTrack;
    }

    void mid(String m) {
        this.mid = m;
    }

    RTCRtpTransceiverDirection wantedDirection() {
        return direction;
    }

    void currentDirection(RTCRtpTransceiverDirection d) {
        this.currentDirection = d;
        everSent |= d != null && d.sends();
    }

    /** Whether a completed negotiation ever let this transceiver send (W3C [[FiredDirection]] rule for addTrack reuse). */
    boolean everSent() {
        return everSent;
    }

    int midExtensionId() {
        return midExtensionId;
    }

    void midExtensionId(int id) {
        this.midExtensionId = id;
    }

    void wantedDirection(RTCRtpTransceiverDirection d) {
        this.direction = d;
    }

    /** The section is rejected in a completed negotiation: stopped for good. */
    void markStopped() {
        stopping = true;
        stopped = true;
        currentDirection = null;
        sender.setTrack(null);
        receiver.track().ended();
    }

    boolean remoteSending() {
        return remoteSending;
    }

    void remoteSending(boolean b) {
        remoteSending = b;
    }

    @Override
    public String toString() {
        return "RTCRtpTransceiver[" + kind + ", mid " + mid + ", " + direction() + "]";
    }
}
