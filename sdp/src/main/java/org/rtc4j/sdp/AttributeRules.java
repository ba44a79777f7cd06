package org.rtc4j.sdp;

import java.util.Set;

/** Checks the syntax of the attributes rtc4j reads, so typed accessors never fail later. */
final class AttributeRules {
    private AttributeRules() {
    }

    static final Set<String> FLAGS = Set.of("ice-lite", "extmap-allow-mixed", "rtcp-mux", "rtcp-mux-only",
            "rtcp-rsize", "end-of-candidates", "sendrecv", "sendonly", "recvonly", "inactive");

    /** Attributes that may appear at most once per section; directions count as one. */
    static final Set<String> SINGLE = Set.of("mid", "ice-ufrag", "ice-pwd", "ice-options", "setup", "direction",
            "sctp-port", "max-message-size", "rtcp", "simulcast", "sctpmap", "msid-semantic");

    /** Key used for the at-most-once check, or null if the attribute may repeat. */
    static String singleKey(String name) {
        if (Direction.fromSdpName(name) != null) {
            return "direction";
        }
        return SINGLE.contains(name) ? name : null;
    }

    static void validate(Attribute a) throws SdpParseException {
        String name = a.name();
        if (name.isEmpty()) {
            throw SdpParseException.of("attribute name is empty");
        }
        if (!Fields.isToken(name)) {
            throw SdpParseException.of("attribute name must be a token, got \"" + name + "\"");
        }
        String v = a.value();
        if (FLAGS.contains(name)) {
            if (v != null) {
                throw SdpParseException.of("a=" + name + " takes no value");
            }
            return;
        }
        switch (name) {
            case "group": Group.parse(need(a)); break;
            case "msid-semantic": MsidSemantic.parse(need(a)); break;
            case "ice-ufrag": iceChars(need(a), 4, "ice-ufrag"); break;
            case "ice-pwd": iceChars(need(a), 22, "ice-pwd"); break;
            case "ice-options": iceOptions(need(a)); break;
            case "fingerprint": Fingerprint.parse(need(a)); break;
            case "setup": Setup.parse(need(a)); break;
            case "mid": Fields.token(need(a), "mid"); break;
            case "extmap": ExtMap.parse(need(a)); break;
            case "rtcp": Rtcp.parse(need(a)); break;
            case "rtpmap": RtpMap.parse(need(a)); break;
            case "fmtp": Fmtp.parse(need(a)); break;
            case "rtcp-fb": RtcpFb.parse(need(a)); break;
            case "ssrc": SsrcAttribute.parse(need(a)); break;
            case "ssrc-group": SsrcGroup.parse(need(a)); break;
            case "msid": Msid.parse(need(a)); break;
            case "rid": Rid.parse(need(a)); break;
            case "simulcast": Simulcast.parse(need(a)); break;
            case "sctp-port": Fields.parseInt(need(a), 0, 65535, "sctp-port"); break;
            case "max-message-size": Fields.parseLong(need(a), 0, Long.MAX_VALUE, "max-message-size"); break;
            case "candidate": SdpCandidate.parseValue(need(a)); break;
            case "sctpmap": SctpMap.parse(need(a)); break;
            default: break;
        }
    }

    private static String need(Attribute a) throws SdpParseException {
        if (a.value() == null) {
            throw SdpParseException.of("a=" + a.name() + " needs a value after ':'");
        }
        return a.value();
    }

    /** RFC 8839: ice-char = ALPHA / DIGIT / "+" / "/"; ufrag 4..256, pwd 22..256 characters. */
    static String iceChars(String s, int min, String what) throws SdpParseException {
        if (s.length() < min || s.length() > 256) {
            throw SdpParseException.of(what + " must be " + min + " to 256 characters, got " + s.length());
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '+' || c == '/')) {
                throw SdpParseException.of(what + " may contain only letters, digits, '+' and '/', got \"" + s + "\"");
            }
        }
        return s;
    }

    static void iceOptions(String s) throws SdpParseException {
        java.util.List<String> f = Fields.split(s);
        if (f.isEmpty()) {
            throw SdpParseException.of("ice-options needs at least one option");
        }
        for (String o : f) {
            Fields.token(o, "ice option");
        }
    }
}
