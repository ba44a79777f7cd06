package org.rtc4j.sctp;

import java.nio.charset.StandardCharsets;

/** DCEP messages (RFC 8832) and the WebRTC PPIDs (RFC 8831 §8). */
final class Dcep {
    private Dcep() {
    }

    static final int PPID_DCEP = 50;
    static final int PPID_STRING = 51;
    static final int PPID_BINARY_PARTIAL = 52;
    static final int PPID_BINARY = 53;
    static final int PPID_STRING_PARTIAL = 54;
    static final int PPID_STRING_EMPTY = 56;
    static final int PPID_BINARY_EMPTY = 57;

    static final int DATA_CHANNEL_ACK = 0x02;
    static final int DATA_CHANNEL_OPEN = 0x03;

    static final int RELIABLE = 0x00;
    static final int PARTIAL_RELIABLE_REXMIT = 0x01;
    static final int PARTIAL_RELIABLE_TIMED = 0x02;
    static final int UNORDERED_BIT = 0x80;

    /** A decoded DATA_CHANNEL_OPEN. */
    record Open(int channelType, int priority, long reliability, String label, String protocol) {
        boolean ordered() {
            return (channelType & UNORDERED_BIT) == 0;
        }

        Integer maxRetransmits() {
            return (channelType & 0x7f) == PARTIAL_RELIABLE_REXMIT ? (int) Math.min(reliability, 65535) : null;
        }

        Integer maxPacketLifeTime() {
            return (channelType & 0x7f) == PARTIAL_RELIABLE_TIMED ? (int) Math.min(reliability, 65535) : null;
        }
    }

    static Open parseOpen(byte[] m) throws SctpParseException {
        if (m.length < 12 || (m[0] & 0xff) != DATA_CHANNEL_OPEN) {
            throw new SctpParseException("DATA_CHANNEL_OPEN shorter than 12 bytes");
        }
        int type = m[1] & 0xff;
        int base = type & 0x7f;
        if (base > PARTIAL_RELIABLE_TIMED) {
            throw new SctpParseException("unknown channel type " + type);
        }
        int labelLen = Bytes.u16(m, 8);
        int protoLen = Bytes.u16(m, 10);
        if (12 + labelLen + protoLen > m.length) {
            throw new SctpParseException("DATA_CHANNEL_OPEN label/protocol overrun");
        }
        return new Open(type, Bytes.u16(m, 2), Bytes.u32(m, 4),
                new String(m, 12, labelLen, StandardCharsets.UTF_8),
                new String(m, 12 + labelLen, protoLen, StandardCharsets.UTF_8));
    }

    static byte[] encodeOpen(boolean ordered, Integer maxRetransmits, Integer maxLifetime, int priority, String label,
            String protocol) {
        byte[] l = label.getBytes(StandardCharsets.UTF_8);
        byte[] p = protocol.getBytes(StandardCharsets.UTF_8);
        byte[] m = new byte[12 + l.length + p.length];
        int type = maxRetransmits != null ? PARTIAL_RELIABLE_REXMIT : maxLifetime != null ? PARTIAL_RELIABLE_TIMED : RELIABLE;
        if (!ordered) {
            type |= UNORDERED_BIT;
        }
        m[0] = (byte) DATA_CHANNEL_OPEN;
        m[1] = (byte) type;
        Bytes.put16(m, 2, priority);
        Bytes.put32(m, 4, maxRetransmits != null ? maxRetransmits : maxLifetime != null ? maxLifetime : 0);
        Bytes.put16(m, 8, l.length);
        Bytes.put16(m, 10, p.length);
        System.arraycopy(l, 0, m, 12, l.length);
        System.arraycopy(p, 0, m, 12 + l.length, p.length);
        return m;
    }
}
