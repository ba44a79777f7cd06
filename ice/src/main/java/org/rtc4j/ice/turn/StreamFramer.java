package org.rtc4j.ice.turn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rtc4j.ice.stun.StunMessage;
import org.rtc4j.ice.stun.StunParseException;

/**
 * Splits a TCP/TLS byte stream from a TURN server into whole STUN messages and ChannelData frames
 * (RFC 8656 section 12.5). Bytes arrive in arbitrary chunks; complete frames come out.
 */
public final class StreamFramer {
    /** Creates a framer with nothing buffered. */
    public StreamFramer() {
    }

    private static final int MAX_BUFFER = 2 * 65_536 + 64;
    private byte[] buf = new byte[2048];
    private int len;

    /**
     * @param chunk bytes read from the stream
     * @return complete frames, possibly none
     * @throws StunParseException if the stream is not STUN/ChannelData (the connection is unusable)
     */
    public List<byte[]> feed(byte[] chunk) throws StunParseException {
        if (len + chunk.length > MAX_BUFFER) {
            throw new StunParseException("stream frame buffer overflow");
        }
        if (len + chunk.length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + chunk.length));
        }
        System.arraycopy(chunk, 0, buf, len, chunk.length);
        len += chunk.length;
        List<byte[]> out = new ArrayList<>(1);
        int pos = 0;
        while (len - pos >= 4) {
            int first = buf[pos] & 0xFF;
            int frameLen;
            int l = ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
            if (first < 0x40) {
                if ((l & 3) != 0) {
                    throw new StunParseException("STUN length not a multiple of 4 in stream");
                }
                frameLen = StunMessage.HEADER_LENGTH + l;
            } else if (first < 0x50) {
                frameLen = 4 + ((l + 3) & ~3);
            } else {
                throw new StunParseException("neither STUN nor ChannelData in stream: first byte " + first);
            }
            if (len - pos < frameLen) {
                break;
            }
            out.add(Arrays.copyOfRange(buf, pos, pos + frameLen));
            pos += frameLen;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, len - pos);
            len -= pos;
        }
        return out;
    }
}
