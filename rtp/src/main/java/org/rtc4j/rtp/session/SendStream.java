package org.rtc4j.rtp.session;

import java.util.List;
import org.rtc4j.rtp.rtcp.Bye;
import org.rtc4j.rtp.rtcp.ReceiveStatistics;
import org.rtc4j.rtp.rtcp.ReportBlock;
import org.rtc4j.rtp.rtcp.SenderReport;

/**
 * The sending side of one local SSRC: counts what was sent (W3C outbound-rtp), writes its sender
 * reports (RFC 3550 section 6.4.1) and keeps what the peer reported back about it (W3C
 * remote-inbound-rtp: loss, jitter, round-trip time). Sans-IO, times in Unix µs. Not thread-safe.
 */
public final class SendStream {
    private static final long MASK32 = 0xFFFF_FFFFL;
    /** RTTs past half the 32-bit NTP range are a negative difference (skew or rounding), not hours. */
    private static final long MAX_RTT_MICROS = ((1L << 31) * 1_000_000L) >>> 16;

    private final long ssrc;
    private final int clockRate;
    private long packetsSent;
    private long bytesSent;
    private long headerBytesSent;
    private long lastRtpTimestamp;
    private long lastSentUnixMicros = Long.MIN_VALUE;
    private double fractionLost;
    private long packetsLost;
    private double jitterSeconds;
    private double roundTripTimeSeconds = Double.NaN;
    private double totalRoundTripTimeSeconds;
    private long roundTripTimeMeasurements;
    private long reportsReceived;

    /**
     * @param ssrc      the local SSRC
     * @param clockRate its RTP clock rate in Hz
     */
    public SendStream(long ssrc, int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate " + clockRate);
        }
        this.ssrc = ssrc & MASK32;
        this.clockRate = clockRate;
    }

    /** @return the local SSRC */
    public long ssrc() {
        return ssrc;
    }

    /** @return the RTP clock rate in Hz */
    public int clockRate() {
        return clockRate;
    }

    /**
     * Counts one RTP packet put on the wire (retransmissions included, as W3C counts them).
     *
     * @param rtpTimestamp  its RTP timestamp
     * @param payloadBytes  payload octets (the RFC 3550 octet count)
     * @param headerBytes   RTP header octets including CSRCs and extensions
     * @param paddingBytes  RTP padding octets (W3C counts them with the header)
     * @param nowUnixMicros when it was sent
     */
    public void onPacketSent(long rtpTimestamp, int payloadBytes, int headerBytes, int paddingBytes,
            long nowUnixMicros) {
        if (payloadBytes < 0 || headerBytes < 0 || paddingBytes < 0) {
            throw new IllegalArgumentException("negative size");
        }
        packetsSent++;
        bytesSent += payloadBytes;
        headerBytesSent += headerBytes + paddingBytes;
        lastRtpTimestamp = rtpTimestamp & MASK32;
        lastSentUnixMicros = nowUnixMicros;
    }

    /** @return true once a packet was sent, i.e. an SR (not an RR) is due for this SSRC */
    public boolean hasSent() {
        return packetsSent > 0;
    }

    /**
     * Builds the SR for now. The RTP timestamp is extrapolated from the last packet sent, so that
     * the receiver's NTP/RTP mapping matches the media clock even between packets.
     *
     * @param nowUnixMicros the SR's send time
     * @param blocks        reception report blocks about remote sources (at most 31)
     * @return the sender report
     * @throws IllegalStateException before the first packet (send an RR instead)
     */
    public SenderReport senderReport(long nowUnixMicros, List<ReportBlock> blocks) {
        if (!hasSent()) {
            throw new IllegalStateException("no RTP packet sent yet on SSRC " + ssrc);
        }
        long elapsedUnits = Math.floorDiv((nowUnixMicros - lastSentUnixMicros) * clockRate + 500_000L, 1_000_000L);
        long rtp = (lastRtpTimestamp + elapsedUnits) & MASK32;
        // the SR fields are 32-bit and wrap (RFC 3550 6.4.1), our own counters do not
        return new SenderReport(ssrc, ReceiveStatistics.ntpTimestamp(nowUnixMicros), rtp,
                packetsSent & MASK32, bytesSent & MASK32, blocks);
    }

    /**
     * Takes in the peer's reception report about this SSRC (from its SR or RR).
     *
     * @param block             the report block, {@code block.ssrc()} must be this SSRC
     * @param arrivalUnixMicros when the RTCP packet carrying it arrived
     */
    public void onReportBlock(ReportBlock block, long arrivalUnixMicros) {
        if (block.ssrc() != ssrc) {
            throw new IllegalArgumentException("report block for SSRC " + block.ssrc() + ", not " + ssrc);
        }
        reportsReceived++;
        fractionLost = block.fractionLost() / 256.0;
        packetsLost = block.cumulativeLost();
        jitterSeconds = (double) block.jitter() / clockRate;
        long rtt = ReceiveStatistics.roundTripMicros(block, arrivalUnixMicros);
        if (rtt < 0) {
            return; // LSR 0: the peer has not seen an SR of ours yet, no RTT possible
        }
        if (rtt > MAX_RTT_MICROS) {
            rtt = 0; // arrival before LSR + DLSR: truncation on a very short path, not a long RTT
        }
        roundTripTimeSeconds = rtt / 1e6;
        totalRoundTripTimeSeconds += roundTripTimeSeconds;
        roundTripTimeMeasurements++;
    }

    /** @return a BYE for this SSRC (RFC 3550 section 6.6) */
    public Bye bye() {
        return new Bye(List.of(ssrc), null);
    }

    /** @return RTP packets sent */
    public long packetsSent() {
        return packetsSent;
    }

    /** @return payload bytes sent, without headers and padding */
    public long bytesSent() {
        return bytesSent;
    }

    /** @return RTP header and padding bytes sent */
    public long headerBytesSent() {
        return headerBytesSent;
    }

    /** @return when the last packet was sent (Unix µs), {@link Long#MIN_VALUE} before the first */
    public long lastSentUnixMicros() {
        return lastSentUnixMicros;
    }

    /** @return the peer's last fraction lost, 0..1 (0 before any report) */
    public double fractionLost() {
        return fractionLost;
    }

    /** @return the peer's last cumulative loss (negative with duplicates) */
    public long packetsLost() {
        return packetsLost;
    }

    /** @return the peer's last interarrival jitter in seconds */
    public double jitterSeconds() {
        return jitterSeconds;
    }

    /** @return the latest round-trip time in seconds, NaN before the first measurement */
    public double roundTripTimeSeconds() {
        return roundTripTimeSeconds;
    }

    /** @return the sum of all round-trip measurements in seconds */
    public double totalRoundTripTimeSeconds() {
        return totalRoundTripTimeSeconds;
    }

    /** @return how many report blocks gave a round-trip time */
    public long roundTripTimeMeasurements() {
        return roundTripTimeMeasurements;
    }

    /** @return how many report blocks about this SSRC arrived */
    public long reportsReceived() {
        return reportsReceived;
    }
}
