package org.rtc4j.rtp.rtcp;

import org.rtc4j.rtp.Bytes;
import org.rtc4j.rtp.RtpParseException;

/**
 * Picture loss indication (PSFB FMT 1, RFC 4585): asks the sender for a key frame.
 *
 * @param senderSsrc SSRC of the packet sender
 * @param mediaSsrc  SSRC of the media source
 */
public record PictureLossIndication(long senderSsrc, long mediaSsrc) implements RtcpPacket {
    /** Feedback message type. */
    public static final int FMT = 1;

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int length() {
        return 12;
    }

    @Override
    public int write(byte[] b, int o) {
        RtcpHeader.write(b, o, false, FMT, PSFB, 12);
        Bytes.put32(b, o + 4, senderSsrc);
        Bytes.put32(b, o + 8, mediaSsrc);
        return 12;
    }

    static PictureLossIndication parse(byte[] b, int o, int len) throws RtpParseException {
        if (len < 8) {
            throw new RtpParseException("PLI truncated");
        }
        return new PictureLossIndication(Bytes.u32(b, o), Bytes.u32(b, o + 4));
    }
}
