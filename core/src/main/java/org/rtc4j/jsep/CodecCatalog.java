package org.rtc4j.jsep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rtc4j.sdp.Codec;
import org.rtc4j.sdp.ExtMap;
import org.rtc4j.sdp.Parameter;
import org.rtc4j.sdp.RtcpFb;
import org.rtc4j.rtp.ext.ExtensionUris;

/**
 * What rtc4j can carry (it packetizes and reassembles, it does not decode): the codecs it offers
 * per kind, in preference order with the payload types browsers use, the header extensions it
 * offers, and the rules for accepting a codec someone else offers (JSEP §5.3.1: the answer keeps
 * the offer's payload types and order, minus what we cannot carry).
 */
public final class CodecCatalog {

    // Feedback we act on: PLI/FIR reach the sender's key-frame event; NACKs are answered from the
    // sender's RTX history.
    private static final List<RtcpFb> VIDEO_FEEDBACK = List.of(new RtcpFb("0", "ccm", "fir"),
            new RtcpFb("0", "nack", null), new RtcpFb("0", "nack", "pli"));

    private static final List<MediaCodec> AUDIO = List.of(
            codec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1", List.of(), -1),
            codec(9, "G722", 8000, 1, null, List.of(), -1),
            codec(0, "PCMU", 8000, 1, null, List.of(), -1),
            codec(8, "PCMA", 8000, 1, null, List.of(), -1),
            codec(126, "telephone-event", 48000, 1, null, List.of(), -1),
            codec(101, "telephone-event", 8000, 1, null, List.of(), -1));

    private static final List<MediaCodec> VIDEO = List.of(
            codec(96, "VP8", 90000, 0, null, VIDEO_FEEDBACK, 97),
            codec(98, "VP9", 90000, 0, "profile-id=0", VIDEO_FEEDBACK, 99),
            codec(102, "H264", 90000, 0, "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
                    VIDEO_FEEDBACK, 103),
            codec(104, "H264", 90000, 0, "level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f",
                    VIDEO_FEEDBACK, 105),
            codec(106, "H264", 90000, 0, "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f",
                    VIDEO_FEEDBACK, 107),
            codec(108, "H264", 90000, 0, "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=4d001f",
                    VIDEO_FEEDBACK, 109),
            codec(112, "H264", 90000, 0, "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=640c1f",
                    VIDEO_FEEDBACK, 113),
            codec(45, "AV1", 90000, 0, "level-idx=5;profile=0;tier=0", VIDEO_FEEDBACK, 46));

    private static final List<String> AUDIO_EXTENSIONS = List.of(ExtensionUris.SSRC_AUDIO_LEVEL,
            ExtensionUris.ABS_SEND_TIME, ExtensionUris.MID);
    private static final List<String> VIDEO_EXTENSIONS = List.of(ExtensionUris.ABS_SEND_TIME, ExtensionUris.MID,
            ExtensionUris.RID, ExtensionUris.REPAIRED_RID);
    // The ids Chromium offers, so an rtc4j offer and a browser offer look alike in captures.
    private static final int[] AUDIO_EXTENSION_IDS = {1, 2, 4};
    private static final int[] VIDEO_EXTENSION_IDS = {2, 4, 10, 11};

    private CodecCatalog() {
    }

    private static MediaCodec codec(int pt, String name, int rate, int channels, String fmtp, List<RtcpFb> fb,
            int rtxPt) {
        List<Parameter> params = new ArrayList<>();
        if (fmtp != null) {
            for (String p : fmtp.split(";")) {
                int eq = p.indexOf('=');
                params.add(eq < 0 ? new Parameter(p, null) : new Parameter(p.substring(0, eq), p.substring(eq + 1)));
            }
        }
        List<RtcpFb> feedback = new ArrayList<>();
        for (RtcpFb f : fb) {
            feedback.add(RtcpFb.of(pt, f.type(), f.parameter()));
        }
        return new MediaCodec(pt, name, rate, channels, params, feedback, rtxPt);
    }

    /**
     * The codecs we offer for {@code kind} ({@code audio} or {@code video}), best first.
     *
     * @param kind {@code audio} or {@code video}
     * @return the codecs with their offer payload types and RTX payload types; empty for another
     *         kind
     */
    public static List<MediaCodec> offered(String kind) {
        return "audio".equals(kind) ? AUDIO : "video".equals(kind) ? VIDEO : List.of();
    }

    /**
     * The header extensions we offer for {@code kind}, with their ids.
     *
     * @param kind {@code audio}; any other value gets the video extensions
     * @return a new list of extensions with the ids Chromium uses
     */
    public static List<ExtMap> offeredExtensions(String kind) {
        List<ExtMap> out = new ArrayList<>();
        boolean audio = "audio".equals(kind);
        List<String> uris = audio ? AUDIO_EXTENSIONS : VIDEO_EXTENSIONS;
        int[] ids = audio ? AUDIO_EXTENSION_IDS : VIDEO_EXTENSION_IDS;
        for (int i = 0; i < uris.size(); i++) {
            out.add(new ExtMap(ids[i], uris.get(i)));
        }
        return out;
    }

