package org.rtc4j.sdp;

import java.util.List;

/**
 * {@code a=rtpmap:<pt> <encoding>/<clock rate>[/<encoding parameters>]}.
 *
 * @param payloadType        0..127
 * @param encodingName       as written, e.g. {@code opus}, {@code VP8}
 * @param clockRate          Hz
 * @param encodingParameters audio channels as written, or null
 */
public record RtpMap(int payloadType, String encodingName, int clockRate, String encodingParameters)
        implements AttributeValue {

    /**
     * Parses the attribute value.
     *
     * @param value the text after {@code a=rtpmap:}, e.g. {@code 111 opus/48000/2}
     * @return the rtpmap
     * @throws SdpParseException if the payload type is not 0..127, the clock rate is not a
     *                           positive number, or the encoding is not
     *                           {@code <name>/<rate>[/<parameters>]} of tokens (line number 0)
     */
    public static RtpMap parse(String value) throws SdpParseException {
        List<String> f = Fields.split(value);
        Fields.count(f, 2, 2, "rtpmap");
        int pt = Fields.parseInt(f.get(0), 0, 127, "rtpmap payload type");
        List<String> enc = Fields.splitOn(f.get(1), '/');
        if (enc.size() < 2 || enc.size() > 3) {
            throw SdpParseException.of("rtpmap encoding must be <name>/<clock rate>[/<parameters>]");
        }
        String name = Fields.token(enc.get(0), "rtpmap encoding name");
        int rate = Fields.parseInt(enc.get(1), 1, Integer.MAX_VALUE, "rtpmap clock rate");
        String params = null;
        if (enc.size() == 3) {
            params = Fields.token(enc.get(2), "rtpmap encoding parameters");
        }
        return new RtpMap(pt, name, rate, params);
    }

    /** @return the channel count for audio (1 when absent or not numeric) */
    public int channels() {
        if (encodingParameters == null) {
            return 1;
        }
        try {
            return Integer.parseInt(encodingParameters);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public String attributeName() {
        return "rtpmap";
    }

    @Override
    public String format() {
        return payloadType + " " + encodingName + "/" + clockRate
                + (encodingParameters == null ? "" : "/" + encodingParameters);
    }
}
