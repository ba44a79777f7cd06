package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code a=fmtp:<format> <parameters>} with the parameters as ordered key/value pairs split on
 * {@code ;} (surrounding spaces trimmed, empty pieces skipped).
 *
 * @param format     the format the parameters apply to, normally an RTP payload type in decimal
 * @param parameters the parameters in order; may be empty
 */
public record Fmtp(String format, List<Parameter> parameters) implements AttributeValue {
    /**
     * Copies the parameters into an immutable list.
     *
     * @param format     the format
     * @param parameters the parameters
     * @throws NullPointerException if {@code parameters} is null or contains null
     */
    public Fmtp {
        parameters = List.copyOf(parameters);
    }

    /**
     * An fmtp for an RTP payload type.
     *
     * @param payloadType the RTP payload type, 0..127
     * @param parameters  the parameters in order
     * @return the fmtp
     */
    public static Fmtp of(int payloadType, Parameter... parameters) {
        return new Fmtp(Integer.toString(payloadType), List.of(parameters));
    }

    /**
     * Parses the attribute value.
     *
     * @param value the text after {@code a=fmtp:}, e.g. {@code 111 minptime=10;useinbandfec=1}
     * @return the fmtp
     * @throws SdpParseException if the format is not a token or a parameter has an empty name
     *                           (line number 0)
     */
    public static Fmtp parse(String value) throws SdpParseException {
        int sp = value.indexOf(' ');
        String fmt = sp < 0 ? value : value.substring(0, sp);
        Fields.token(fmt, "fmtp format");
        return new Fmtp(fmt, sp < 0 ? List.of() : parameters(value.substring(sp + 1), "fmtp"));
    }

    /** Splits {@code a=1;b=2; c} into ordered pairs. */
    static List<Parameter> parameters(String text, String what) throws SdpParseException {
        List<Parameter> out = new ArrayList<>();
        for (String piece : Fields.splitOn(text, ';')) {
            String p = piece.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq == 0) {
                throw SdpParseException.of(what + " parameter has an empty name: \"" + p + "\"");
            }
            out.add(eq < 0 ? new Parameter(p, null) : new Parameter(p.substring(0, eq).trim(), p.substring(eq + 1).trim()));
        }
        return out;
    }

    /** @return the payload type, or -1 if the format is not a number */
    public int payloadType() {
        try {
            return Integer.parseInt(format);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * @param key the parameter name
     * @return the value of the first parameter with this key (case-insensitive); empty if there
     *         is none or it is a bare parameter without value
     */
    public Optional<String> get(String key) {
        for (Parameter p : parameters) {
            if (p.key().equalsIgnoreCase(key)) {
                return Optional.ofNullable(p.value());
            }
        }
        return Optional.empty();
    }

    @Override
    public String attributeName() {
        return "fmtp";
    }

    @Override
    public String format() {
        StringBuilder sb = new StringBuilder(format);
        for (int i = 0; i < parameters.size(); i++) {
            sb.append(i == 0 ? ' ' : ';').append(parameters.get(i).format());
        }
        return sb.toString();
    }
}
