package org.rtc4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtc4j.jsep.MediaCodec;
import org.rtc4j.rtp.session.ReceiveStream;
import org.rtc4j.rtp.session.SendStream;
import org.rtc4j.srtp.SrtpCounters;
import org.rtc4j.srtp.SrtpStatus;

/**
 * The media members of a stats report, with the W3C types and names ({@code codec},
 * {@code outbound-rtp}, {@code remote-inbound-rtp}, {@code inbound-rtp},
 * {@code remote-outbound-rtp}, {@code media-source}) as far as a stack that does not encode or
 * decode can know them, plus what the media path dropped on the transport object.
 */
final class MediaStats {

    private MediaStats() {
    }

    static void collect(List<RTCRtpTransceiver> transceivers, MediaSession session, double ts, List<RTCStats> out) {
        Map<String, Object> codecs = new LinkedHashMap<>();
        for (RTCRtpTransceiver t : transceivers) {
            if (t.stopped() || t.mid() == null) {
                continue;
            }
            String kind = t.kind();
            RtpSendStream send = t.sender().stream();
            SendStream ss = send.stats();
            if (ss != null && ss.hasSent() && send.codec() != null) {
                String id = "OT" + ss.ssrc();
                String codecId = codec(codecs, send.codec(), kind, ts, out);
                Map<String, Object> m = base(ss.ssrc(), kind, t.mid(), codecId);
                m.put("packetsSent", ss.packetsSent());
                m.put("bytesSent", ss.bytesSent());
                m.put("headerBytesSent", ss.headerBytesSent());
                m.put("retransmittedPacketsSent", send.retransmittedPacketsSent);
                m.put("retransmittedBytesSent", send.retransmittedBytesSent);
                m.put("nackCount", send.nackCount);
                m.put("pliCount", send.pliCount);
                m.put("firCount", send.firCount);
                if ("video".equals(kind)) {
                    m.put("framesSent", send.framesSent);
                    m.put("keyFramesEncoded", send.keyFramesSent);
                }
                m.put("active", t.sender().active());
                LocalTrack track = t.sender().track();
                if (track != null) {
                    String sourceId = "MS" + track.id();
                    m.put("mediaSourceId", sourceId);
                    Map<String, Object> src = new LinkedHashMap<>();
                    src.put("trackIdentifier", track.id());
                    src.put("kind", kind);
                    if ("video".equals(kind)) {
                        src.put("frames", send.framesSent);
                    }
                    out.add(new RTCStats(sourceId, "media-source", ts, src));
                }
                if (ss.reportsReceived() > 0) {
                    String remoteId = "RI" + ss.ssrc();
                    m.put("remoteId", remoteId);
                    Map<String, Object> ri = base(ss.ssrc(), kind, null, codecId);
                    ri.put("localId", id);
                    ri.put("packetsLost", ss.packetsLost());
                    ri.put("fractionLost", ss.fractionLost());
                    ri.put("jitter", ss.jitterSeconds());
                    if (ss.roundTripTimeMeasurements() > 0) {
                        ri.put("roundTripTime", ss.roundTripTimeSeconds());
                        ri.put("totalRoundTripTime", ss.totalRoundTripTimeSeconds());
                    }
                    ri.put("roundTripTimeMeasurements", ss.roundTripTimeMeasurements());
                    ri.put("reportsReceived", ss.reportsReceived());
                    out.add(new RTCStats(remoteId, "remote-inbound-rtp", ts, ri));
                }
                out.add(new RTCStats(id, "outbound-rtp", ts, m));
            }
            RtpReceiveStream recv = t.receiver().stream();
            for (ReceiveStream rs : recv.streams().values()) {
                String id = "IT" + rs.ssrc();
                MediaCodec c = recv.currentCodec();
                String codecId = c == null ? null : codec(codecs, c, kind, ts, out);
                Map<String, Object> m = base(rs.ssrc(), kind, t.mid(), codecId);
                m.put("trackIdentifier", t.receiver().track().id());
                m.put("packetsReceived", rs.packetsReceived());
                m.put("bytesReceived", rs.bytesReceived());
                m.put("headerBytesReceived", rs.headerBytesReceived());
                m.put("packetsLost", rs.packetsLost());
                m.put("jitter", rs.jitterSeconds());
                if (rs.hasReceived()) {
                    m.put("lastPacketReceivedTimestamp", rs.lastPacketReceivedUnixMicros() / 1000.0);
                }
                m.put("nackCount", rs.ssrc() == recv.nackSsrc() ? recv.nackSent : 0L);
                m.put("pliCount", recv.pliSent);
                m.put("firCount", recv.firSent);
                if ("video".equals(kind)) {
                    m.put("framesReceived", recv.framesReceived);
                    // Not decoded here: key frames as the payload format marks them (no W3C name).
                    m.put("keyFramesReceived", recv.keyFramesReceived);
                    m.put("framesAfterLoss", recv.framesAfterGap);
                }
                m.put("retransmittedPacketsReceived", recv.rtxPacketsReceived);
                if (rs.reportsReceived() > 0) {
                    String remoteId = "RO" + rs.ssrc();
                    m.put("remoteId", remoteId);
                    Map<String, Object> ro = base(rs.ssrc(), kind, null, codecId);
                    ro.put("localId", id);
                    ro.put("packetsSent", rs.remotePacketsSent());
                    ro.put("bytesSent", rs.remoteBytesSent());
                    ro.put("remoteTimestamp", rs.remoteTimestampUnixMicros() / 1000.0);
                    ro.put("reportsSent", rs.reportsReceived());
                    out.add(new RTCStats(remoteId, "remote-outbound-rtp", ts, ro));
                }
                out.add(new RTCStats(id, "inbound-rtp", ts, m));
            }
        }
    }

