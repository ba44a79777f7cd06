package org.rtc4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@link RTCPeerConnection#addTransceiver} (W3C {@code RTCRtpTransceiverInit}).
 * Mutable builder-style setters; {@link #sendrecv()} is the default.
 */
public final class RTCRtpTransceiverInit {

    private RTCRtpTransceiverDirection direction = RTCRtpTransceiverDirection.SENDRECV;
    private final List<String> streams = new ArrayList<>();
    private final List<RTCRtpEncodingParameters> sendEncodings = new ArrayList<>();

    private RTCRtpTransceiverInit() {
    }

    /**
     * Sends and receives (the browser's default).
     *
     * @return new options: sendrecv, no stream ids, one default encoding
     */
    public static RTCRtpTransceiverInit sendrecv() {
        return new RTCRtpTransceiverInit();
    }

    /**
     * Options with the given direction.
     *
     * @param direction the direction to start with; not {@code stopped}
     * @return new options with no stream ids and one default encoding
     * @throws RTCException {@code TypeError} for {@code stopped}
     */
    public static RTCRtpTransceiverInit of(RTCRtpTransceiverDirection direction) {
        return new RTCRtpTransceiverInit().direction(direction);
    }

    /**
     * The direction to start with (not {@code stopped}). W3C {@code direction}.
     *
     * @param d the direction; not null
     * @return these options
     * @throws RTCException {@code TypeError} for {@code stopped}
     */
    public RTCRtpTransceiverInit direction(RTCRtpTransceiverDirection d) {
        if (Objects.requireNonNull(d) == RTCRtpTransceiverDirection.STOPPED) {
            throw new RTCException(RTCException.Name.TypeError, "a transceiver cannot start stopped");
        }
        this.direction = d;
        return this;
    }

    /**
     * Stream ids the sent track is in (its {@code a=msid}). W3C {@code streams}.
     *
     * @param ids stream ids, added to those given before
     * @return these options
     */
    public RTCRtpTransceiverInit streams(String... ids) {
        streams.addAll(List.of(ids));
        return this;
    }

    /**
     * The encodings to send; one default encoding when none are given. W3C
     * {@code sendEncodings}.
     *
     * @param encodings encodings, added to those given before
     * @return these options
     */
    public RTCRtpTransceiverInit sendEncodings(RTCRtpEncodingParameters... encodings) {
        sendEncodings.addAll(List.of(encodings));
        return this;
    }

    /**
     * The direction.
     *
     * @return the direction to start with; sendrecv unless set
     */
    public RTCRtpTransceiverDirection direction() {
        return direction;
    }

    /**
     * The stream ids.
     *
     * @return a copy of the stream ids, in the order added; may be empty
     */
    public List<String> streams() {
        return List.copyOf(streams);
    }

    /**
     * The encodings (empty: one default).
     *
     * @return a copy of the encodings, in the order added
     */
    public List<RTCRtpEncodingParameters> sendEncodings() {
        return List.copyOf(sendEncodings);
    }
}
