package org.rtc4j.ice;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The two mDNS messages the agent needs (RFC 6762): a one-question query for a {@code .local}
 * name (A or AAAA, QU bit set so a responder may answer unicast) and reading A/AAAA answers.
 * Malformed answers yield no result rather than an exception.
 */
public final class MdnsCodec {
    private static final int TYPE_A = 1;
    private static final int TYPE_AAAA = 28;
    private static final int MAX_POINTER_HOPS = 16;

    private MdnsCodec() {
    }

    /**
     * @param name e.g. {@code 1f4e...c2.local}
     * @param ipv6 ask for AAAA instead of A
     * @return the query packet
     */
    public static byte[] query(String name, boolean ipv6) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}); // id 0, flags 0, 1 question
        writeName(out, name);
        int type = ipv6 ? TYPE_AAAA : TYPE_A;
        out.write(type >> 8);
        out.write(type);
        out.write(0x80); // QU: unicast response welcome
        out.write(0x01); // class IN
        return out.toByteArray();
    }

    /**
     * Builds a response (used by tests and by anyone answering for their own names).
     *
     * @param name name
     * @param address its address
     * @return the response packet
     */
    public static byte[] answer(String name, InetAddress address) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, (byte) 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0}); // response, authoritative, 1 answer
        writeName(out, name);
        byte[] a = address.getAddress();
        int type = a.length == 4 ? TYPE_A : TYPE_AAAA;
        out.writeBytes(new byte[] {(byte) (type >> 8), (byte) type, (byte) 0x80, 1, 0, 0, 0, 120, 0, (byte) a.length});
        out.writeBytes(a);
        return out.toByteArray();
    }

    private static void writeName(ByteArrayOutputStream out, String name) {
        for (String label : name.split("\\.")) {
            byte[] l = label.getBytes(StandardCharsets.UTF_8);
            if (l.length == 0 || l.length > 63) {
                throw new IllegalArgumentException("bad DNS label in " + name);
            }
            out.write(l.length);
            out.writeBytes(l);
        }
        out.write(0);
    }

    /**
     * @param packet an mDNS response
     * @return lower-cased names mapped to addresses from its A/AAAA answers (empty if malformed)
     */
    public static Map<String, InetAddress> parseAnswers(byte[] packet) {
        Map<String, InetAddress> result = new HashMap<>();
        try {
            if (packet.length < 12 || (packet[2] & 0x80) == 0) {
                return result;
            }
            int qd = u16(packet, 4);
            int an = u16(packet, 6);
            int pos = 12;
            for (int i = 0; i < qd; i++) {
                pos = skipName(packet, pos) + 4;
            }
            for (int i = 0; i < an && pos < packet.length; i++) {
                StringBuilder name = new StringBuilder();
                int after = readName(packet, pos, name);
                int type = u16(packet, after);
                int rdlen = u16(packet, after + 8);
                int rdata = after + 10;
                if (rdata + rdlen > packet.length) {
                    return result;
                }
                if ((type == TYPE_A && rdlen == 4) || (type == TYPE_AAAA && rdlen == 16)) {
                    byte[] a = new byte[rdlen];
                    System.arraycopy(packet, rdata, a, 0, rdlen);
                    result.put(name.toString().toLowerCase(Locale.ROOT), InetAddress.getByAddress(a));
                }
                pos = rdata + rdlen;
            }
        } catch (IndexOutOfBoundsException | UnknownHostException e) {
            // Malformed or truncated: keep what was read.
        }
        return result;
    }

    private static int skipName(byte[] p, int pos) {
        while (true) {
            int len = p[pos] & 0xFF;
            if (len == 0) {
                return pos + 1;
            }
            if ((len & 0xC0) == 0xC0) {
                return pos + 2;
            }
            pos += 1 + len;
        }
    }

    private static int readName(byte[] p, int pos, StringBuilder out) {
        int end = -1;
        int hops = 0;
        while (true) {
            int len = p[pos] & 0xFF;
            if (len == 0) {
                return end < 0 ? pos + 1 : end;
            }
            if ((len & 0xC0) == 0xC0) {
                if (++hops > MAX_POINTER_HOPS) {
                    throw new IndexOutOfBoundsException("pointer loop");
                }
                if (end < 0) {
                    end = pos + 2;
                }
                pos = ((len & 0x3F) << 8) | (p[pos + 1] & 0xFF);
                continue;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(new String(p, pos + 1, Math.min(len, p.length - pos - 1), StandardCharsets.UTF_8));
            pos += 1 + len;
        }
    }

    private static int u16(byte[] p, int pos) {
        return ((p[pos] & 0xFF) << 8) | (p[pos + 1] & 0xFF);
    }
}
