package org.rtc4j.rtp.session;

import org.rtc4j.rtp.rtcp.ReceiveStatistics;
import org.rtc4j.rtp.rtcp.ReportBlock;
import org.rtc4j.rtp.rtcp.SenderReport;

/**
 * The receiving side of one remote SSRC: counts its packets (W3C inbound-rtp), produces the
 * reception report block about it through {@link ReceiveStatistics} (loss, jitter, LSR/DLSR), and
 * keeps the sender's last SR (W3C remote-outbound-rtp) with its NTP/RTP clock mapping, which is
 * what aligns audio with video. Sans-IO, times in Unix µs. Not thread-safe.
 */
public final class ReceiveStream {
    private static final long MASK32 = 0xFFFF_FFFFL;

    private final long ssrc;
    private final int clockRate;
    private final ReceiveStatistics statistics;
    private long packetsReceived;
    private long bytesReceived;
    private long headerBytesReceived;
    private long lastPacketReceivedUnixMicros = Long.MIN_VALUE;
    private long reportsReceived;
    private long lastSrNtp;
    private long lastSrRtp;
    private long lastSrPacketCount;
    private long lastSrOctetCount;
    private long remotePacketsSent;
    private long remoteBytesSent;
    private long remoteTimestampUnixMicros = Long.MIN_VALUE;

    /**
     * @param ssrc      the remote SSRC
     * @param clockRate its RTP clock rate in Hz
     */
    public ReceiveStream(long ssrc, int clockRate) {
        this.statistics = new ReceiveStatistics(ssrc & MASK32, clockRate); // validates the clock rate
        this.ssrc = ssrc & MASK32;
        this.clockRate = clockRate;
    }

    /** @return the remote SSRC */
    public long ssrc() {
        return ssrc;
    }

    /**
     * Counts one RTP packet of this source (repaired RTX packets included, with their original
     * sequence number).
     *
     * @param sequenceNumber    16-bit RTP sequence number
     * @param rtpTimestamp      RTP timestamp
     * @param payloadBytes      payload octets
     * @param headerBytes       RTP header octets including CSRCs and extensions
     * @param paddingBytes      RTP padding octets (W3C counts them with the header)
     * @param arrivalUnixMicros when it arrived
     */
    public void onPacket(int sequenceNumber, long rtpTimestamp, int payloadBytes, int headerBytes, int paddingBytes,
            long arrivalUnixMicros) {
        if (payloadBytes < 0 || headerBytes < 0 || paddingBytes < 0) {
            throw new IllegalArgumentException("negative size");
        }
        statistics.onPacket(sequenceNumber, rtpTimestamp, arrivalUnixMicros);
        packetsReceived++;
        bytesReceived += payloadBytes;
        headerBytesReceived += headerBytes + paddingBytes;
        lastPacketReceivedUnixMicros = arrivalUnixMicros;
    }

    /** @return true once a packet arrived, i.e. a report block about this source is due */
    public boolean hasReceived() {
        return packetsReceived > 0;
    }

    /**
     * Takes in the source's sender report. An SR whose NTP time is not after the last one's is
     * ignored: a reordered SR would move the clock mapping and the LSR backwards.
     *
     * @param sr                the SR, {@code sr.ssrc()} must be this SSRC
     * @param arrivalUnixMicros when it arrived
     */
    public void onSenderReport(SenderReport sr, long arrivalUnixMicros) {
        if (sr.ssrc() != ssrc) {
            throw new IllegalArgumentException("SR from SSRC " + sr.ssrc() + ", not " + ssrc);
        }
        if (reportsReceived > 0) {
            if (sr.ntpTimestamp() - lastSrNtp <= 0) { // signed: NTP seconds wrap in 2036
                return;
            }
            // the SR counts are 32-bit and wrap; the step between two SRs is far below 2^31
            remotePacketsSent += (int) (sr.packetCount() - lastSrPacketCount);
            remoteBytesSent += (int) (sr.octetCount() - lastSrOctetCount);
        } else {
            remotePacketsSent = sr.packetCount();
            remoteBytesSent = sr.octetCount();
        }
        statistics.onSenderReport(sr, arrivalUnixMicros);
        reportsReceived++;
        lastSrNtp = sr.ntpTimestamp();
        lastSrRtp = sr.rtpTimestamp() & MASK32;
        lastSrPacketCount = sr.packetCount();
        lastSrOctetCount = sr.octetCount();
        remoteTimestampUnixMicros = Ntp.toUnixMicros(sr.ntpTimestamp());
    }

    /**
     * Maps an RTP timestamp of this source to the sender's wallclock through the last SR.
     * Timestamps within 2^31 units either side of the SR's are taken as the nearest, so the
     * mapping survives the 32-bit wrap.
     *
     * @param rtpTimestamp an RTP timestamp of this source
     * @return estimated capture time in the sender's Unix µs, {@link Long#MIN_VALUE} before any SR
     */
    public long ntpOfRtp(long rtpTimestamp) {
        if (reportsReceived == 0) {
            return Long.MIN_VALUE;
        }
        long units = (int) (rtpTimestamp - lastSrRtp);
        return remoteTimestampUnixMicros + Math.round(units * 1e6 / clockRate);
    }

    /**
     * @param nowUnixMicros when the SR/RR carrying the block is sent (for DLSR)
     * @return the report block about this source for an SR/RR sent now (starts a new
     *         fraction-lost interval), or null before the first packet
     */
    public ReportBlock reportBlock(long nowUnixMicros) {
        return statistics.report(nowUnixMicros);
    }

    /** @return RTP packets received */
    public long packetsReceived() {
        return packetsReceived;
    }

    /** @return payload bytes received, without headers and padding */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** @return RTP header and padding bytes received */
    public long headerBytesReceived() {
        return headerBytesReceived;
    }

    /** @return cumulative packets lost (expected minus received; negative with duplicates) */
    public long packetsLost() {
        return statistics.cumulativeLost();
    }

    /** @return interarrival jitter in seconds */
    public double jitterSeconds() {
        return (double) statistics.jitter() / clockRate;
    }

    /** @return when the last packet arrived (Unix µs), {@link Long#MIN_VALUE} before the first */
    public long lastPacketReceivedUnixMicros() {
        return lastPacketReceivedUnixMicros;
    }

    /** @return the sender's packet count from its SRs, unwrapped past 2^32 */
    public long remotePacketsSent() {
        return remotePacketsSent;
    }

    /** @return the sender's payload octet count from its SRs, unwrapped past 2^32 */
    public long remoteBytesSent() {
        return remoteBytesSent;
    }

    /** @return the last SR's NTP time in Unix µs, {@link Long#MIN_VALUE} before any SR */
    public long remoteTimestampUnixMicros() {
        return remoteTimestampUnixMicros;
    }

    /** @return SRs taken in (stale ones not counted) */
    public long reportsReceived() {
        return reportsReceived;
    }
}
