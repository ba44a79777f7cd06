package org.rtc4j.sctp;

import java.nio.charset.StandardCharsets;

/** Structural checks for received chunks and encoders for the small control chunks. */
final class ChunkCodec {
    private ChunkCodec() {
    }

    /**
     * Checks that a chunk's value is long enough for every field the association reads, so the
     * handlers can read in place without further bounds checks.
     */
    static void validate(int type, int flags, byte[] b, int off, int len) throws SctpParseException {
        switch (type) {
            case Chunks.DATA:
                if (len < 12) {
                    throw new SctpParseException("DATA chunk shorter than its 16-byte header");
                }
                if (len == 12) {
                    throw new SctpParseException("DATA chunk without user data");
                }
                break;
            case Chunks.INIT:
            case Chunks.INIT_ACK:
                InitChunk.parse(b, off, len, type == Chunks.INIT_ACK);
                break;
            case Chunks.SACK: {
                if (len < 12) {
                    throw new SctpParseException("SACK shorter than 16 bytes");
                }
                long need = 12L + 4L * Bytes.u16(b, off + 8) + 4L * Bytes.u16(b, off + 10);
                if (need > len) {
                    throw new SctpParseException("SACK gap/duplicate counts exceed its length");
                }
                break;
            }
            case Chunks.HEARTBEAT:
            case Chunks.HEARTBEAT_ACK:
            case Chunks.ABORT:
            case Chunks.ERROR:
            case Chunks.RE_CONFIG: {
                Tlv t = new Tlv(b, off, len);
                while (t.next()) {
                    if (type == Chunks.RE_CONFIG) {
                        validateReconfigParam(t, b);
                    }
                }
                break;
            }
            case Chunks.SHUTDOWN:
                if (len < 4) {
                    throw new SctpParseException("SHUTDOWN shorter than 8 bytes");
                }
                break;
            case Chunks.FORWARD_TSN:
                if (len < 4 || (len - 4) % 4 != 0) {
                    throw new SctpParseException("FORWARD-TSN of bad length " + len);
                }
                break;
            default:
                break;
        }
    }

    private static void validateReconfigParam(Tlv t, byte[] b) throws SctpParseException {
        switch (t.type) {
            case Chunks.PARAM_OUTGOING_RESET:
                if (t.valueLen < 12 || (t.valueLen - 12) % 2 != 0) {
                    throw new SctpParseException("bad Outgoing SSN Reset Request length");
                }
                break;
            case Chunks.PARAM_INCOMING_RESET:
                if (t.valueLen < 4 || (t.valueLen - 4) % 2 != 0) {
                    throw new SctpParseException("bad Incoming SSN Reset Request length");
                }
                break;
            case Chunks.PARAM_RECONFIG_RESPONSE:
                if (t.valueLen < 8) {
                    throw new SctpParseException("bad Re-configuration Response length");
                }
                break;
            default:
                break;
        }
    }

    /** A chunk with a header and the given value, padded to 4 bytes. */
    static byte[] chunk(int type, int flags, byte[] value) {
        int vlen = value == null ? 0 : value.length;
        byte[] out = new byte[Bytes.pad4(4 + vlen)];
        out[0] = (byte) type;
        out[1] = (byte) flags;
        Bytes.put16(out, 2, 4 + vlen);
        if (vlen > 0) {
            System.arraycopy(value, 0, out, 4, vlen);
        }
        return out;
    }

    static byte[] errorCause(int cause, byte[] info) {
        int ilen = info == null ? 0 : info.length;
        byte[] out = new byte[Bytes.pad4(4 + ilen)];
        Bytes.put16(out, 0, cause);
        Bytes.put16(out, 2, 4 + ilen);
        if (ilen > 0) {
            System.arraycopy(info, 0, out, 4, ilen);
        }
        return out;
    }

    static byte[] abort(int cause, String reason, boolean reflected) {
        byte[] info = reason == null ? null : reason.getBytes(StandardCharsets.UTF_8);
        if (cause == Chunks.CAUSE_PROTOCOL_VIOLATION || cause == Chunks.CAUSE_USER_ABORT) {
            return chunk(Chunks.ABORT, reflected ? Chunks.FLAG_T : 0, errorCause(cause, info));
        }
        return chunk(Chunks.ABORT, reflected ? Chunks.FLAG_T : 0, errorCause(cause, null));
    }

    static byte[] shutdown(int cumTsn) {
        byte[] v = new byte[4];
        Bytes.put32(v, 0, cumTsn);
        return chunk(Chunks.SHUTDOWN, 0, v);
    }

    /** Human-readable list of the error causes in an ABORT or ERROR chunk. */
    static String describeCauses(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder();
        try {
            Tlv t = new Tlv(b, off, len);
            while (t.next()) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(Chunks.causeName(t.type));
                if ((t.type == Chunks.CAUSE_USER_ABORT || t.type == Chunks.CAUSE_PROTOCOL_VIOLATION) && t.valueLen > 0) {
                    sb.append(": ").append(new String(b, t.valueOff, Math.min(t.valueLen, 256), StandardCharsets.UTF_8));
                } else if (t.type == Chunks.CAUSE_INVALID_STREAM && t.valueLen >= 2) {
                    sb.append(" ").append(Bytes.u16(b, t.valueOff));
                } else if (t.type == Chunks.CAUSE_UNRECOGNIZED_CHUNK && t.valueLen >= 1) {
                    sb.append(" ").append(Chunks.chunkName(Bytes.u8(b, t.valueOff)));
                }
            }
        } catch (SctpParseException e) {
            sb.append(sb.length() > 0 ? "; " : "").append("malformed causes");
        }
        return sb.length() == 0 ? "no cause given" : sb.toString();
    }
}
