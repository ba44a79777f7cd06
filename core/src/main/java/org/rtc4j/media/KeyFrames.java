package org.rtc4j.media;

import org.rtc4j.RTCRtpCodecCapability;

/** Whether a frame read from a file decodes on its own, from its codec's first header bits. */
final class KeyFrames {

    private KeyFrames() {
    }

    static boolean isKey(RTCRtpCodecCapability codec, byte[] f) {
        if (f.length == 0) {
            return false;
        }
        switch (codec.name().toUpperCase(java.util.Locale.ROOT)) {
            case "VP8":
                // RFC 6386 §9.1: the frame tag's first bit is 0 for a key frame.
                return (f[0] & 1) == 0;
            case "VP9": {
                // VP9 uncompressed header: frame_marker(2) profile(2, +1 reserved for profile 3)
                // show_existing_frame(1) frame_type(1), frame_type 0 = key frame.
                int b = f[0] & 0xFF;
                if ((b >> 6) != 2) {
                    return false;
                }
                int profile = ((b >> 5) & 1) | (((b >> 4) & 1) << 1);
                int shift = profile == 3 ? 2 : 3;
                boolean showExisting = ((b >> shift) & 1) == 1;
                return !showExisting && ((b >> (shift - 1)) & 1) == 0;
            }
            case "AV1":
                // A temporal unit that carries a sequence header starts a coded video sequence.
                return containsObu(f, 1);
            default:
                return true;
        }
    }

    // Walks the low-overhead OBU format (each OBU with obu_has_size_field set, as IVF stores it).
    private static boolean containsObu(byte[] f, int type) {
        int i = 0;
        while (i < f.length) {
            int header = f[i] & 0xFF;
            int obuType = (header >> 3) & 0xF;
            boolean ext = (header & 4) != 0;
            boolean hasSize = (header & 2) != 0;
            if (obuType == type) {
                return true;
            }
            i += ext ? 2 : 1;
            if (!hasSize) {
                return false;
            }
            long size = 0;
            int shift = 0;
            while (i < f.length) {
                int b = f[i++] & 0xFF;
                size |= (long) (b & 0x7F) << shift;
                shift += 7;
                if ((b & 0x80) == 0 || shift > 56) {
                    break;
                }
            }
            if (size > f.length - i) {
                return false;
            }
            i += (int) size;
        }
        return false;
    }
}
