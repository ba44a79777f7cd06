package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code a=fmtp:<format> <parameters>} with the parameters as ordered key/value pairs split on
 * {@code ;} (surrounding spaces trimmed, empty pieces skipped).
 */
public record Fmtp(String format, List<Parameter> parameters) implements AttributeValue {
    public Fmtp {
        parameters = List.copyOf(parameters);
    }

    /** An fmtp for an RTP payload type. */
    public static Fmtp of(int payloadType, Parameter... parameters) {
        return new Fmtp(Integer.toString(payloadType), List.of(parameters));
    }

    /** Parses the attribute value. */
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

    /** @return the value of the first parameter with this key (case-insensitive), if any */
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
