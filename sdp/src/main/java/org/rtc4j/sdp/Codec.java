package org.rtc4j.sdp;

import java.util.List;
import java.util.Optional;

/**
 * A convenience view of one RTP payload type of a media section: its rtpmap (or the static
 * RFC 3551 mapping), fmtp parameters and rtcp-fb lines (including {@code *} ones).
 *
 * @param payloadType the RTP payload type, 0..127
 * @param name        the encoding name as written in the rtpmap, e.g. {@code opus}, {@code VP8}
 * @param clockRate   the RTP clock rate in Hz
 * @param channels    the audio channel count; 1 when not stated
 * @param parameters  the fmtp parameters of all fmtp lines for this payload type, in order
 * @param feedback    the rtcp-fb lines that apply to this payload type, including {@code *} ones
 */
public record Codec(int payloadType, String name, int clockRate, int channels, List<Parameter> parameters,
                    List<RtcpFb> feedback) {
    /**
     * Copies the parameter and feedback lists into immutable lists.
     *
     * @param payloadType the RTP payload type
     * @param name        the encoding name
     * @param clockRate   the clock rate in Hz
     * @param channels    the channel count
     * @param parameters  the fmtp parameters
     * @param feedback    the rtcp-fb lines
     * @throws NullPointerException if a list is null or contains null
     */
    public Codec {
        parameters = List.copyOf(parameters);
        feedback = List.copyOf(feedback);
    }

    /**
     * @param key the fmtp parameter name, e.g. {@code profile-level-id}
     * @return the value of the first fmtp parameter with this key (case-insensitive); empty if
     *         there is none or it is a bare parameter without value
     */
    public Optional<String> parameter(String key) {
        return new Fmtp(Integer.toString(payloadType), parameters).get(key);
    }

    /**
     * @param type      the rtcp-fb type, e.g. {@code nack} (case-sensitive)
     * @param parameter the rtcp-fb parameter, e.g. {@code pli}, or null to match feedback without
     *                  a parameter
     * @return true if the codec has this rtcp-fb type and parameter
     */
    public boolean hasFeedback(String type, String parameter) {
        return feedback.stream().anyMatch(f -> f.type().equals(type)
                && java.util.Objects.equals(f.parameter(), parameter));
    }

    /** Static payload types of RFC 3551 that may appear without an rtpmap. */
    static RtpMap staticMapping(int pt) {
        switch (pt) {
            case 0: return new RtpMap(0, "PCMU", 8000, null);
            case 3: return new RtpMap(3, "GSM", 8000, null);
            case 4: return new RtpMap(4, "G723", 8000, null);
            case 8: return new RtpMap(8, "PCMA", 8000, null);
            case 9: return new RtpMap(9, "G722", 8000, null);
            case 13: return new RtpMap(13, "CN", 8000, null);
            case 18: return new RtpMap(18, "G729", 8000, null);
            default: return null;
        }
    }
}
