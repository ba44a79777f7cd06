package org.rtc4j.rtp.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rtc4j.rtp.RtpParseException;

/**
 * Sample-based audio: PCMU and PCMA (G.711, one byte per 8 kHz sample) and G.722 (one byte per
 * two 16 kHz samples, still an 8000 Hz RTP clock per RFC 3551). Frames larger than the payload
 * limit are split on byte boundaries; each byte advances the RTP timestamp by
 * {@link #timestampUnitsPerByte()}, so split packets need timestamps {@code ts + offset}.
 */
public final class AudioPayloader extends AudioFrames {
    /** Creates a payloader; it keeps no state between frames. */
    public AudioPayloader() {
    }

    /** Static payload type of PCMU. */
    public static final int PT_PCMU = 0;
    /** Static payload type of PCMA. */
    public static final int PT_PCMA = 8;
    /** Static payload type of G.722. */
    public static final int PT_G722 = 9;

    /** @return timestamp units per payload byte: 1 for G.711 and G.722 */
    public int timestampUnitsPerByte() {
        return 1;
    }

    @Override
    public List<byte[]> payload(int maxPayload, byte[] frame, int off, int len) {
        List<byte[]> out = new ArrayList<>();
        for (int p = 0; p < len; p += maxPayload) {
            out.add(Arrays.copyOfRange(frame, off + p, off + Math.min(len, p + maxPayload)));
        }
        return out;
    }

    @Override
    public byte[] depacketize(List<byte[]> payloads) throws RtpParseException {
        FrameBuffer f = new FrameBuffer();
        for (byte[] p : payloads) {
            f.write(p, 0, p.length);
        }
        return f.toByteArray();
    }
}
