package org.rtc4j;

import java.util.List;

/**
 * What rtc4j can send or receive for one kind (W3C {@code RTCRtpCapabilities}).
 *
 * @param codecs           the codecs, preferred first (RTX and telephone-event included)
 * @param headerExtensions the header extension URIs
 */
public record RTCRtpCapabilities(List<RTCRtpCodecCapability> codecs, List<String> headerExtensions) {

    /**
     * Copies the lists.
     *
     * @param codecs           the codecs, preferred first
     * @param headerExtensions the header extension URIs
     */
    public RTCRtpCapabilities {
        codecs = List.copyOf(codecs);
        headerExtensions = List.copyOf(headerExtensions);
    }
}
