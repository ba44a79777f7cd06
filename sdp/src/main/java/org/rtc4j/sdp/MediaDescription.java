package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One media section: the {@code m=} line and the lines up to the next one, verbatim and in order,
 * with typed accessors for what WebRTC uses. Immutable; change it with {@link #toBuilder()}.
 */
public final class MediaDescription extends SdpSection {
    private final MediaLine mediaLine;

    MediaDescription(List<SdpLine> lines) {
        super(lines);
        this.mediaLine = typed(lines.get(0).value(), MediaLine::parse);
    }

    /**
     * Starts a media section, e.g. {@code builder("audio", 9, "UDP/TLS/RTP/SAVPF", "111", "0")}.
     *
     * @param media    the media type, e.g. {@code audio}, {@code video} or {@code application}
     * @param port     the port, 0..65535; 0 rejects the section
     * @param protocol the transport protocol, e.g. {@code UDP/TLS/RTP/SAVPF}
     * @param formats  the formats: RTP payload types, or {@code webrtc-datachannel}
     * @return a builder for the section
     * @throws NullPointerException if an argument or a format is null
     */
    public static Builder builder(String media, int port, String protocol, String... formats) {
        return new Builder(new MediaLine(media, port, 0, protocol, List.of(formats)));
    }

    /**
     * Starts a media section from an m= line.
     *
     * @param mediaLine the m= line
     * @return a builder for the section
     */
    public static Builder builder(MediaLine mediaLine) {
        return new Builder(mediaLine);
    }

    /** @return a builder holding this section's lines */
    public Builder toBuilder() {
        Builder b = new Builder(mediaLine);
        b.mLine = lines.get(0); // verbatim, e.g. a port written as "04750"
        b.lines.addAll(lines.subList(1, lines.size()));
        return b;
    }

    /** @return the parsed {@code m=} line */
    public MediaLine mediaLine() {
        return mediaLine;
    }

    /** @return {@code audio}, {@code video}, {@code application}, ... */
    public String media() {
        return mediaLine.media();
    }

    /** @return the m= port (0 for a rejected section) */
    public int port() {
        return mediaLine.port();
    }

    /** @return the m= protocol */
    public String protocol() {
        return mediaLine.protocol();
    }

    /** @return the m= formats */
    public List<String> formats() {
        return mediaLine.formats();
    }

    /** @return {@code a=mid} */
    public Optional<String> mid() {
        return attributeValue("mid");
    }

    /** @return {@code a=rtcp} */
    public Optional<Rtcp> rtcp() {
        return attributeValue("rtcp").map(v -> typed(v, Rtcp::parse));
    }

    /** @return true if {@code a=rtcp-mux} is present */
    public boolean rtcpMux() {
        return hasAttribute("rtcp-mux");
    }

    /** @return true if {@code a=rtcp-mux-only} is present */
    public boolean rtcpMuxOnly() {
        return hasAttribute("rtcp-mux-only");
    }

    /** @return true if {@code a=rtcp-rsize} is present */
    public boolean rtcpRsize() {
        return hasAttribute("rtcp-rsize");
    }

    /** @return every {@code a=rtpmap} */
    public List<RtpMap> rtpMaps() {
        return typedAll("rtpmap", RtpMap::parse);
    }

    /** @return every {@code a=fmtp} */
    public List<Fmtp> fmtps() {
        return typedAll("fmtp", Fmtp::parse);
    }

    /** @return every {@code a=rtcp-fb} */
    public List<RtcpFb> rtcpFbs() {
        return typedAll("rtcp-fb", RtcpFb::parse);
    }

    /** @return every {@code a=ssrc} */
    public List<SsrcAttribute> ssrcs() {
        return typedAll("ssrc", SsrcAttribute::parse);
    }

    /** @return the distinct SSRCs named by {@code a=ssrc}, in first-seen order */
    public List<Long> ssrcIds() {
        Set<Long> out = new LinkedHashSet<>();
        for (SsrcAttribute s : ssrcs()) {
            out.add(s.ssrc());
        }
        return List.copyOf(out);
    }

    /**
     * @param ssrc the SSRC, 0..2^32-1
     * @return the {@code cname} of an SSRC from {@code a=ssrc:<ssrc> cname:<cname>}, or empty if
     *         there is none
     */
    public Optional<String> cname(long ssrc) {
        return ssrcs().stream().filter(s -> s.ssrc() == ssrc && s.attribute().equals("cname"))
                .map(SsrcAttribute::value).findFirst();
    }

    /** @return every {@code a=ssrc-group} */
    public List<SsrcGroup> ssrcGroups() {
        return typedAll("ssrc-group", SsrcGroup::parse);
    }

    /** @return every {@code a=msid} */
    public List<Msid> msids() {
        return typedAll("msid", Msid::parse);
    }

    /** @return every {@code a=rid} */
    public List<Rid> rids() {
        return typedAll("rid", Rid::parse);
    }

    /** @return {@code a=simulcast} */
    public Optional<Simulcast> simulcast() {
        return attributeValue("simulcast").map(v -> typed(v, Simulcast::parse));
    }

    /** @return the legacy {@code a=sctpmap} */
    public Optional<SctpMap> sctpMap() {
        return attributeValue("sctpmap").map(v -> typed(v, SctpMap::parse));
    }

    /**
     * The SCTP port of a data channel section: {@code a=sctp-port}, else the legacy
     * {@code a=sctpmap} port, else the legacy m= format; -1 if none.
     *
     * @return the SCTP port, or -1 if the section names none
     */
    public int effectiveSctpPort() {
        if (sctpPort().isPresent()) {
            return sctpPort().getAsInt();
        }
        if (sctpMap().isPresent()) {
            return sctpMap().get().port();
        }
        if (mediaLine.isSctp() && !formats().isEmpty()) {
            try {
                return Integer.parseInt(formats().get(0));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The codecs of an RTP section in m= line order: each payload type with its rtpmap (or static
     * mapping), fmtp parameters and rtcp-fb lines. Payload types with neither are skipped.
     *
     * @return the codecs in m= line order; empty for a section that is not RTP
     */
    public List<Codec> codecs() {
        List<Codec> out = new ArrayList<>();
        if (!mediaLine.isRtp()) {
            return out;
        }
        List<RtpMap> maps = rtpMaps();
        List<Fmtp> fmtps = fmtps();
        List<RtcpFb> fbs = rtcpFbs();
        for (String fmt : formats()) {
            int pt;
            try {
                pt = Integer.parseInt(fmt);
            } catch (NumberFormatException e) {
                continue;
            }
            RtpMap map = maps.stream().filter(m -> m.payloadType() == pt).findFirst()
                    .orElse(Codec.staticMapping(pt));
            if (map == null) {
                continue;
            }
            List<Parameter> params = new ArrayList<>();
            for (Fmtp f : fmtps) {
                if (f.payloadType() == pt) {
                    params.addAll(f.parameters());
                }
            }
            List<RtcpFb> fb = fbs.stream().filter(f -> f.appliesTo(pt)).toList();
            out.add(new Codec(pt, map.encodingName(), map.clockRate(), map.channels(), params, fb));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaDescription && ((MediaDescription) o).lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    /** Builds a media section; see {@link SectionBuilder} for ordering and replacement rules. */
    public static final class Builder extends SectionBuilder<Builder> {
        private MediaLine mediaLine;
        private SdpLine mLine;

        Builder(MediaLine mediaLine) {
            this.mediaLine = mediaLine;
            this.mLine = mediaLine.toLine();
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        int rank(char type) {
            int r = "icbka".indexOf(type);
            return r < 0 ? -1 : r;
        }

        /**
         * Sets the m= port; the m= line is then written anew from its parsed fields.
         *
         * @param port the port, 0..65535; 0 rejects the section
         * @return this builder
         */
        public Builder port(int port) {
            mediaLine = new MediaLine(mediaLine.media(), port, mediaLine.numberOfPorts(), mediaLine.protocol(),
                    mediaLine.formats());
            mLine = mediaLine.toLine();
            return this;
        }

        /**
         * Sets the m= formats; the m= line is then written anew from its parsed fields.
         *
         * @param formats the formats in preference order, e.g. RTP payload types
         * @return this builder
         * @throws NullPointerException if {@code formats} is null or contains null
         */
        public Builder formats(List<String> formats) {
            mediaLine = new MediaLine(mediaLine.media(), mediaLine.port(), mediaLine.numberOfPorts(),
                    mediaLine.protocol(), formats);
            mLine = mediaLine.toLine();
            return this;
        }

        /**
         * Sets {@code a=mid}.
         *
         * @param mid the media id, a token unique within the description
         * @return this builder
         */
        public Builder mid(String mid) {
            return replaceAttribute(Attribute.of("mid", mid));
        }

        /**
         * Sets {@code a=rtcp:<port> IN IP4|IP6 <address>}.
         *
         * @param port    the RTCP port, 0..65535
         * @param address an IPv4 or IPv6 address; one that contains a colon is written as
         *                {@code IP6}
         * @return this builder
         */
        public Builder rtcp(int port, String address) {
            Connection c = Connection.of(address);
            return replaceAttribute(new Rtcp(port, c.netType(), c.addrType(), address).toAttribute());
        }

        /**
         * Sets {@code a=rtcp-mux}.
         *
         * @return this builder
         */
        public Builder rtcpMux() {
            return replaceAttribute(Attribute.flag("rtcp-mux"));
        }

        /**
         * Sets {@code a=rtcp-mux-only}.
         *
         * @return this builder
         */
        public Builder rtcpMuxOnly() {
            return replaceAttribute(Attribute.flag("rtcp-mux-only"));
        }

        /**
         * Sets {@code a=rtcp-rsize}.
         *
         * @return this builder
         */
        public Builder rtcpRsize() {
            return replaceAttribute(Attribute.flag("rtcp-rsize"));
        }

        /**
         * Appends {@code a=rtpmap}.
         *
         * @param rtpMap the payload type mapping
         * @return this builder
         */
        public Builder rtpMap(RtpMap rtpMap) {
            return attribute(rtpMap);
        }

        /**
         * Appends {@code a=fmtp}.
         *
         * @param fmtp the format parameters
         * @return this builder
         */
        public Builder fmtp(Fmtp fmtp) {
            return attribute(fmtp);
        }

        /**
         * Appends {@code a=rtcp-fb}.
         *
         * @param fb the RTCP feedback line
         * @return this builder
         */
        public Builder rtcpFb(RtcpFb fb) {
            return attribute(fb);
        }

        /**
         * Appends one codec the way Chromium writes it: rtpmap, then rtcp-fb lines, then fmtp (if
         * any parameters). The payload type must also be listed in the m= formats.
         *
         * @param codec the codec; its channel count is written only when greater than 1
         * @return this builder
         */
        public Builder codec(Codec codec) {
            rtpMap(new RtpMap(codec.payloadType(), codec.name(), codec.clockRate(),
                    codec.channels() > 1 ? Integer.toString(codec.channels()) : null));
            for (RtcpFb fb : codec.feedback()) {
                rtcpFb(fb);
            }
            if (!codec.parameters().isEmpty()) {
                fmtp(new Fmtp(Integer.toString(codec.payloadType()), codec.parameters()));
            }
            return this;
        }

        /**
         * Appends {@code a=ssrc:<ssrc> <attribute>:<value>}.
         *
         * @param ssrc      the SSRC, 0..2^32-1
         * @param attribute the source attribute name, e.g. {@code cname} or {@code msid}
         * @param value     the attribute value, or null to write {@code a=ssrc:<ssrc> <attribute>}
         * @return this builder
         */
        public Builder ssrc(long ssrc, String attribute, String value) {
            return attribute(new SsrcAttribute(ssrc, attribute, value));
        }

        /**
         * Appends {@code a=ssrc-group}.
         *
         * @param semantics the semantics, e.g. {@code FID}
         * @param ssrcs     the SSRCs in order, each 0..2^32-1; at least one
         * @return this builder
         * @throws NullPointerException if an SSRC is null
         */
        public Builder ssrcGroup(String semantics, Long... ssrcs) {
            return attribute(new SsrcGroup(semantics, List.of(ssrcs)));
        }

        /**
         * Appends {@code a=msid}.
         *
         * @param streamId the MediaStream id, or {@code -} for none
         * @param trackId  the track id, or null to leave it out
         * @return this builder
         */
        public Builder msid(String streamId, String trackId) {
            return attribute(new Msid(streamId, trackId));
        }

        /**
         * Appends {@code a=rid}.
         *
         * @param rid the RTP stream id and its restrictions
         * @return this builder
         */
        public Builder rid(Rid rid) {
            return attribute(rid);
        }

        /**
         * Sets {@code a=simulcast}.
         *
         * @param simulcast the simulcast streams
         * @return this builder
         */
        public Builder simulcast(Simulcast simulcast) {
            return replaceAttribute(simulcast.toAttribute());
        }

        /**
         * Sets the legacy {@code a=sctpmap}.
         *
         * @param sctpMap the sctpmap
         * @return this builder
         */
        public Builder sctpMap(SctpMap sctpMap) {
            return replaceAttribute(sctpMap.toAttribute());
        }

        /**
         * @return the media section
         * @throws IllegalArgumentException if a line is not valid SDP (the message names it)
         */
        public MediaDescription build() {
            List<SdpLine> all = new ArrayList<>();
            all.add(mLine);
            all.addAll(lines);
            try {
                return SdpParser.assembleMedia(all);
            } catch (SdpParseException e) {
                throw new IllegalArgumentException("invalid media section: " + e.getMessage(), e);
            }
        }
    }
}
