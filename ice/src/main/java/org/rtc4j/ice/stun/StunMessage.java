package org.rtc4j.ice.stun;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A parsed STUN message: a validated view over the caller's buffer (no copy). Parsing checks the
 * header, the magic cookie and every attribute's bounds once; accessors then read values in place.
 * Attributes after MESSAGE-INTEGRITY (other than MESSAGE-INTEGRITY-SHA256 and FINGERPRINT) and
 * after FINGERPRINT are ignored, as RFC 8489 section 14 requires.
 *
 * <p>The view keeps a reference to the buffer: the caller must not reuse it while the message is
 * in use.
 */
public final class StunMessage {
    /** The magic cookie of RFC 5389/8489. */
    public static final int MAGIC_COOKIE = 0x2112A442;
    /** Header length. */
    public static final int HEADER_LENGTH = 20;
    /** XOR constant of the FINGERPRINT attribute. */
    public static final int FINGERPRINT_XOR = 0x5354554E;

    private static final ThreadLocal<Mac> HMAC_SHA1 = ThreadLocal.withInitial(() -> mac("HmacSHA1"));
    private static final ThreadLocal<Mac> HMAC_SHA256 = ThreadLocal.withInitial(() -> mac("HmacSHA256"));
    private static final ThreadLocal<CRC32> CRC = ThreadLocal.withInitial(CRC32::new);

    private final byte[] buf;
    private final int off;
    private final int length;
    private final int type;
    private int[] attrs = new int[8];
    private int attrCount;
    private int miPos = -1;
    private int mi256Pos = -1;
    private int fpPos = -1;

    private StunMessage(byte[] buf, int off, int length, int type) {
        this.buf = buf;
        this.off = off;
        this.length = length;
        this.type = type;
    }

    /**
     * Cheap check used for demultiplexing (RFC 7983): first two bits zero, magic cookie present,
     * length field consistent.
     *
     * @param b buffer
     * @param off offset
     * @param len available bytes
     * @return true if the bytes look like a STUN message
     */
    public static boolean looksLikeStun(byte[] b, int off, int len) {
        if (b == null || off < 0 || len < HEADER_LENGTH || off + len > b.length) {
            return false;
        }
        int bodyLen = u16(b, off + 2);
        return (b[off] & 0xC0) == 0 && readInt(b, off + 4) == MAGIC_COOKIE && (bodyLen & 3) == 0
                && HEADER_LENGTH + bodyLen <= len;
    }

    /**
     * @param b a whole datagram
     * @return the parsed message
     * @throws StunParseException if it is not well-formed STUN
     */
    public static StunMessage parse(byte[] b) throws StunParseException {
        if (b == null) {
            throw new StunParseException("null input");
        }
        return parse(b, 0, b.length);
    }

    /**
     * @param b buffer
     * @param off offset of the message
     * @param len available bytes (trailing bytes after the STUN length are ignored)
     * @return the parsed message
     * @throws StunParseException if it is not well-formed STUN
     */
    public static StunMessage parse(byte[] b, int off, int len) throws StunParseException {
        if (b == null || off < 0 || len < 0 || off + len > b.length || off + len < 0) {
            throw new StunParseException("bad buffer bounds");
        }
        if (len < HEADER_LENGTH) {
            throw new StunParseException("shorter than a STUN header: " + len);
        }
        if ((b[off] & 0xC0) != 0) {
            throw new StunParseException("first two bits not zero");
        }
        if (readInt(b, off + 4) != MAGIC_COOKIE) {
            throw new StunParseException("no magic cookie");
        }
        int bodyLen = u16(b, off + 2);
        if ((bodyLen & 3) != 0) {
            throw new StunParseException("length not a multiple of 4: " + bodyLen);
        }
        if (HEADER_LENGTH + bodyLen > len) {
            throw new StunParseException("truncated: header says " + bodyLen + " body bytes, have " + (len - HEADER_LENGTH));
        }
        StunMessage m = new StunMessage(b, off, HEADER_LENGTH + bodyLen, u16(b, off));
        m.parseAttributes();
        return m;
    }

