package org.rtc4j;

/**
 * A negotiated RTP header extension (W3C {@code RTCRtpHeaderExtensionParameters}).
 *
 * @param uri the extension's URI
 * @param id  its id on this connection (RFC 8285)
 */
public record RTCRtpHeaderExtensionParameters(String uri, int id) {
}
