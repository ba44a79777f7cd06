package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Attribute accessors shared by the session section and media sections. Lines are kept verbatim;
 * typed values are read from them on each call (descriptions are immutable and validated, so the
 * typed reads cannot fail).
 */
public abstract class SdpSection {
    final List<SdpLine> lines;

    SdpSection(List<SdpLine> lines) {
        this.lines = List.copyOf(lines);
    }

    /** @return this section's lines in order (for a media section the first is the m= line) */
    public List<SdpLine> lines() {
        return lines;
    }

    /** @return every {@code a=} line of this section, in order */
    public List<Attribute> attributes() {
        List<Attribute> out = new ArrayList<>();
        for (SdpLine l : lines) {
            if (l.isAttribute()) {
                out.add(l.asAttribute());
            }
        }
        return out;
    }

    /**
     * @param name the attribute name, e.g. {@code candidate} (case-sensitive)
     * @return the attributes with this name, in order; empty if there are none
     */
    public List<Attribute> attributes(String name) {
        List<Attribute> out = new ArrayList<>();
        for (SdpLine l : lines) {
            if (l.isAttribute() && name.equals(l.attributeName())) {
                out.add(l.asAttribute());
            }
        }
        return out;
    }

    /**
     * @param name the attribute name (case-sensitive)
     * @return the first attribute with this name, or empty if there is none
     */
    public Optional<Attribute> attribute(String name) {
        for (SdpLine l : lines) {
            if (l.isAttribute() && name.equals(l.attributeName())) {
                return Optional.of(l.asAttribute());
            }
        }
        return Optional.empty();
    }

    /**
     * @param name the attribute name (case-sensitive)
     * @return the value of the first attribute with this name, exactly as written (empty if the
     *         attribute is absent and for flags too)
     */
    public Optional<String> attributeValue(String name) {
        return attribute(name).map(Attribute::value);
    }

    /**
     * @param name the attribute name (case-sensitive)
     * @return true if an attribute with this name is present
     */
    public boolean hasAttribute(String name) {
        return attribute(name).isPresent();
    }

    /** @return the values of the lines of one type (e.g. {@code 'b'}), in order */
    List<String> values(char type) {
        List<String> out = new ArrayList<>();
        for (SdpLine l : lines) {
            if (l.type() == type) {
                out.add(l.value());
            }
        }
        return out;
    }

    /** @return the {@code i=} line */
    public Optional<String> information() {
        return values('i').stream().findFirst();
    }

    /** @return the first {@code c=} line */
    public Optional<Connection> connection() {
        return values('c').stream().findFirst().map(v -> typed(v, Connection::parse));
    }

    /** @return the {@code b=} lines */
    public List<Bandwidth> bandwidths() {
        return values('b').stream().map(v -> typed(v, Bandwidth::parse)).toList();
    }

    /** @return {@code a=ice-ufrag} of this section */
    public Optional<String> iceUfrag() {
        return attributeValue("ice-ufrag");
    }

    /** @return {@code a=ice-pwd} of this section */
    public Optional<String> icePwd() {
        return attributeValue("ice-pwd");
    }

    /** @return the options of {@code a=ice-options} (e.g. {@code trickle}), empty if absent */
    public List<String> iceOptions() {
        return attributeValue("ice-options").map(Fields::split).orElse(List.of());
    }

    /** @return true if {@code a=ice-lite} is present */
    public boolean iceLite() {
        return hasAttribute("ice-lite");
    }

    /** @return every {@code a=fingerprint} of this section */
    public List<Fingerprint> fingerprints() {
        return typedAll("fingerprint", Fingerprint::parse);
    }

    /** @return {@code a=setup} of this section */
    public Optional<Setup> setup() {
        return attributeValue("setup").map(v -> typed(v, Setup::parse));
    }

    /** @return the direction attribute of this section, if any */
    public Optional<Direction> direction() {
        for (SdpLine l : lines) {
            if (l.isAttribute()) {
                Direction d = Direction.fromSdpName(l.value());
                if (d != null) {
                    return Optional.of(d);
                }
            }
        }
        return Optional.empty();
    }

    /** @return every {@code a=extmap} of this section */
    public List<ExtMap> extMaps() {
        return typedAll("extmap", ExtMap::parse);
    }

    /** @return true if {@code a=extmap-allow-mixed} is present */
    public boolean extmapAllowMixed() {
        return hasAttribute("extmap-allow-mixed");
    }

    /** @return every {@code a=candidate} of this section */
    public List<SdpCandidate> candidates() {
        return typedAll("candidate", SdpCandidate::parseValue);
    }

    /** @return true if {@code a=end-of-candidates} is present */
    public boolean endOfCandidates() {
        return hasAttribute("end-of-candidates");
    }

    /** @return {@code a=sctp-port} */
    public OptionalInt sctpPort() {
        Optional<String> v = attributeValue("sctp-port");
        return v.isPresent() ? OptionalInt.of(Integer.parseInt(v.get())) : OptionalInt.empty();
    }

    /** @return {@code a=max-message-size} (0 means no limit) */
    public OptionalLong maxMessageSize() {
        Optional<String> v = attributeValue("max-message-size");
        return v.isPresent() ? OptionalLong.of(Long.parseLong(v.get())) : OptionalLong.empty();
    }

    /** A parser of one typed value. */
    @FunctionalInterface
    interface ValueParser<T> {
        T parse(String value) throws SdpParseException;
    }

    <T> List<T> typedAll(String name, ValueParser<T> parser) {
        List<T> out = new ArrayList<>();
        for (SdpLine l : lines) {
            if (l.isAttribute() && name.equals(l.attributeName())) {
                out.add(typed(l.asAttribute().value(), parser));
            }
        }
        return out;
    }

    static <T> T typed(String value, ValueParser<T> parser) {
        try {
            return parser.parse(value);
        } catch (SdpParseException e) {
            // Descriptions are validated when parsed or built; reaching this is a bug in rtc4j.
            throw new IllegalStateException("validated SDP value failed to parse: " + e.getMessage(), e);
        }
    }

    /** @return the lines with CRLF terminators */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (SdpLine l : lines) {
            sb.append(l.type()).append('=').append(l.value()).append("\r\n");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