    /**
     * Whether we understand a header extension of this URI for {@code kind}.
     *
     * @param kind {@code audio}; any other value is taken as video
     * @param uri  the extension URI
     * @return true if it is one of the extensions offered for that kind
     */
    public static boolean supportsExtension(String kind, String uri) {
        return ("audio".equals(kind) ? AUDIO_EXTENSIONS : VIDEO_EXTENSIONS).contains(uri);
    }

    /**
     * The offered codecs we can carry, in the offer's order with its payload types: each one
     * matched to a codec of ours, its fmtp kept (it describes what the offerer sends and takes),
     * its feedback cut to what we act on, and RTX kept for the codecs that stay.
     *
     * @param kind    {@code audio} or {@code video}
     * @param offered the section's codecs as {@link org.rtc4j.sdp.MediaDescription#codecs()} reads them
     * @return the accepted codecs, with telephone-event entries that share a kept codec's clock
     *         rate at the end; empty when none can be carried
     */
    public static List<MediaCodec> accept(String kind, List<Codec> offered) {
        List<MediaCodec> out = new ArrayList<>();
        boolean haveMedia = false;
        for (Codec c : offered) {
            if (c.name().equalsIgnoreCase("rtx") || c.name().equalsIgnoreCase("telephone-event")) {
                continue;
            }
            MediaCodec ours = match(kind, c);
            if (ours != null) {
                out.add(new MediaCodec(c.payloadType(), c.name(), c.clockRate(), "audio".equals(kind) ? c.channels() : 0,
                        c.parameters(), feedback(ours, c), rtxFor(offered, c.payloadType())));
                haveMedia = true;
            }
        }
        if (haveMedia && "audio".equals(kind)) {
            // DTMF events ride beside a codec of the same clock rate (RFC 4733 §2.5.1.2).
            for (Codec c : offered) {
                if (c.name().equalsIgnoreCase("telephone-event")
                        && out.stream().anyMatch(m -> !m.isTelephoneEvent() && m.clockRate() == c.clockRate())) {
                    out.add(new MediaCodec(c.payloadType(), c.name(), c.clockRate(), c.channels(), c.parameters(),
                            List.of(), -1));
                }
            }
        }
        return out;
    }

    /** Our codec that can carry {@code c}, or null. */
    static MediaCodec match(String kind, Codec c) {
        for (MediaCodec ours : offered(kind)) {
            if (!ours.sameEncoding(c)) {
                continue;
            }
            switch (ours.key()) {
                case "opus":
                    return c.channels() == 2 ? ours : null;
                case "h264": {
                    String mode = c.parameter("packetization-mode").orElse("0");
                    if (!mode.equals("0") && !mode.equals("1")) {
                        return null;
                    }
                    H264Profile p = H264Profile.of(c.parameter("profile-level-id").orElse(null));
                    return p.supported() ? ours : null;
                }
                case "vp9": {
                    String profile = c.parameter("profile-id").orElse("0");
                    return profile.equals("0") || profile.equals("2") ? ours : null;
                }
                default:
                    return ours;
            }
        }
        return null;
    }

    private static List<RtcpFb> feedback(MediaCodec ours, Codec offered) {
        List<RtcpFb> out = new ArrayList<>();
        for (RtcpFb f : offered.feedback()) {
            if (ours.hasFeedback(f.type(), f.parameter())) {
                out.add(RtcpFb.of(offered.payloadType(), f.type().toLowerCase(Locale.ROOT), f.parameter()));
            }
        }
        return out;
    }

    private static int rtxFor(List<Codec> offered, int pt) {
        for (Codec c : offered) {
            if (c.name().equalsIgnoreCase("rtx") && c.parameter("apt").map(a -> a.equals(Integer.toString(pt))).orElse(false)) {
                return c.payloadType();
            }
        }
        return -1;
    }

    /**
     * Whether two H.264 entries describe the same stream format: the same packetization mode and
     * profile (the level is negotiable, RFC 6184 §8.2.2).
     *
     * @param fmtpA the first entry's fmtp line, or null
     * @param b     the second entry
     * @return true if the packetization modes (0 when absent) and {@link H264Profile}s match
     */
    public static boolean sameH264Format(String fmtpA, MediaCodec b) {
        MediaCodec a = codec(0, "H264", 90000, 0, fmtpA, List.of(), -1);
        String modeA = a.parameter("packetization-mode") == null ? "0" : a.parameter("packetization-mode");
        String modeB = b.parameter("packetization-mode") == null ? "0" : b.parameter("packetization-mode");
        return modeA.equals(modeB)
                && H264Profile.of(a.parameter("profile-level-id")) == H264Profile.of(b.parameter("profile-level-id"));
    }
}
