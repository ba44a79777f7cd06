package org.rtc4j.sctp;

/**
 * INIT or INIT-ACK contents we act on (RFC 9260 §3.3.2/3.3.3, RFC 3758 §3.1, RFC 6525, RFC 9653).
 *
 * @param cookie the State Cookie (INIT-ACK only, else null)
 */
record InitChunk(int initiateTag, long aRwnd, int outboundStreams, int inboundStreams, int initialTsn,
        byte[] cookie, boolean forwardTsn, boolean reconfig, boolean zeroChecksum) {

    static InitChunk parse(byte[] b, int off, int len, boolean ack) throws SctpParseException {
        if (len < 16) {
            throw new SctpParseException((ack ? "INIT-ACK" : "INIT") + " shorter than 16 bytes");
        }
        int tag = Bytes.i32(b, off);
        if (tag == 0) {
            throw new SctpParseException("initiate tag 0");
        }
        int os = Bytes.u16(b, off + 8);
        int mis = Bytes.u16(b, off + 10);
        if (os == 0 || mis == 0) {
            throw new SctpParseException("zero stream count");
        }
        byte[] cookie = null;
        boolean fwd = false;
        boolean reconfig = false;
        boolean zero = false;
        Tlv p = new Tlv(b, off + 16, len - 16);
        while (p.next()) {
            switch (p.type) {
                case Chunks.PARAM_STATE_COOKIE:
                    cookie = new byte[p.valueLen];
                    System.arraycopy(b, p.valueOff, cookie, 0, p.valueLen);
                    break;
                case Chunks.PARAM_FORWARD_TSN_SUPPORTED:
                    fwd = true;
                    break;
                case Chunks.PARAM_SUPPORTED_EXTENSIONS:
                    for (int i = 0; i < p.valueLen; i++) {
                        int t = Bytes.u8(b, p.valueOff + i);
                        if (t == Chunks.FORWARD_TSN) {
                            fwd = true;
                        } else if (t == Chunks.RE_CONFIG) {
                            reconfig = true;
                        }
                    }
                    break;
                case Chunks.PARAM_ZERO_CHECKSUM:
                    // Error Detection Method 1: the lower layer (DTLS) protects the packet.
                    zero = p.valueLen >= 4 && Bytes.i32(b, p.valueOff) == 1;
                    break;
                default:
                    break;
            }
        }
        if (ack && cookie == null) {
            throw new SctpParseException("INIT-ACK without State Cookie");
        }
        return new InitChunk(tag, Bytes.u32(b, off + 4), os, mis, Bytes.i32(b, off + 12), cookie, fwd, reconfig, zero);
    }

    /** Encodes the chunk (header included, padded). */
    byte[] encode(boolean ack) {
        int paramsLen = 8 /* supported extensions: 2 types + pad */ + 4 /* forward-tsn supported */
                + (zeroChecksum ? 8 : 0) + (cookie != null ? Bytes.pad4(4 + cookie.length) : 0);
        byte[] out = new byte[4 + 16 + paramsLen];
        out[0] = (byte) (ack ? Chunks.INIT_ACK : Chunks.INIT);
        int p = 4;
        Bytes.put32(out, p, initiateTag);
        Bytes.put32(out, p + 4, (int) aRwnd);
        Bytes.put16(out, p + 8, outboundStreams);
        Bytes.put16(out, p + 10, inboundStreams);
        Bytes.put32(out, p + 12, initialTsn);
        p += 16;
        Bytes.put16(out, p, Chunks.PARAM_SUPPORTED_EXTENSIONS);
        Bytes.put16(out, p + 2, 6);
        out[p + 4] = (byte) Chunks.RE_CONFIG;
        out[p + 5] = (byte) Chunks.FORWARD_TSN;
        p += 8;
        Bytes.put16(out, p, Chunks.PARAM_FORWARD_TSN_SUPPORTED);
        Bytes.put16(out, p + 2, 4);
        p += 4;
        if (zeroChecksum) {
            Bytes.put16(out, p, Chunks.PARAM_ZERO_CHECKSUM);
            Bytes.put16(out, p + 2, 8);
            Bytes.put32(out, p + 4, 1);
            p += 8;
        }
        if (cookie != null) {
            Bytes.put16(out, p, Chunks.PARAM_STATE_COOKIE);
            Bytes.put16(out, p + 2, 4 + cookie.length);
            System.arraycopy(cookie, 0, out, p + 4, cookie.length);
        }
        Bytes.put16(out, 2, out.length - (cookie != null ? Bytes.pad4(4 + cookie.length) - 4 - cookie.length : 0));
        return out;
    }
}
