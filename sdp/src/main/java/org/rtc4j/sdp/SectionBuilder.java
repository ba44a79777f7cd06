package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Builder methods shared by {@link SessionDescription.Builder} and {@link MediaDescription.Builder}.
 *
 * <p>New lines are placed in RFC 8866 order by type (attributes in call order); lines taken over
 * from a parsed description by {@code toBuilder()} keep their positions. Methods for attributes
 * that occur once ({@code mid}, {@code setup}, {@code ice-ufrag}, a direction, ...) replace an
 * existing one in place; the others append.
 * Invalid values make {@code build()} throw {@link IllegalArgumentException}; a value containing
 * CR, LF or NUL already fails when the method is called ({@link SdpLine} throws
 * {@link IllegalArgumentException}).
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
     *
     * @param line the line to add
     * @return this builder
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

    /**
     * Appends an attribute.
     *
     * @param attribute the attribute
     * @return this builder
     */
    public B attribute(Attribute attribute) {
        return line(attribute.toLine());
    }

    /**
     * Appends a typed attribute.
     *
     * @param value the attribute, e.g. an {@link RtpMap}
     * @return this builder
     */
    public B attribute(AttributeValue value) {
        return attribute(value.toAttribute());
    }

    /**
     * Appends a flag attribute such as {@code rtcp-mux}.
     *
     * @param flagName the attribute name
     * @return this builder
     */
    public B attribute(String flagName) {
        return attribute(Attribute.flag(flagName));
    }

    /**
     * Appends {@code a=name:value}.
     *
     * @param name  the attribute name
     * @param value the text after the colon
     * @return this builder
     */
    public B attribute(String name, String value) {
        return attribute(Attribute.of(name, value));
    }

    /**
     * Removes every attribute with this name.
     *
     * @param name the attribute name (case-sensitive)
     * @return this builder
     */
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

    /**
     * Sets the {@code i=} line.
     *
     * @param text the session or media title
     * @return this builder
     */
    public B information(String text) {
        return replaceType('i', text);
    }

    /**
     * Sets the {@code c=} line.
     *
     * @param connection the connection data
     * @return this builder
     */
    public B connection(Connection connection) {
        return replaceType('c', connection.format());
    }

    /**
     * Sets {@code c=IN IP4|IP6 address}.
     *
     * @param address an IPv4 or IPv6 address; one that contains a colon is written as {@code IP6}
     * @return this builder
     */
    public B connection(String address) {
        return connection(Connection.of(address));
    }

    /**
     * Appends a {@code b=} line.
     *
     * @param type      the bandwidth type, e.g. {@code AS} or {@code TIAS}
     * @param bandwidth the value in the unit of the type (kilobits per second for {@code AS}, bits
     *                  per second for {@code TIAS}); must not be negative
     * @return this builder
     */
    public B bandwidth(String type, long bandwidth) {
        return line(new Bandwidth(type, bandwidth).toLine());
    }

    /**
     * Sets {@code a=ice-ufrag}.
     *
     * @param ufrag the ICE username fragment: 4 to 256 letters, digits, {@code +} or {@code /}
     *              (RFC 8839)
     * @return this builder
     */
    public B iceUfrag(String ufrag) {
        return replaceAttribute(Attribute.of("ice-ufrag", ufrag));
    }

    /**
     * Sets {@code a=ice-pwd}.
     *
     * @param pwd the ICE password: 22 to 256 letters, digits, {@code +} or {@code /} (RFC 8839)
     * @return this builder
     */
    public B icePwd(String pwd) {
        return replaceAttribute(Attribute.of("ice-pwd", pwd));
    }

    /**
     * Sets {@code a=ice-options} (e.g. {@code trickle}).
     *
     * @param options the option tokens; at least one
     * @return this builder
     */
    public B iceOptions(String... options) {
        return replaceAttribute(Attribute.of("ice-options", String.join(" ", options)));
    }

    /**
     * Sets {@code a=ice-lite}.
     *
     * @return this builder
     */
    public B iceLite() {
        return replaceAttribute(Attribute.flag("ice-lite"));
    }

    /**
     * Appends {@code a=fingerprint}.
     *
     * @param fingerprint the certificate fingerprint
     * @return this builder
     */
    public B fingerprint(Fingerprint fingerprint) {
        return attribute(fingerprint);
    }

    /**
     * Sets {@code a=setup}.
     *
     * @param setup the DTLS role
     * @return this builder
     */
    public B setup(Setup setup) {
        return replaceAttribute(setup.toAttribute());
    }

    /**
     * Sets the direction attribute, replacing any other direction.
     *
     * @param direction the direction
     * @return this builder
     */
    public B direction(Direction direction) {
        return replace(l -> l.isAttribute() && Direction.fromSdpName(l.value()) != null,
                direction.toAttribute().toLine());
    }

    /**
     * Appends {@code a=extmap}.
     *
     * @param extMap the header extension mapping
     * @return this builder
     */
    public B extmap(ExtMap extMap) {
        return attribute(extMap);
    }

    /**
     * Appends {@code a=extmap:<id> <uri>}.
     *
     * @param id  the extension id, 1..255 or 4096..4351
     * @param uri the extension URI
     * @return this builder
     */
    public B extmap(int id, String uri) {
        return attribute(new ExtMap(id, uri));
    }

    /**
     * Sets {@code a=extmap-allow-mixed}.
     *
     * @return this builder
     */
    public B extmapAllowMixed() {
        return replaceAttribute(Attribute.flag("extmap-allow-mixed"));
    }

    /**
     * Appends {@code a=candidate}.
     *
     * @param candidate the ICE candidate
     * @return this builder
     */
    public B candidate(SdpCandidate candidate) {
        return attribute(candidate);
    }

    /**
     * Sets {@code a=end-of-candidates}.
     *
     * @return this builder
     */
    public B endOfCandidates() {
        return replaceAttribute(Attribute.flag("end-of-candidates"));
    }

    /**
     * Sets {@code a=sctp-port}.
     *
     * @param port the SCTP port, 0..65535 (usually 5000)
     * @return this builder
     */
    public B sctpPort(int port) {
        return replaceAttribute(Attribute.of("sctp-port", Integer.toString(port)));
    }

    /**
     * Sets {@code a=max-message-size} (0 means no limit).
     *
     * @param bytes the largest data channel message this endpoint can receive, in bytes; not
     *              negative
     * @return this builder
     */
    public B maxMessageSize(long bytes) {
        return replaceAttribute(Attribute.of("max-message-size", Long.toString(bytes)));
    }
}
