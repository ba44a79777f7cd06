package org.rtc4j.signaling.engineio;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Engine.IO v4 packet and long-polling payload encoding. */
public final class EngineCodec {
    /** Separates packets inside one long-polling payload. */
    public static final char SEPARATOR = '\u001e';

    private EngineCodec() {
    }

    /**
     * Decodes one text packet (a WebSocket text frame or one payload element): a type digit
     * followed by the text data, or {@code b} followed by base64 for a binary message.
     *
     * @param s the encoded packet
     * @return the decoded packet
     * @throws EngineParseException if {@code s} is empty, has an unknown type digit, or has
     *                              invalid base64 after {@code b}
     */
    public static EnginePacket decodeText(String s) throws EngineParseException {
        if (s.isEmpty()) {
            throw new EngineParseException("empty packet");
        }
        char c = s.charAt(0);
        if (c == 'b') {
            try {
                return EnginePacket.message(Base64.getDecoder().decode(s.substring(1)));
            } catch (IllegalArgumentException e) {
                throw new EngineParseException("invalid base64 in binary packet");
            }
        }
        int t = c - '0';
        if (t < 0 || t >= EnginePacket.Type.values().length) {
            throw new EngineParseException("unknown packet type '" + c + "'");
        }
        return EnginePacket.of(EnginePacket.Type.values()[t], s.substring(1));
    }

    /**
     * Splits a long-polling payload into packets at each {@link #SEPARATOR}.
     *
     * @param payload the body of a long-polling POST
     * @return the packets, in order; never empty
     * @throws EngineParseException if any element is malformed, including an empty payload or an
     *                              empty element between two separators
     */
    public static List<EnginePacket> decodePayload(String payload) throws EngineParseException {
        List<EnginePacket> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = payload.indexOf(SEPARATOR, start);
            if (end < 0) {
                out.add(decodeText(payload.substring(start)));
                return out;
            }
            out.add(decodeText(payload.substring(start, end)));
            start = end + 1;
        }
    }

    /**
     * Joins packets into one long-polling payload, separated by {@link #SEPARATOR}; binary
     * packets are base64-encoded with a {@code b} prefix.
     *
     * @param packets the packets, in order
     * @return the payload; empty when {@code packets} is empty
     */
    public static String encodePayload(List<EnginePacket> packets) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < packets.size(); i++) {
            if (i > 0) {
                sb.append(SEPARATOR);
            }
            sb.append(packets.get(i).encodeForPolling());
        }
        return sb.toString();
    }
}
