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

    /** Sends and receives (the browser's default). */
    public static RTCRtpTransceiverInit sendrecv() {
        return new RTCRtpTransceiverInit();
    }

    /** Options with the given direction. */
    public static RTCRtpTransceiverInit of(RTCRtpTransceiverDirection direction) {
        return new RTCRtpTransceiverInit().direction(direction);
    }

    /** The direction to start with (not {@code stopped}). */
    public RTCRtpTransceiverInit direction(RTCRtpTransceiverDirection d) {
        if (Objects.requireNonNull(d) == RTCRtpTransceiverDirection.STOPPED) {
            throw new RTCException(RTCException.Name.TypeError, "a transceiver cannot start stopped");
        }
        this.direction = d;
        return this;
    }

    /** Stream ids the sent track is in (its {@code a=msid}). */
    public RTCRtpTransceiverInit streams(String... ids) {
        streams.addAll(List.of(ids));
        return this;
    }

    /** The encodings to send; one default encoding when none are given. */
    public RTCRtpTransceiverInit sendEncodings(RTCRtpEncodingParameters... encodings) {
        sendEncodings.addAll(List.of(encodings));
        return this;
    }

    /** The direction. */
    public RTCRtpTransceiverDirection direction() {
        return direction;
    }

    /** The stream ids. */
    public List<String> streams() {
        return List.copyOf(streams);
    }

    /** The encodings (empty: one default). */
    public List<RTCRtpEncodingParameters> sendEncodings() {
        return List.copyOf(sendEncodings);
    }
}
