package org.rtc4j.rtp.dtmf;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.rtp.RtpPacket;
import org.rtc4j.rtp.RtpParseException;

/**
 * Turns received telephone-event packets into tones, once each: the redundant end packets and
 * duplicate updates of an event (same RTP timestamp) are folded together. If an event's end
 * packets are all lost, the tone is reported when the next event begins.
 */
public final class DtmfReceiver {
    /** Creates a receiver that has heard no event yet. */
    public DtmfReceiver() {
    }

    /**
     * A completed tone.
     *
     * @param digit     the DTMF digit ('?' for non-DTMF event codes)
     * @param event     the event code
     * @param volume    0-63 (-dBm0)
     * @param duration  duration in RTP timestamp units
     * @param timestamp RTP timestamp of the event's start
     * @param ended     false if it was cut short because its end packets never arrived
     */
    public record Tone(char digit, int event, int volume, int duration, long timestamp, boolean ended) {
    }

    private long pendingTimestamp = -1;
    private DtmfEvent pending;
    private long lastReportedTimestamp = -1;

    /**
     * Handles one telephone-event RTP packet.
     *
     * @param p a wrapped RTP packet of the negotiated telephone-event payload type
     * @return tones that completed with this packet (usually none or one)
     * @throws RtpParseException if the payload is shorter than {@value DtmfEvent#SIZE} bytes
     */
    public List<Tone> handle(RtpPacket p) throws RtpParseException {
        return handle(p.timestamp(), p.buffer(), p.payloadOffset(), p.payloadLength());
    }

    /**
     * Handles one telephone-event payload with its packet's RTP timestamp.
     *
     * @param timestamp the packet's RTP timestamp, which identifies the event
     * @param payload   the array holding the RTP payload
     * @param off       start of the payload in {@code payload}
     * @param len       payload length in bytes
     * @return tones that completed with this packet (usually none or one; two if an event whose
     *         end was lost is followed by a one-packet event)
     * @throws RtpParseException if the payload is shorter than {@value DtmfEvent#SIZE} bytes
     */
    public List<Tone> handle(long timestamp, byte[] payload, int off, int len) throws RtpParseException {
        DtmfEvent e = DtmfEvent.read(payload, off, len);
        List<Tone> out = new ArrayList<>(1);
        if (timestamp == lastReportedTimestamp) {
            return out; // a redundant end packet of a tone already reported
        }
        if (pending != null && timestamp != pendingTimestamp) {
            out.add(toTone(pending, pendingTimestamp, false)); // its end packets were all lost
            pending = null;
        }
        if (e.end()) {
            lastReportedTimestamp = timestamp;
            pending = null;
            out.add(toTone(e, timestamp, true));
        } else if (pending == null || e.duration() >= pending.duration()) {
            pending = e;
            pendingTimestamp = timestamp;
        }
        return out;
    }

    private static Tone toTone(DtmfEvent e, long ts, boolean ended) {
        return new Tone(e.digit(), e.event(), e.volume(), e.duration(), ts, ended);
    }
}
