package org.rtc4j.jsep;

import java.util.List;
import java.util.Locale;
import org.rtc4j.RTCRtpCodecCapability;
import org.rtc4j.sdp.Codec;
import org.rtc4j.sdp.Parameter;
import org.rtc4j.sdp.RtcpFb;

/**
 * One RTP payload type of a media section as rtc4j uses it: the codec, its payload type, the
 * rtcp-fb kinds that were negotiated for it and the payload type of its RTX stream (RFC 4588).
 *
 * @param payloadType    the RTP payload type
 * @param name           the encoding name as written ({@code opus}, {@code VP8}, {@code telephone-event})
 * @param clockRate      Hz
 * @param channels       audio channels (1 when not written; 0 for video)
 * @param fmtp           the fmtp parameters, in order
 * @param feedback       the rtcp-fb lines for this payload type
 * @param rtxPayloadType the RTX payload type whose {@code apt} is this one, or -1
 */
public record MediaCodec(int payloadType, String name, int clockRate, int channels, List<Parameter> fmtp,
        List<RtcpFb> feedback, int rtxPayloadType) {

    /**
     * Copies the lists.
     *
     * @param payloadType    the RTP payload type
     * @param name           the encoding name as written
     * @param clockRate      Hz
     * @param channels       audio channels (0 for video)
     * @param fmtp           the fmtp parameters, in order
     * @param feedback       the rtcp-fb lines for this payload type
     * @param rtxPayloadType the RTX payload type whose {@code apt} is this one, or -1
     */
    public MediaCodec {
        fmtp = List.copyOf(fmtp);
        feedback = List.copyOf(feedback);
    }

    /**
     * The same codec under another payload type and RTX payload type.
     *
     * @param pt    the new payload type
     * @param rtxPt the new RTX payload type, or -1 for none
     * @return a copy with those payload types (the feedback lines are kept as they are)
     */
    public MediaCodec withPayloadTypes(int pt, int rtxPt) {
        return new MediaCodec(pt, name, clockRate, channels, fmtp, feedback, rtxPt);
    }

    /**
     * The same codec with other fmtp parameters and feedback.
     *
     * @param parameters the fmtp parameters, in order
     * @param fb         the rtcp-fb lines
     * @return a copy with those parameters and feedback
     */
    public MediaCodec with(List<Parameter> parameters, List<RtcpFb> fb) {
        return new MediaCodec(payloadType, name, clockRate, channels, parameters, fb, rtxPayloadType);
    }

    /**
     * Whether this is the codec of an {@link org.rtc4j.sdp.Codec} entry (same name and rate).
     *
     * @param c an SDP codec entry
     * @return true for the same encoding name (case-insensitive) and clock rate
     */
    public boolean sameEncoding(Codec c) {
        return name.equalsIgnoreCase(c.name()) && clockRate == c.clockRate();
    }

    /**
     * The fmtp parameter with this key, or null.
     *
     * @param key the parameter name, case-insensitive
     * @return the first matching parameter's value (null also for a parameter without one), or
     *         null if there is none
     */
    public String parameter(String key) {
        for (Parameter p : fmtp) {
            if (p.key().equalsIgnoreCase(key)) {
                return p.value();
            }
        }
        return null;
    }

    /**
     * Whether an rtcp-fb line of this type (and parameter, null for none) was negotiated.
     *
     * @param type      the feedback type, e.g. {@code nack} or {@code ccm}; case-insensitive
     * @param parameter the feedback parameter, e.g. {@code pli} or {@code fir}, or null for none
     * @return true if such a line is in {@link #feedback()}
     */
    public boolean hasFeedback(String type, String parameter) {
        for (RtcpFb f : feedback) {
            if (f.type().equalsIgnoreCase(type) && java.util.Objects.equals(f.parameter(), parameter)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The fmtp line as SDP writes it, or null when there are no parameters.
     *
     * @return the parameters joined by {@code ;}, e.g. {@code minptime=10;useinbandfec=1}, or null
     */
    public String fmtpLine() {
        if (fmtp.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Parameter p : fmtp) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(p.format());
        }
        return sb.toString();
    }

    /**
     * {@code audio/opus}, {@code video/VP8}.
     *
     * @param kind {@code audio} or {@code video}
     * @return {@code kind}, a slash and the encoding name
     */
    public String mimeType(String kind) {
        return kind + "/" + name;
    }

    /**
     * The W3C view of this codec.
     *
     * @param kind {@code audio} or {@code video}
     * @return the capability: audio with at least one channel, video with 0
     */
    public RTCRtpCodecCapability capability(String kind) {
        return new RTCRtpCodecCapability(mimeType(kind), clockRate, "audio".equals(kind) ? Math.max(1, channels) : 0,
                fmtpLine());
    }

    /**
     * Whether this is a DTMF event payload (RFC 4733), which is not a media codec of its own.
     *
     * @return true for {@code telephone-event}
     */
    public boolean isTelephoneEvent() {
        return name.equalsIgnoreCase("telephone-event");
    }

    /**
     * Lower-case encoding name, for switches.
     *
     * @return the name in lower case, e.g. {@code vp8}, {@code h264}
     */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }
}
