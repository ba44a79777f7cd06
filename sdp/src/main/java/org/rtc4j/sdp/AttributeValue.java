package org.rtc4j.sdp;

/**
 * A typed attribute value that knows its attribute name and how to write itself, so builders
 * accept typed objects: {@code media.attribute(new RtpMap(111, "opus", 48000, "2"))}.
 */
public interface AttributeValue {
    /** @return the attribute name, e.g. {@code rtpmap} */
    String attributeName();

    /** @return the text after {@code a=<name>:} */
    String format();

    /** @return this value as a generic {@code a=<name>:<value>} attribute */
    default Attribute toAttribute() {
        return Attribute.of(attributeName(), format());
    }
}
