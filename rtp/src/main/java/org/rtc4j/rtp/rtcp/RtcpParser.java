package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * Splits an RTCP datagram into packets and serializes lists of packets back.
 *
 * <p>Compound (RFC 3550) and reduced-size (RFC 5506) datagrams are both accepted: the first
 * packet need not be SR/RR. Packet types and feedback formats this library does not model come
 * back as {@link UnknownRtcp}, never dropped.
 */
public final class RtcpParser {
    private RtcpParser() {
    }

    /**
     * @param b the buffer
     * @param off offset of the first byte in the buffer
     * @param len number of bytes
     * @return true if the byte at {@code off} starts an RTCP rather than an RTP packet (RFC 5761)
     */
    public static boolean isRtcp(byte[] b, int off, int len) {
        if (len < 2) {
            return false;
        }
        int pt = b[off + 1] & 0xFF;
        return pt >= 192 && pt <= 223;
    }

    /**
     * Parses every packet in {@code b[off, off+len)}.
     *
     * @param b the buffer
     * @param off offset of the first byte in the buffer
     * @param len number of bytes
     * @throws RtpParseException on a malformed packet anywhere in the datagram
     * @return the packets, in datagram order
     */
    public static List<RtcpPacket> parse(byte[] b, int off, int len) throws RtpParseException {
        Bytes.checkRange(b, off, len);
        if (len == 0) {
            throw new RtpParseException("empty RTCP datagram");
        }
        List<RtcpPacket> out = new ArrayList<>();
        int p = off;
        int end = off + len;
        while (p < end) {
            if (p + 4 > end) {
                throw new RtpParseException("RTCP header truncated");
            }
            int b0 = b[p] & 0xFF;
            if ((b0 >>> 6) != 2) {
                throw new RtpParseException("RTCP version " + (b0 >>> 6));
            }
            int count = b0 & 0x1F;
            int pt = b[p + 1] & 0xFF;
            int size = (Bytes.u16(b, p + 2) + 1) * 4;
            if (p + size > end) {
                throw new RtpParseException("RTCP packet length " + size + " exceeds datagram");
            }
            int bodyLen = size - 4;
            if ((b0 & 0x20) != 0) {
                int pad = b[p + size - 1] & 0xFF;
                if (pad == 0 || pad > bodyLen) {
                    throw new RtpParseException("bad RTCP padding " + pad);
                }
                bodyLen -= pad;
            }
            try {
                out.add(parseOne(count, pt, b, p + 4, bodyLen));
            } catch (IllegalArgumentException e) { // a field the model refuses, e.g. an oversized SDES item
                throw new RtpParseException("invalid RTCP packet type " + pt + ": " + e.getMessage(), e);
            }
            p += size;
        }
        return out;
    }

    /**
     * @param datagram an SRTCP-unprotected datagram holding a compound packet
     * @return the packets of {@code datagram}
     */
    public static List<RtcpPacket> parse(byte[] datagram) throws RtpParseException {
        return parse(datagram, 0, datagram.length);
    }

    private static RtcpPacket parseOne(int count, int pt, byte[] b, int o, int len) {
        switch (pt) {
            case RtcpPacket.SR:
                return SenderReport.parse(count, b, o, len);
            case RtcpPacket.RR:
                return ReceiverReport.parse(count, b, o, len);
            case RtcpPacket.SDES:
                return SourceDescription.parse(count, b, o, len);
            case RtcpPacket.BYE:
                return Bye.parse(count, b, o, len);
            case RtcpPacket.APP:
                return App.parse(count, b, o, len);
            case RtcpPacket.RTPFB:
                if (count == GenericNack.FMT) {
                    return GenericNack.parse(b, o, len);
                }
                if (count == TransportCcFeedback.FMT) {
                    return TransportCcFeedback.parse(b, o, len);
                }
                break;
            case RtcpPacket.PSFB:
                if (count == PictureLossIndication.FMT) {
                    return PictureLossIndication.parse(b, o, len);
                }
                if (count == FullIntraRequest.FMT) {
                    return FullIntraRequest.parse(b, o, len);
                }
                if (count == Remb.FMT && Remb.matches(b, o, len)) {
                    return Remb.parse(b, o, len);
                }
                break;
            case RtcpPacket.XR:
                return ExtendedReport.parse(b, o, len);
            default:
                break;
        }
        return new UnknownRtcp(count, pt, Arrays.copyOfRange(b, o, o + len));
    }

    /**
     * @param packets the RTCP packets, in order
     * @return the packets serialized back to back as one compound datagram
     */
    public static byte[] write(List<? extends RtcpPacket> packets) {
        int n = 0;
        for (RtcpPacket p : packets) {
            n += p.length();
        }
        byte[] out = new byte[n];
        int o = 0;
        for (RtcpPacket p : packets) {
            o += p.write(out, o);
        }
        return out;
    }
}
