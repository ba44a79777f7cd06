package org.rtc4j.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed or built SDP session description (RFC 8866): the session section and its media
 * sections, every line kept verbatim and in order, with typed accessors for what WebRTC uses.
 *
 * <p>{@code SessionDescription.parse(s).format()} equals {@code s} byte for byte for well-formed
 * CRLF input; LF-only input is accepted and written back with CRLF. Immutable and thread-safe.
 *
 * <pre>{@code
 * SessionDescription sdp = SessionDescription.parse(text);
 * for (MediaDescription m : sdp.media()) {
 *     String ufrag = sdp.effectiveIceUfrag(m).orElseThrow();
 *     List<Codec> codecs = m.codecs();
 * }
 * }</pre>
 */
public final class SessionDescription extends SdpSection {
    /** Inputs larger than this many bytes (UTF-8) are rejected. */
    public static final int MAX_BYTES = 1 << 20;
    /** Inputs with more lines than this are rejected. */
    public static final int MAX_LINES = 10_000;
    /** A line longer than this many bytes is rejected. */
    public static final int MAX_LINE_BYTES = 16 * 1024;

    private final List<MediaDescription> media;

    SessionDescription(List<SdpLine> sessionLines, List<MediaDescription> media) {
        super(sessionLines);
        this.media = List.copyOf(media);
    }

    /**
     * Parses a description.
     *
     * @param sdp the description text, with CRLF or LF line terminators
     * @return the parsed and validated description
     * @throws SdpParseException    for malformed or oversized input, naming the line
     * @throws NullPointerException if {@code sdp} is null
     */
    public static SessionDescription parse(String sdp) throws SdpParseException {
        Objects.requireNonNull(sdp, "sdp");
        return SdpParser.parse(sdp);
    }

    /**
     * Parses UTF-8 bytes; invalid UTF-8 is a parse error.
     *
     * @param sdp the description as UTF-8, at most {@link #MAX_BYTES} bytes
     * @return the parsed and validated description
     * @throws SdpParseException    for malformed, oversized or non-UTF-8 input, naming the line
     * @throws NullPointerException if {@code sdp} is null
     */
    public static SessionDescription parse(byte[] sdp) throws SdpParseException {
        Objects.requireNonNull(sdp, "sdp");
        return SdpParser.parse(sdp);
    }

