package org.rtc4j;

/**
 * A source whose packets a receiver took recently (W3C {@code RTCRtpSynchronizationSource} and
 * {@code RTCRtpContributingSource}: for a contributing source, {@code source} is a CSRC).
 *
 * @param timestamp    when its last packet arrived, milliseconds since the Unix epoch
 * @param source       the SSRC (or CSRC)
 * @param rtpTimestamp the RTP timestamp of that packet
 */
public record RTCRtpSynchronizationSource(double timestamp, long source, long rtpTimestamp) {
}
