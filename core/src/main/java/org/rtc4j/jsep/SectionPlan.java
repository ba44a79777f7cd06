package org.rtc4j.jsep;

import java.util.List;
import org.rtc4j.sdp.ExtMap;

/** What one m= section of a description we write says, decided before it is written. */
public sealed interface SectionPlan {

    /**
     * The section's mid.
     *
     * @return the mid; null only for a {@link Rejected} section that had none
     */
    String mid();

    /**
     * The data-channel section.
     *
     * @param mid    its mid
     * @param legacy the pre-RFC 8841 form ({@code DTLS/SCTP 5000} with {@code a=sctpmap}), only
     *               when answering an offer written that way
     */
    record Data(String mid, boolean legacy) implements SectionPlan {
    }

    /**
     * An audio or video section.
     *
     * @param mid        its mid
     * @param kind       {@code audio} or {@code video}
     * @param direction  the SDP direction ({@code sendrecv}, {@code sendonly}, {@code recvonly}, {@code inactive})
     * @param codecs     the codecs, preferred first, each with its RTX payload type if any
     * @param extensions the header extensions with their ids
     * @param source     what we send in it (SSRCs, msid), or null when we send nothing
     */
    record Media(String mid, String kind, String direction, List<MediaCodec> codecs, List<ExtMap> extensions,
            SendSource source) implements SectionPlan {

        /**
         * Copies the lists.
         *
         * @param mid        its mid
         * @param kind       {@code audio} or {@code video}
         * @param direction  the SDP direction
         * @param codecs     the codecs, preferred first
         * @param extensions the header extensions with their ids
         * @param source     what we send in it, or null when we send nothing
         */
        public Media {
            codecs = List.copyOf(codecs);
            extensions = List.copyOf(extensions);
        }
    }

    /**
     * A section refused or stopped: port 0, its mid kept (JSEP §5.2.2, §5.3.1).
     *
     * @param mid      its mid, or null if it had none
     * @param media    the m= media as it was
     * @param protocol the m= protocol as it was
     * @param formats  the m= formats as they were (at least one, as the grammar wants)
     */
    record Rejected(String mid, String media, String protocol, List<String> formats) implements SectionPlan {

        /**
         * Copies the list.
         *
         * @param mid      its mid, or null if it had none
         * @param media    the m= media as it was
         * @param protocol the m= protocol as it was
         * @param formats  the m= formats as they were
         */
        public Rejected {
            formats = List.copyOf(formats);
        }
    }

    /**
     * The RTP stream we send in a section.
     *
     * @param ssrc      the media SSRC
     * @param rtxSsrc   the RTX SSRC, or 0 when RTX is not negotiated
     * @param cname     the RTCP CNAME of the connection
     * @param streamIds the stream ids of the track ({@code a=msid}); "-" when it is in none
     * @param trackId   the track id
     */
    record SendSource(long ssrc, long rtxSsrc, String cname, List<String> streamIds, String trackId) {

        /**
         * Copies the list.
         *
         * @param ssrc      the media SSRC
         * @param rtxSsrc   the RTX SSRC, or 0 when RTX is not negotiated
         * @param cname     the RTCP CNAME of the connection
         * @param streamIds the stream ids of the track
         * @param trackId   the track id
         */
        public SendSource {
            streamIds = List.copyOf(streamIds);
        }
    }
}
