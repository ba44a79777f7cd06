package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Builder methods shared by {@link SessionDescription.Builder} and {@link MediaDescription.Builder}.
 *
 * <p>New lines are placed in RFC 8866 order by type (attributes in call order); lines taken over
 * from a parsed description by {@code toBuilder()} keep their positions. Methods for attributes that occur once ({@code mid}, {@code setup},
 * {@code ice-ufrag}, a direction, ...) replace an existing one in place; the others append.
 * Invalid values make {@code build()} throw {@link IllegalArgumentException}.
 *
 * @param <B> the concrete builder, for chaining
 */
public abstract class SectionBuilder<B extends SectionBuilder<B>> {
    final List<SdpLine> lines = new ArrayList<>();

    SectionBuilder() {
    }

    abstract B self();

    /** Rank of a line type in RFC 8866 order for this section; -1 for unknown types. */
    abstract int rank(char type);

    /**
     * Adds any line verbatim: after the last line of the same or an earlier RFC 8866 rank, so known
     * types land in RFC order without moving existing lines; unknown types go at the end.
     */
    public B line(SdpLine line) {
        int r = rank(line.type());
        if (r < 0) {
            lines.add(line);
            return self();
        }
        int at = 0;
        int prev = -1;
        for (int i = 0; i < lines.size(); i++) {
            int ri = rank(lines.get(i).type());
            prev = ri < 0 ? prev : ri; // unknown lines stick to the line before them
            if (prev <= r) {
                at = i + 1;
            }
        }
        lines.add(at, line);
        return self();
    }

    /** Appends an attribute. */
    public B attribute(Attribute attribute) {
        return line(attribute.toLine());
    }

    /** Appends a typed attribute. */
    public B attribute(AttributeValue value) {
        return attribute(value.toAttribute());
    }

    /** Appends a flag attribute such as {@code rtcp-mux}. */
    public B attribute(String flagName) {
        return attribute(Attribute.flag(flagName));
    }

    /** Appends {@code a=name:value}. */
    public B attribute(String name, String value) {
        return attribute(Attribute.of(name, value));
    }

    /** Removes every attribute with this name. */
    public B removeAttributes(String name) {
        lines.removeIf(l -> l.isAttribute() && name.equals(l.attributeName()));
        return self();
    }

    /** Replaces the lines matching {@code match} by {@code line}, at the first match's position. */
    B replace(Predicate<SdpLine> match, SdpLine line) {
        int at = -1;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (match.test(lines.get(i))) {
                lines.remove(i);
                at = i;
            }
        }
        if (at < 0) {
            line(line);
        } else {
            lines.add(at, line);
        }
        return self();
    }

    B replaceAttribute(Attribute a) {
        return replace(l -> l.isAttribute() && a.name().equals(l.attributeName()), a.toLine());
    }

    B replaceType(char type, String value) {
        return replace(l -> l.type() == type, new SdpLine(type, value));
    }

    /** Sets the {@code i=} line. */
    public B information(String text) {
        return replaceType('i', text);
    }

    /** Sets the {@code c=} line. */
    public B connection(Connection connection) {
        return replaceType('c', connection.format());
    }

    /** Sets {@code c=IN IP4|IP6 address}. */
    public B connection(String address) {
        return connection(Connection.of(address));
    }

    /** Appends a {@code b=} line. */
    public B bandwidth(String type, long bandwidth) {
        return line(new Bandwidth(type, bandwidth).toLine());
    }

    /** Sets {@code a=ice-ufrag}. */
    public B iceUfrag(String ufrag) {
        return replaceAttribute(Attribute.of("ice-ufrag", ufrag));
    }

    /** Sets {@code a=ice-pwd}. */
    public B icePwd(String pwd) {
        return replaceAttribute(Attribute.of("ice-pwd", pwd));
    }

    /** Sets {@code a=ice-options} (e.g. {@code trickle}). */
    public B iceOptions(String... options) {
        return replaceAttribute(Attribute.of("ice-options", String.join(" ", options)));
    }

    /** Sets {@code a=ice-lite}. */
    public B iceLite() {
        return replaceAttribute(Attribute.flag("ice-lite"));
    }

    /** Appends {@code a=fingerprint}. */
    public B fingerprint(Fingerprint fingerprint) {
        return attribute(fingerprint);
    }

    /** Sets {@code a=setup}. */
    public B setup(Setup setup) {
        return replaceAttribute(setup.toAttribute());
    }

    /** Sets the direction attribute, replacing any other direction. */
    public B direction(Direction direction) {
        return replace(l -> l.isAttribute() && Direction.fromSdpName(l.value()) != null,
                direction.toAttribute().toLine());
    }

    /** Appends {@code a=extmap}. */
    public B extmap(ExtMap extMap) {
        return attribute(extMap);
    }

    /** Appends {@code a=extmap:<id> <uri>}. */
    public B extmap(int id, String uri) {
        return attribute(new ExtMap(id, uri));
    }

    /** Sets {@code a=extmap-allow-mixed}. */
    public B extmapAllowMixed() {
        return replaceAttribute(Attribute.flag("extmap-allow-mixed"));
    }

    /** Appends {@code a=candidate}. */
    public B candidate(SdpCandidate candidate) {
        return attribute(candidate);
    }

    /** Sets {@code a=end-of-candidates}. */
    public B endOfCandidates() {
        return replaceAttribute(Attribute.flag("end-of-candidates"));
    }

    /** Sets {@code a=sctp-port}. */
    public B sctpPort(int port) {
        return replaceAttribute(Attribute.of("sctp-port", Integer.toString(port)));
    }

    /** Sets {@code a=max-message-size} (0 means no limit). */
    public B maxMessageSize(long bytes) {
        return replaceAttribute(Attribute.of("max-message-size", Long.toString(bytes)));
    }
}