    private void parseAttributes() throws StunParseException {
        int end = off + length;
        int pos = off + HEADER_LENGTH;
        while (pos < end) {
            if (end - pos < 4) {
                throw new StunParseException("truncated attribute header");
            }
            int t = u16(buf, pos);
            int l = u16(buf, pos + 2);
            int padded = (l + 3) & ~3;
            if (padded > end - pos - 4) {
                throw new StunParseException("attribute 0x" + Integer.toHexString(t) + " overruns message");
            }
            boolean accept;
            if (fpPos >= 0) {
                accept = false;
            } else if (mi256Pos >= 0) {
                accept = t == StunAttribute.FINGERPRINT;
            } else if (miPos >= 0) {
                accept = t == StunAttribute.FINGERPRINT || t == StunAttribute.MESSAGE_INTEGRITY_SHA256;
            } else {
                accept = true;
            }
            if (accept) {
                switch (t) {
                    case StunAttribute.MESSAGE_INTEGRITY:
                        requireLength(t, l, 20);
                        miPos = pos;
                        break;
                    case StunAttribute.MESSAGE_INTEGRITY_SHA256:
                        if (l < 16 || l > 32 || (l & 3) != 0) {
                            throw new StunParseException("bad MESSAGE-INTEGRITY-SHA256 length " + l);
                        }
                        mi256Pos = pos;
                        break;
                    case StunAttribute.FINGERPRINT:
                        requireLength(t, l, 4);
                        fpPos = pos;
                        break;
                    case StunAttribute.PRIORITY:
                    case StunAttribute.LIFETIME:
                    case StunAttribute.REQUESTED_TRANSPORT:
                    case StunAttribute.CHANNEL_NUMBER:
                        requireLength(t, l, 4);
                        break;
                    case StunAttribute.ICE_CONTROLLED:
                    case StunAttribute.ICE_CONTROLLING:
                    case StunAttribute.RESERVATION_TOKEN:
                        requireLength(t, l, 8);
                        break;
                    case StunAttribute.USE_CANDIDATE:
                    case StunAttribute.DONT_FRAGMENT:
                        requireLength(t, l, 0);
                        break;
                    default:
                        break;
                }
                if (attrCount == attrs.length) {
                    attrs = Arrays.copyOf(attrs, attrs.length * 2);
                }
                attrs[attrCount++] = pos;
            }
            pos += 4 + padded;
        }
    }

    private static void requireLength(int t, int l, int expected) throws StunParseException {
        if (l != expected) {
            throw new StunParseException("attribute 0x" + Integer.toHexString(t) + " has length " + l + ", expected " + expected);
        }
    }

    /** @return the 14-bit message type */
    public int type() {
        return type;
    }

    /** @return the method, e.g. {@link StunMethod#BINDING} */
    public int method() {
        return StunMethod.method(type);
    }

    /** @return the class, e.g. {@link StunMethod#REQUEST} */
    public int messageClass() {
        return StunMethod.messageClass(type);
    }

    /** @return true for a request */
    public boolean isRequest() {
        return messageClass() == StunMethod.REQUEST;
    }

    /** @return true for a success or error response */
    public boolean isResponse() {
        return messageClass() >= StunMethod.SUCCESS;
    }

    /** @return total length in bytes (header plus body) */
    public int length() {
        return length;
    }

    /** @return a copy of the message bytes */
    public byte[] toBytes() {
        return Arrays.copyOfRange(buf, off, off + length);
    }

    /** @return the transaction ID (a copy) */
    public TransactionId transactionId() {
        return TransactionId.of(buf, off + 8);
    }

    /**
     * @param id a transaction ID
     * @return true if this message carries it; allocation-free
     */
    public boolean hasTransactionId(TransactionId id) {
        return id.matches(buf, off + 8);
    }

    /** @return number of attributes that were accepted */
    public int attributeCount() {
        return attrCount;
    }

    /**
     * @param index 0..attributeCount()-1
     * @return the type of that attribute
     */
    public int attributeType(int index) {
        return u16(buf, attrs[index]);
    }

    private int find(int t) {
        for (int i = 0; i < attrCount; i++) {
            if (u16(buf, attrs[i]) == t) {
                return attrs[i];
            }
        }
        return -1;
    }

    /**
     * @param t attribute type
     * @return true if present
     */
    public boolean has(int t) {
        return find(t) >= 0;
    }

    /**
     * @param t attribute type
     * @return value length, or -1 if absent
     */
    public int valueLength(int t) {
        int p = find(t);
        return p < 0 ? -1 : u16(buf, p + 2);
    }

    /**
     * @param t attribute type
     * @return a copy of the value, or null if absent
     */
    public byte[] getBytes(int t) {
        int p = find(t);
        return p < 0 ? null : Arrays.copyOfRange(buf, p + 4, p + 4 + u16(buf, p + 2));
    }

    /**
     * @param t attribute type
     * @return the value decoded as UTF-8 (invalid sequences replaced), or null if absent
     */
    public String getString(int t) {
        int p = find(t);
        return p < 0 ? null : new String(buf, p + 4, u16(buf, p + 2), StandardCharsets.UTF_8);
    }