    /** What the media path dropped, for the transport object. */
    static void dropped(MediaSession session, long droppedWithoutSession, Map<String, Object> transport) {
        transport.put("rtpPacketsUnroutable", session.rtpUnroutable);
        transport.put("rtpPacketsMalformed", session.rtpMalformed);
        transport.put("rtcpPacketsMalformed", session.rtcpMalformed);
        transport.put("mediaPacketsBeforeKeys", session.rtpBeforeKeys + droppedWithoutSession);
        transport.put("rtcpPacketsSent", session.rtcpPacketsSent);
        transport.put("rtcpPacketsReceived", session.rtcpPacketsReceived);
        if (session.srtpIfBuilt() != null) {
            SrtpCounters c = session.srtpIfBuilt().counters();
            transport.put("srtpCipher", session.srtpIfBuilt().profile().name());
            transport.put("srtpPacketsDropped", c.rtpDropped());
            transport.put("srtcpPacketsDropped", c.rtcpDropped());
            transport.put("srtpAuthenticationFailures", c.rtpUnprotected(SrtpStatus.AUTH_FAILED)
                    + c.rtcpUnprotected(SrtpStatus.AUTH_FAILED));
            transport.put("srtpReplaysDropped", c.rtpUnprotected(SrtpStatus.REPLAYED) + c.rtpUnprotected(SrtpStatus.TOO_OLD)
                    + c.rtcpUnprotected(SrtpStatus.REPLAYED) + c.rtcpUnprotected(SrtpStatus.TOO_OLD));
            transport.put("srtpTruncatedDropped", c.rtpUnprotected(SrtpStatus.TOO_SHORT)
                    + c.rtpUnprotected(SrtpStatus.MALFORMED) + c.rtcpUnprotected(SrtpStatus.TOO_SHORT)
                    + c.rtcpUnprotected(SrtpStatus.MALFORMED));
        }
    }

    private static Map<String, Object> base(long ssrc, String kind, String mid, String codecId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ssrc", ssrc);
        m.put("kind", kind);
        m.put("transportId", "T01");
        if (mid != null) {
            m.put("mid", mid);
        }
        if (codecId != null) {
            m.put("codecId", codecId);
        }
        return m;
    }

    private static String codec(Map<String, Object> seen, MediaCodec c, String kind, double ts, List<RTCStats> out) {
        String id = "CIT01_" + c.payloadType() + (c.fmtpLine() == null ? "" : "_" + Integer.toHexString(
                c.fmtpLine().hashCode()));
        if (seen.put(id, Boolean.TRUE) == null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("transportId", "T01");
            m.put("payloadType", c.payloadType());
            m.put("mimeType", c.mimeType(kind));
            m.put("clockRate", c.clockRate());
            if ("audio".equals(kind)) {
                m.put("channels", Math.max(1, c.channels()));
            }
            if (c.fmtpLine() != null) {
                m.put("sdpFmtpLine", c.fmtpLine());
            }
            out.add(new RTCStats(id, "codec", ts, m));
        }
        return id;
    }
}
