package org.rtc4j.rtp.codec;

import java.util.Arrays;
import java.util.List;
import org.rtc4j.rtp.RtpParseException;

/**
 * Opus (RFC 7587): one Opus packet per RTP payload, never fragmented; also the depacketizer,
 * which is the identity. Every Opus packet decodes on its own, so every frame is a "key frame".
 */
public final class OpusPayloader extends AudioFrames {
    /** Creates a payloader; it keeps no state between frames. */
    public OpusPayloader() {
    }

    @Override
    public List<byte[]> payload(int maxPayload, byte[] frame, int off, int len) {
        if (len > maxPayload) {
            throw new IllegalArgumentException("Opus packet of " + len + " bytes exceeds payload limit " + maxPayload);
        }
        return List.of(Arrays.copyOfRange(frame, off, off + len));
    }

    @Override
    public byte[] depacketize(List<byte[]> payloads) throws RtpParseException {
        if (payloads.size() != 1) {
            throw new RtpParseException("an Opus frame is exactly one RTP packet");
        }
        return payloads.get(0).clone();
    }
}