    /**
     * Compares a string-valued attribute to expected bytes without allocating.
     *
     * @param t attribute type
     * @param expected expected bytes
     * @return true if present and equal
     */
    public boolean valueEquals(int t, byte[] expected) {
        int p = find(t);
        if (p < 0 || u16(buf, p + 2) != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (buf[p + 4 + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that a USERNAME starts with {@code prefix} followed by ':' (ICE: "local:remote").
     *
     * @param prefix expected first part
     * @return true if it does
     */
    public boolean usernameHasPrefix(byte[] prefix) {
        int p = find(StunAttribute.USERNAME);
        if (p < 0 || u16(buf, p + 2) < prefix.length + 1) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[p + 4 + i] != prefix[i]) {
                return false;
            }
        }
        return buf[p + 4 + prefix.length] == ':';
    }

    /**
     * @param t a 4-byte attribute type (PRIORITY, LIFETIME, ...)
     * @param absent value to return if it is absent
     * @return the value as unsigned in a long, or {@code absent}
     * @throws StunParseException if its length is not 4
     */
    public long getUInt32(int t, long absent) throws StunParseException {
        int p = find(t);
        if (p < 0) {
            return absent;
        }
        if (u16(buf, p + 2) != 4) {
            throw new StunParseException("attribute not 4 bytes");
        }
        return readInt(buf, p + 4) & 0xFFFFFFFFL;
    }

    /**
     * @param t an 8-byte attribute type (ICE-CONTROLLING, ICE-CONTROLLED)
     * @return the value
     * @throws StunParseException if absent or not 8 bytes
     */
    public long getUInt64(int t) throws StunParseException {
        int p = find(t);
        if (p < 0 || u16(buf, p + 2) != 8) {
            throw new StunParseException("attribute 0x" + Integer.toHexString(t) + " absent or not 8 bytes");
        }
        return ((long) readInt(buf, p + 4) << 32) | (readInt(buf, p + 8) & 0xFFFFFFFFL);
    }

    /**
     * Decodes an XOR-obfuscated address attribute (XOR-MAPPED-ADDRESS, XOR-PEER-ADDRESS,
     * XOR-RELAYED-ADDRESS).
     *
     * @param t attribute type
     * @return the address, or null if absent
     * @throws StunParseException if malformed
     */
    public InetSocketAddress getXorAddress(int t) throws StunParseException {
        int p = find(t);
        return p < 0 ? null : decodeAddress(p, true);
    }

    /**
     * Decodes a plain address attribute (MAPPED-ADDRESS, ALTERNATE-SERVER, ...).
     *
     * @param t attribute type
     * @return the address, or null if absent
     * @throws StunParseException if malformed
     */
    public InetSocketAddress getAddress(int t) throws StunParseException {
        int p = find(t);
        return p < 0 ? null : decodeAddress(p, false);
    }

    private InetSocketAddress decodeAddress(int p, boolean xor) throws StunParseException {
        int l = u16(buf, p + 2);
        if (l < 4) {
            throw new StunParseException("address attribute too short");
        }
        int family = buf[p + 5] & 0xFF;
        int addrLen = family == 1 ? 4 : family == 2 ? 16 : -1;
        if (addrLen < 0) {
            throw new StunParseException("unknown address family " + family);
        }
        if (l != 4 + addrLen) {
            throw new StunParseException("address attribute length " + l + " for family " + family);
        }
        int port = u16(buf, p + 6);
        byte[] a = new byte[addrLen];
        System.arraycopy(buf, p + 8, a, 0, addrLen);
        if (xor) {
            port ^= MAGIC_COOKIE >>> 16;
            for (int i = 0; i < addrLen; i++) {
                a[i] ^= buf[off + 4 + i];
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(a), port);
        } catch (UnknownHostException e) {
            throw new StunParseException("bad address");
        }
    }

    /**
     * @return the ERROR-CODE number (300..699), or -1 if absent
     * @throws StunParseException if malformed
     */
    public int errorCode() throws StunParseException {
        int p = find(StunAttribute.ERROR_CODE);
        if (p < 0) {
            return -1;
        }
        if (u16(buf, p + 2) < 4) {
            throw new StunParseException("ERROR-CODE too short");
        }
        int cls = buf[p + 6] & 0x07;
        int number = buf[p + 7] & 0xFF;
        if (cls < 3 || cls > 6 || number > 99) {
            throw new StunParseException("ERROR-CODE out of range");
        }
        return cls * 100 + number;
    }

    /**
     * @return the ERROR-CODE reason phrase, or null if absent
     */
    public String errorReason() {
        int p = find(StunAttribute.ERROR_CODE);
        int l = p < 0 ? -1 : u16(buf, p + 2);
        return l < 4 ? null : new String(buf, p + 8, l - 4, StandardCharsets.UTF_8);
    }

    /**
     * @return attribute types listed in UNKNOWN-ATTRIBUTES (empty if absent)
     */
    public int[] unknownAttributes() {
        int p = find(StunAttribute.UNKNOWN_ATTRIBUTES);
        if (p < 0) {
            return new int[0];
        }
        int n = u16(buf, p + 2) / 2;
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = u16(buf, p + 4 + 2 * i);
        }
        return r;
    }

    /**
     * @return comprehension-required attributes this codec does not know (for a 420 response)
     */
    public int[] unknownComprehensionRequired() {
        int n = 0;
        int[] r = null;
        for (int i = 0; i < attrCount; i++) {
            int t = u16(buf, attrs[i]);
            if (StunAttribute.isComprehensionRequired(t) && !StunAttribute.isKnown(t)) {
                if (r == null) {
                    r = new int[attrCount];
                }
                r[n++] = t;
            }
        }
        return r == null ? new int[0] : Arrays.copyOf(r, n);
    }

    /** @return true if MESSAGE-INTEGRITY is present */
    public boolean hasIntegrity() {
        return miPos >= 0;
    }

    /** @return true if MESSAGE-INTEGRITY-SHA256 is present */
    public boolean hasIntegritySha256() {
        return mi256Pos >= 0;
    }

    /** @return true if FINGERPRINT is present */
    public boolean hasFingerprint() {
        return fpPos >= 0;
    }

    /**
     * Verifies MESSAGE-INTEGRITY (HMAC-SHA1) in place.
     *
     * @param key the password (short-term) or MD5 long-term key
     * @return true if present and valid
     */
    public boolean verifyIntegrity(byte[] key) {
        return miPos >= 0 && verifyHmac(HMAC_SHA1.get(), key, miPos);
    }

    /**
     * Verifies MESSAGE-INTEGRITY-SHA256 (possibly truncated) in place.
     *
     * @param key the password (short-term) or SHA-256 long-term key
     * @return true if present and valid
     */
    public boolean verifyIntegritySha256(byte[] key) {
        return mi256Pos >= 0 && verifyHmac(HMAC_SHA256.get(), key, mi256Pos);
    }

    private boolean verifyHmac(Mac mac, byte[] key, int pos) {
        if (key == null || key.length == 0) {
            return false;
        }
        int macLen = u16(buf, pos + 2);
        try {
            mac.init(new SecretKeySpec(key, mac.getAlgorithm()));
        } catch (GeneralSecurityException e) {
            return false;
        }
        // The length field must cover the integrity attribute itself (RFC 8489 14.5).
        int adjusted = pos + 4 + macLen - off - HEADER_LENGTH;
        mac.update(buf, off, 2);
        mac.update((byte) (adjusted >> 8));
        mac.update((byte) adjusted);
        mac.update(buf, off + 4, pos - off - 4);
        byte[] expected = mac.doFinal();
        int diff = 0;
        for (int i = 0; i < macLen; i++) {
            diff |= expected[i] ^ buf[pos + 4 + i];
        }
        return diff == 0;
    }

    /**
     * @return true if FINGERPRINT is present and matches
     */
    public boolean verifyFingerprint() {
        if (fpPos < 0) {
            return false;
        }
        return readInt(buf, fpPos + 4) == fingerprint(buf, off, fpPos - off);
    }

    /**
     * CRC-32 of {@code len} bytes at {@code off} xor 0x5354554e, with the header length field
     * taken as covering a FINGERPRINT that follows them.
     */
    static int fingerprint(byte[] b, int off, int len) {
        CRC32 crc = CRC.get();
        crc.reset();
        int adjusted = len + 8 - HEADER_LENGTH;
        crc.update(b, off, 2);
        crc.update(adjusted >> 8);
        crc.update(adjusted);
        crc.update(b, off + 4, len - 4);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }

    static Mac hmacSha1() {
        return HMAC_SHA1.get();
    }

    static Mac hmacSha256() {
        return HMAC_SHA256.get();
    }

    private static Mac mac(String alg) {
        try {
            return Mac.getInstance(alg);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(alg + " missing from the JDK", e);
        }
    }

    static int u16(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    static int readInt(byte[] b, int p) {
        return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }

    @Override
    public String toString() {
        return "StunMessage{method=0x" + Integer.toHexString(method()) + ", class=" + messageClass()
                + ", tx=" + transactionId() + ", attrs=" + attrCount + "}";
    }
}
