package org.rtc4j.ice.stun;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds a STUN message: header, attributes (padded to 4 bytes), then optionally
 * MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and FINGERPRINT, in that order.
 */
public final class StunMessageBuilder {
    private byte[] buf = new byte[128];
    private int pos = StunMessage.HEADER_LENGTH;
    private final TransactionId transactionId;

    /**
     * @param method e.g. {@link StunMethod#BINDING}
     * @param cls e.g. {@link StunMethod#REQUEST}
     * @param transactionId the transaction ID
     */
    public StunMessageBuilder(int method, int cls, TransactionId transactionId) {
        this.transactionId = transactionId;
        int type = StunMethod.type(method, cls);
        buf[0] = (byte) (type >> 8);
        buf[1] = (byte) type;
        writeInt(4, StunMessage.MAGIC_COOKIE);
        transactionId.copyTo(buf, 8);
    }

    /** @return the transaction ID of the message being built */
    public TransactionId transactionId() {
        return transactionId;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    private void writeInt(int p, int v) {
        buf[p] = (byte) (v >> 24);
        buf[p + 1] = (byte) (v >> 16);
        buf[p + 2] = (byte) (v >> 8);
        buf[p + 3] = (byte) v;
    }

    private int header(int type, int len) {
        if (len > 0xFFFF) {
            throw new IllegalArgumentException("attribute too long: " + len);
        }
        int padded = (len + 3) & ~3;
        ensure(4 + padded);
        buf[pos] = (byte) (type >> 8);
        buf[pos + 1] = (byte) type;
        buf[pos + 2] = (byte) (len >> 8);
        buf[pos + 3] = (byte) len;
        int valuePos = pos + 4;
        Arrays.fill(buf, valuePos, valuePos + padded, (byte) 0);
        pos += 4 + padded;
        if (pos - StunMessage.HEADER_LENGTH > 0xFFFF) {
            throw new IllegalArgumentException("message too long");
        }
        return valuePos;
    }

    /**
     * @param type attribute type
     * @param value raw value
     * @return this
     */
    public StunMessageBuilder addBytes(int type, byte[] value) {
        return addBytes(type, value, 0, value.length);
    }

    /**
     * @param type attribute type
     * @param value buffer holding the value
     * @param off offset
     * @param len length
     * @return this
     */
    public StunMessageBuilder addBytes(int type, byte[] value, int off, int len) {
        int p = header(type, len);
        System.arraycopy(value, off, buf, p, len);
        return this;
    }

    /**
     * @param type attribute type
     * @param value a UTF-8 string value (USERNAME, REALM, NONCE, SOFTWARE)
     * @return this
     */
    public StunMessageBuilder addString(int type, String value) {
        return addBytes(type, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param type a 4-byte attribute type
     * @param value value (unsigned 32 bits)
     * @return this
     */
    public StunMessageBuilder addUInt32(int type, long value) {
        int p = header(type, 4);
        writeInt(p, (int) value);
        return this;
    }

    /**
     * @param type an 8-byte attribute type
     * @param value value
     * @return this
     */
    public StunMessageBuilder addUInt64(int type, long value) {
        int p = header(type, 8);
        writeInt(p, (int) (value >>> 32));
        writeInt(p + 4, (int) value);
        return this;
    }

    /**
     * @param type an empty flag attribute (USE-CANDIDATE, DONT-FRAGMENT)
     * @return this
     */
    public StunMessageBuilder addFlag(int type) {
        header(type, 0);
        return this;
    }

    /**
     * @param type XOR-MAPPED-ADDRESS, XOR-PEER-ADDRESS or XOR-RELAYED-ADDRESS
     * @param address the address
     * @return this
     */
    public StunMessageBuilder addXorAddress(int type, InetSocketAddress address) {
        return address(type, address, true);
    }

    /**
     * @param type MAPPED-ADDRESS, ALTERNATE-SERVER, ...
     * @param address the address
     * @return this
     */
    public StunMessageBuilder addAddress(int type, InetSocketAddress address) {
        return address(type, address, false);
    }

    private StunMessageBuilder address(int type, InetSocketAddress address, boolean xor) {
        byte[] a = address.getAddress().getAddress();
        int p = header(type, 4 + a.length);
        buf[p] = 0;
        buf[p + 1] = (byte) (a.length == 4 ? 1 : 2);
        int port = address.getPort() ^ (xor ? StunMessage.MAGIC_COOKIE >>> 16 : 0);
        buf[p + 2] = (byte) (port >> 8);
        buf[p + 3] = (byte) port;
        for (int i = 0; i < a.length; i++) {
            buf[p + 4 + i] = (byte) (a[i] ^ (xor ? buf[4 + i] : 0));
        }
        return this;
    }

    /**
     * @param code 300..699
     * @param reason reason phrase
     * @return this
     */
    public StunMessageBuilder addErrorCode(int code, String reason) {
        if (code < 300 || code > 699) {
            throw new IllegalArgumentException("error code " + code);
        }
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        int p = header(StunAttribute.ERROR_CODE, 4 + r.length);
        buf[p + 2] = (byte) (code / 100);
        buf[p + 3] = (byte) (code % 100);
        System.arraycopy(r, 0, buf, p + 4, r.length);
        return this;
    }

    /**
     * @param types unknown attribute types
     * @return this
     */
    public StunMessageBuilder addUnknownAttributes(int... types) {
        int p = header(StunAttribute.UNKNOWN_ATTRIBUTES, types.length * 2);
        for (int i = 0; i < types.length; i++) {
            buf[p + 2 * i] = (byte) (types[i] >> 8);
            buf[p + 2 * i + 1] = (byte) types[i];
        }
        return this;
    }

    /**
     * Appends MESSAGE-INTEGRITY (HMAC-SHA1).
     *
     * @param key password (short-term) or long-term key
     * @return this
     */
    public StunMessageBuilder addIntegrity(byte[] key) {
        return hmac(StunMessage.hmacSha1(), StunAttribute.MESSAGE_INTEGRITY, key, 20);
    }

    /**
     * Appends MESSAGE-INTEGRITY-SHA256 (full 32 bytes).
     *
     * @param key password (short-term) or SHA-256 long-term key
     * @return this
     */
    public StunMessageBuilder addIntegritySha256(byte[] key) {
        return hmac(StunMessage.hmacSha256(), StunAttribute.MESSAGE_INTEGRITY_SHA256, key, 32);
    }

    private StunMessageBuilder hmac(Mac mac, int type, byte[] key, int len) {
        int start = pos;
        setLength(start + 4 + len);
        try {
            mac.init(new SecretKeySpec(key, mac.getAlgorithm()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad integrity key", e);
        }
        mac.update(buf, 0, start);
        byte[] h = mac.doFinal();
        int p = header(type, len);
        System.arraycopy(h, 0, buf, p, len);
        return this;
    }

    /**
     * Appends FINGERPRINT; call last.
     *
     * @return this
     */
    public StunMessageBuilder addFingerprint() {
        int start = pos;
        int crc = StunMessage.fingerprint(buf, 0, start);
        int p = header(StunAttribute.FINGERPRINT, 4);
        writeInt(p, crc);
        return this;
    }

    private void setLength(int totalLen) {
        int body = totalLen - StunMessage.HEADER_LENGTH;
        buf[2] = (byte) (body >> 8);
        buf[3] = (byte) body;
    }

    /**
     * @return the encoded message
     */
    public byte[] build() {
        setLength(pos);
        return Arrays.copyOf(buf, pos);
    }
}
