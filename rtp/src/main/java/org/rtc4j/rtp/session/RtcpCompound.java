package org.rtc4j.rtp.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rtc4j.rtp.rtcp.RtcpPacket;
import org.rtc4j.rtp.rtcp.RtcpParser;

/**
 * Builds one RTCP datagram. {@link RtcpParser#write} only concatenates; this adds the RFC 3550
 * section 6.1 rules for a full compound packet: SR/RR first, then SDES, other packets after, BYE
 * last. Reduced-size datagrams (RFC 5506) keep the caller's order.
 */
public final class RtcpCompound {
    private RtcpCompound() {
    }

    /**
     * @param packets     the packets; relative order within each RFC 3550 rank is kept
     * @param reducedSize true for an RFC 5506 reduced-size datagram (rtcp-rsize negotiated)
     * @return the serialized datagram
     * @throws IllegalArgumentException if empty, or a compound one lacks an SR/RR or an SDES
     */
    public static byte[] build(List<? extends RtcpPacket> packets, boolean reducedSize) {
        if (packets.isEmpty()) {
            throw new IllegalArgumentException("no RTCP packets");
        }
        if (reducedSize) {
            return RtcpParser.write(packets);
        }
        List<RtcpPacket> ordered = new ArrayList<>(packets);
        ordered.sort(Comparator.comparingInt(RtcpCompound::rank)); // List.sort is stable
        if (rank(ordered.get(0)) > 1) {
            throw new IllegalArgumentException("a compound RTCP packet must start with an SR or RR");
        }
        if (ordered.stream().noneMatch(p -> p.packetType() == RtcpPacket.SDES)) {
            throw new IllegalArgumentException("a compound RTCP packet must carry an SDES CNAME");
        }
        return RtcpParser.write(ordered);
    }

    private static int rank(RtcpPacket p) {
        return switch (p.packetType()) {
            case RtcpPacket.SR -> 0;
            case RtcpPacket.RR -> 1; // RRs after the SR carry report blocks beyond the SR's 31
            case RtcpPacket.SDES -> 2;
            case RtcpPacket.BYE -> 4;
            default -> 3;
        };
    }
}
