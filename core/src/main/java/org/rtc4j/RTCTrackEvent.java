package org.rtc4j;

import java.util.List;

/**
 * A remote track appeared (W3C {@code RTCTrackEvent}): fired by
 * {@link RTCPeerConnection#onTrack} when a remote description starts the peer sending on a
 * transceiver.
 *
 * @param receiver    the receiver the track belongs to
 * @param track       the remote track
 * @param streamIds   the ids of the peer's streams the track is in (from {@code a=msid})
 * @param transceiver the transceiver
 */
public record RTCTrackEvent(RTCRtpReceiver receiver, RemoteTrack track, List<String> streamIds,
        RTCRtpTransceiver transceiver) {

    /**
     * Copies the list.
     *
     * @param receiver    the receiver the track belongs to
     * @param track       the remote track
     * @param streamIds   the ids of the peer's streams the track is in
     * @param transceiver the transceiver
     */
    public RTCTrackEvent {
        streamIds = List.copyOf(streamIds);
    }
}
