package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;

/** Small tokenizing helpers shared by the typed parsers; every failure is an SdpParseException. */
final class Fields {
    private Fields() {
    }

    /** Splits on runs of spaces; leading and trailing spaces are ignored. */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && s.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    /** Splits on a separator, keeping empty pieces (callers decide whether they are legal). */
    static List<String> splitOn(String s, char sep) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == sep) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    static long parseLong(String s, long min, long max, String what) throws SdpParseException {
        if (s.isEmpty() || s.length() > 19) {
            throw SdpParseException.of(what + " must be a number, got \"" + s + "\"");
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw SdpParseException.of(what + " must be a number, got \"" + s + "\"");
            }
            v = v * 10 + (c - '0');
        }
        if (v < min || v > max) {
            throw SdpParseException.of(what + " must be between " + min + " and " + max + ", got " + s);
        }
        return v;
    }

    static int parseInt(String s, int min, int max, String what) throws SdpParseException {
        return (int) parseLong(s, min, max, what);
    }

    /** RFC 8866 token: visible ASCII except the separators the grammar reserves. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isTokenChar(char c) {
        if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return true;
        }
        return "!#$%&'*+-.^_`{|}~".indexOf(c) >= 0;
    }

    static String token(String s, String what) throws SdpParseException {
        if (!isToken(s)) {
            throw SdpParseException.of(what + " must be a token, got \"" + s + "\"");
        }
        return s;
    }

    /** Non-empty, no whitespace or control characters. */
    static boolean isVisible(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    static String visible(String s, String what) throws SdpParseException {
        if (!isVisible(s)) {
            throw SdpParseException.of(what + " must be non-empty without spaces, got \"" + s + "\"");
        }
        return s;
    }

    static void count(List<String> f, int min, int max, String what) throws SdpParseException {
        if (f.size() < min || f.size() > max) {
            String expected = min == max ? Integer.toString(min) : max == Integer.MAX_VALUE
                    ? "at least " + min : min + " to " + max;
            throw SdpParseException.of(what + " needs " + expected + " fields, got " + f.size());
        }
    }

    /** Wraps a typed-parse failure of a builder argument as an unchecked exception. */
    static IllegalArgumentException illegal(SdpParseException e) {
        return new IllegalArgumentException(e.reason(), e);
    }
}
