package org.rtc4j;

import java.util.List;

/**
 * What a sender or receiver negotiated (W3C {@code RTCRtpSendParameters} /
 * {@code RTCRtpReceiveParameters}): the encodings (send side only), the codecs and the header
 * extensions. Change a sender's with {@link RTCRtpSender#setParameters}: only the encodings'
 * {@code active} and {@code maxBitrate} may change, under the same {@code transactionId}.
 *
 * @param transactionId    identifies the {@link RTCRtpSender#getParameters()} call these came from
 * @param encodings        the encodings (empty for a receiver)
 * @param codecs           the negotiated codecs, preferred first
 * @param headerExtensions the negotiated header extensions
 */
public record RTCRtpParameters(String transactionId, List<RTCRtpEncodingParameters> encodings,
        List<RTCRtpCodecParameters> codecs, List<RTCRtpHeaderExtensionParameters> headerExtensions) {

    /**
     * Copies the lists.
     *
     * @param transactionId    identifies the {@link RTCRtpSender#getParameters()} call these came
     *                         from (empty for a receiver)
     * @param encodings        the encodings (empty for a receiver)
     * @param codecs           the negotiated codecs, preferred first
     * @param headerExtensions the negotiated header extensions
     */
    public RTCRtpParameters {
        encodings = List.copyOf(encodings);
        codecs = List.copyOf(codecs);
        headerExtensions = List.copyOf(headerExtensions);
    }

    /**
     * The same with other encodings (for {@link RTCRtpSender#setParameters}).
     *
     * @param e the encodings, as many as before and with the same rids
     * @return a copy with the same transaction id, codecs and header extensions
     */
    public RTCRtpParameters withEncodings(List<RTCRtpEncodingParameters> e) {
        return new RTCRtpParameters(transactionId, e, codecs, headerExtensions);
    }
}