    /**
     * @return an empty builder; {@code build()} adds the defaults {@code v=0},
     *         {@code o=- 0 0 IN IP4 127.0.0.1}, {@code s=-} and {@code t=0 0} for any of these
     *         lines not set
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this description's lines and media sections */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.lines.addAll(lines);
        b.media.addAll(media);
        return b;
    }

    /** @return the media sections in order */
    public List<MediaDescription> media() {
        return media;
    }

    /** @return the session section's lines (v= first) */
    public List<SdpLine> sessionLines() {
        return lines;
    }

    /** @return every line of the description in order */
    public List<SdpLine> allLines() {
        List<SdpLine> out = new ArrayList<>(lines);
        for (MediaDescription m : media) {
            out.addAll(m.lines());
        }
        return out;
    }

    /** @return the {@code v=} value (always 0) */
    public int version() {
        return 0;
    }

    /** @return the {@code o=} line */
    public Origin origin() {
        return typed(values('o').get(0), Origin::parse);
    }

    /** @return the {@code s=} text */
    public String sessionName() {
        return values('s').get(0);
    }

    /** @return the {@code u=} line */
    public Optional<String> uri() {
        return values('u').stream().findFirst();
    }

    /** @return the {@code e=} lines */
    public List<String> emails() {
        return values('e');
    }

    /** @return the {@code p=} lines */
    public List<String> phones() {
        return values('p');
    }

    /** @return the {@code t=} lines */
    public List<Timing> timings() {
        return values('t').stream().map(v -> typed(v, Timing::parse)).toList();
    }

    /** @return every {@code a=group} */
    public List<Group> groups() {
        return typedAll("group", Group::parse);
    }

    /** @return the first {@code a=group:BUNDLE} */
    public Optional<Group> bundleGroup() {
        return groups().stream().filter(Group::isBundle).findFirst();
    }

    /** @return {@code a=msid-semantic} */
    public Optional<MsidSemantic> msidSemantic() {
        return attributeValue("msid-semantic").map(v -> typed(v, MsidSemantic::parse));
    }

    /**
     * @param mid the media id ({@code a=mid}) to look for
     * @return the first media section with this mid, or empty if there is none
     */
    public Optional<MediaDescription> mediaByMid(String mid) {
        return media.stream().filter(m -> m.mid().filter(mid::equals).isPresent()).findFirst();
    }

    /**
     * @param mid the media id ({@code a=mid}) to look for
     * @return the 0-based index (m-line index) of the first media section with this mid, or -1
     */
    public int mediaIndexOf(String mid) {
        for (int i = 0; i < media.size(); i++) {
            if (media.get(i).mid().filter(mid::equals).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A copy with a trickled candidate appended to one media section (JSEP keeps the current
     * descriptions up to date with gathered and added candidates).
     *
     * @param mLineIndex the 0-based index of the media section
     * @param candidate  the candidate to append as {@code a=candidate}
     * @return the new description; this one is unchanged
     * @throws IndexOutOfBoundsException if there is no media section at {@code mLineIndex}
     * @throws IllegalArgumentException  if the candidate is not valid SDP
     */
    public SessionDescription withCandidate(int mLineIndex, SdpCandidate candidate) {
        MediaDescription m = media.get(mLineIndex).toBuilder().candidate(candidate).build();
        return toBuilder().media(mLineIndex, m).build();
    }

    /**
     * A copy with {@code a=end-of-candidates} on every media section (gathering finished).
     *
     * @return the new description; this one is unchanged
     */
    public SessionDescription withEndOfCandidates() {
        Builder b = toBuilder().clearMedia();
        for (MediaDescription m : media) {
            b.media(m.toBuilder().endOfCandidates().build());
        }
        return b.build();
    }

    /**
     * @param m a media section of this description
     * @return the ice-ufrag of a media section, falling back to the session level; empty if neither
     *         has one
     */
    public Optional<String> effectiveIceUfrag(MediaDescription m) {
        return m.iceUfrag().or(this::iceUfrag);
    }

    /**
     * @param m a media section of this description
     * @return the ice-pwd of a media section, falling back to the session level; empty if neither
     *         has one
     */
    public Optional<String> effectiveIcePwd(MediaDescription m) {
        return m.icePwd().or(this::icePwd);
    }

    /**
     * @param m a media section of this description
     * @return the ice-options of a media section, falling back to the session level; empty if
     *         neither has any
     */
    public List<String> effectiveIceOptions(MediaDescription m) {
        List<String> o = m.iceOptions();
        return o.isEmpty() ? iceOptions() : o;
    }

    /**
     * @param m a media section of this description
     * @return the fingerprints of a media section, falling back to the session level; empty if
     *         neither has any
     */
    public List<Fingerprint> effectiveFingerprints(MediaDescription m) {
        List<Fingerprint> f = m.fingerprints();
        return f.isEmpty() ? fingerprints() : f;
    }

    /**
     * @param m a media section of this description
     * @return the setup of a media section, falling back to the session level; empty if neither
     *         has one
     */
    public Optional<Setup> effectiveSetup(MediaDescription m) {
        return m.setup().or(this::setup);
    }

    /**
     * @param m a media section of this description
     * @return the direction of a media section, else the session's, else sendrecv (RFC 8866 §6.7)
     */
    public Direction effectiveDirection(MediaDescription m) {
        return m.direction().or(this::direction).orElse(Direction.SENDRECV);
    }

    /**
     * @param m a media section of this description
     * @return true if the media section or the session has {@code a=extmap-allow-mixed}
     */
    public boolean effectiveExtmapAllowMixed(MediaDescription m) {
        return m.extmapAllowMixed() || extmapAllowMixed();
    }

    /** @return the whole description with CRLF line terminators */
    @Override
    public String format() {
        StringBuilder sb = new StringBuilder(super.format());
        for (MediaDescription m : media) {
            sb.append(m.format());
        }
        return sb.toString();
    }

    /** @return {@link #format()} as UTF-8 */
    public byte[] toBytes() {
        return format().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionDescription && ((SessionDescription) o).lines.equals(lines)
                && ((SessionDescription) o).media.equals(media);
    }

    @Override
    public int hashCode() {
        return lines.hashCode() * 31 + media.hashCode();
    }

    /** Builds a description; see {@link SectionBuilder} for ordering and replacement rules. */
    public static final class Builder extends SectionBuilder<Builder> {
        private final List<MediaDescription> media = new ArrayList<>();

        Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        int rank(char type) {
            switch (type) {
                case 'v': return 0;
                case 'o': return 1;
                case 's': return 2;
                case 'i': return 3;
                case 'u': return 4;
                case 'e': return 5;
                case 'p': return 6;
                case 'c': return 7;
                case 'b': return 8;
                case 't': case 'r': return 9;
                case 'z': return 10;
                case 'k': return 11;
                case 'a': return 12;
                default: return -1;
            }
        }

        /**
         * Sets the {@code o=} line.
         *
         * @param origin the origin
         * @return this builder
         */
        public Builder origin(Origin origin) {
            return replaceType('o', origin.format());
        }

        /**
         * Sets {@code o=<username> <sessionId> <version> IN IP4|IP6 <address>}.
         *
         * @param username       the user name, {@code -} for none
         * @param sessionId      the session id, not negative
         * @param sessionVersion the session version, not negative
         * @param address        the address of the originating host; one that contains a colon is
         *                       written as {@code IP6}
         * @return this builder
         */
        public Builder origin(String username, long sessionId, long sessionVersion, String address) {
            return origin(Origin.of(username, sessionId, sessionVersion, address));
        }

        /**
         * Sets the {@code s=} line.
         *
         * @param name the session name; {@code -} when there is none
         * @return this builder
         */
        public Builder sessionName(String name) {
            return replaceType('s', name);
        }

        /**
         * Sets the {@code u=} line.
         *
         * @param uri the URI of a description of the session
         * @return this builder
         */
        public Builder uri(String uri) {
            return replaceType('u', uri);
        }

        /**
         * Appends an {@code e=} line.
         *
         * @param email the email address, written as given
         * @return this builder
         */
        public Builder email(String email) {
            return line(new SdpLine('e', email));
        }

        /**
         * Appends a {@code p=} line.
         *
         * @param phone the phone number, written as given
         * @return this builder
         */
        public Builder phone(String phone) {
            return line(new SdpLine('p', phone));
        }

        /**
         * Sets the (single) {@code t=} line and removes any {@code r=} lines.
         *
         * @param start the start time in NTP seconds, 0 for a permanent session
         * @param stop  the stop time in NTP seconds, 0 for unbounded
         * @return this builder
         */
        public Builder timing(long start, long stop) {
            lines.removeIf(l -> l.type() == 'r');
            return replaceType('t', new Timing(start, stop).format());
        }

        /**
         * Appends {@code a=group:<semantics> <mids>}.
         *
         * @param semantics the semantics, e.g. {@code LS}
         * @param mids      the mids of the grouped media sections
         * @return this builder
         */
        public Builder group(String semantics, String... mids) {
            return attribute(new Group(semantics, List.of(mids)));
        }

        /**
         * Sets {@code a=group:BUNDLE <mids>}, replacing any BUNDLE group.
         *
         * @param mids the mids of the bundled media sections, in order
         * @return this builder
         */
        public Builder bundle(String... mids) {
            return replace(l -> l.isAttribute() && "group".equals(l.attributeName())
                            && l.value().startsWith("group:BUNDLE"),
                    new Group("BUNDLE", List.of(mids)).toAttribute().toLine());
        }

        /**
         * Sets {@code a=msid-semantic: <semantic> <ids>} (e.g. {@code WMS}).
         *
         * @param semantic  the semantic token, e.g. {@code WMS}
         * @param streamIds the stream ids to list after it; may be empty
         * @return this builder
         */
        public Builder msidSemantic(String semantic, String... streamIds) {
            return replaceAttribute(new MsidSemantic(semantic, List.of(streamIds)).toAttribute());
        }

        /**
         * Appends a media section.
         *
         * @param m the media section
         * @return this builder
         */
        public Builder media(MediaDescription m) {
            media.add(m);
            return this;
        }

        /**
         * Replaces the media section at an index.
         *
         * @param index the 0-based index of an existing media section
         * @param m     the new media section
         * @return this builder
         * @throws IndexOutOfBoundsException if there is no media section at {@code index}
         */
        public Builder media(int index, MediaDescription m) {
            media.set(index, m);
            return this;
        }

        /**
         * Removes every media section.
         *
         * @return this builder
         */
        public Builder clearMedia() {
            media.clear();
            return this;
        }

        /**
         * @return the description
         * @throws IllegalArgumentException if a line is not valid SDP (the message names it)
         */
        public SessionDescription build() {
            Builder b = new Builder();
            b.lines.addAll(lines);
            if (lines.stream().noneMatch(l -> l.type() == 'v')) {
                b.line(new SdpLine('v', "0"));
            }
            if (lines.stream().noneMatch(l -> l.type() == 'o')) {
                b.line(Origin.of("-", 0, 0, "127.0.0.1").toLine());
            }
            if (lines.stream().noneMatch(l -> l.type() == 's')) {
                b.line(new SdpLine('s', "-"));
            }
            if (lines.stream().noneMatch(l -> l.type() == 't')) {
                b.line(new Timing(0, 0).toLine());
            }
            List<SdpLine> session = new ArrayList<>(b.lines);
            for (MediaDescription m : media) {
                session.addAll(m.lines());
            }
            try {
                return SdpParser.assemble(session);
            } catch (SdpParseException e) {
                throw new IllegalArgumentException("invalid session description: " + e.getMessage(), e);
            }
        }
    }
}
