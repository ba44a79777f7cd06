package org.rtc4j.sdp;

import java.util.List;
import java.util.Optional;

/**
 * A convenience view of one RTP payload type of a media section: its rtpmap (or the static
 * RFC 3551 mapping), fmtp parameters and rtcp-fb lines (including {@code *} ones).
 *
 * @param channels 1 when not stated
 */
public record Codec(int payloadType, String name, int clockRate, int channels, List<Parameter> parameters,
                    List<RtcpFb> feedback) {
    public Codec {
        parameters = List.copyOf(parameters);
        feedback = List.copyOf(feedback);
    }

    /** @return the value of the first fmtp parameter with this key (case-insensitive), if any */
    public Optional<String> parameter(String key) {
        return new Fmtp(Integer.toString(payloadType), parameters).get(key);
    }

    /** @return true if the codec has this rtcp-fb type and parameter (null for none) */
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
