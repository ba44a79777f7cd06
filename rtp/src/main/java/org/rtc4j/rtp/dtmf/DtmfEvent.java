package org.rtc4j.rtp.dtmf;

import org.rtc4j.rtp.RtpParseException;

/**
 * One RFC 4733 telephone-event payload: event code, end bit, volume and duration.
 *
 * @param event    0-9 digits, 10 '*', 11 '#', 12-15 'A'-'D' (other codes are kept as numbers)
 * @param end      the E bit: this is (a copy of) the final packet of the event
 * @param volume   power level 0-63, in -dBm0
 * @param duration duration so far, in RTP timestamp units
 */
public record DtmfEvent(int event, boolean end, int volume, int duration) {
    /** Payload size in bytes. */
    public static final int SIZE = 4;
    private static final String DIGITS = "0123456789*#ABCD";

    /**
     * Validates ranges.
     *
     * @param event    event code, 0-255
     * @param end      the E bit
     * @param volume   power level 0-63, in -dBm0
     * @param duration duration so far, 0-65535 RTP timestamp units
     * @throws IllegalArgumentException if a field is out of range
     */
    public DtmfEvent {
        if (event < 0 || event > 255 || volume < 0 || volume > 63 || duration < 0 || duration > 0xFFFF) {
            throw new IllegalArgumentException("DTMF event fields");
        }
    }

    /**
     * @param digit a DTMF digit: 0-9, *, #, A-D (case-insensitive)
     * @return the event code of a DTMF digit (0-9, *, #, A-D, case-insensitive)
     * @throws IllegalArgumentException if {@code digit} is not a DTMF digit
     */
    public static int code(char digit) {
        int i = DIGITS.indexOf(Character.toUpperCase(digit));
        if (i < 0) {
            throw new IllegalArgumentException("not a DTMF digit: " + digit);
        }
        return i;
    }

    /** @return the digit of this event, or '?' for codes above 15 */
    public char digit() {
        return event < 16 ? DIGITS.charAt(event) : '?';
    }

    /**
     * Writes the 4-byte payload (the reserved R bit is 0).
     *
     * @param b   the destination buffer
     * @param off where the payload starts in {@code b}; {@value #SIZE} bytes are written
     */
    public void write(byte[] b, int off) {
        b[off] = (byte) event;
        b[off + 1] = (byte) ((end ? 0x80 : 0) | volume);
        b[off + 2] = (byte) (duration >>> 8);
        b[off + 3] = (byte) duration;
    }

    /**
     * Parses a telephone-event payload; bytes after the first {@value #SIZE} are ignored.
     *
     * @param b   the array holding the RTP payload
     * @param off start of the payload in {@code b}
     * @param len payload length in bytes
     * @return the event in {@code b[off, off+len)}
     * @throws RtpParseException if the payload is shorter than {@value #SIZE} bytes
     */
    public static DtmfEvent read(byte[] b, int off, int len) throws RtpParseException {
        if (len < SIZE) {
            throw new RtpParseException("telephone-event payload of " + len + " bytes");
        }
        return new DtmfEvent(b[off] & 0xFF, (b[off + 1] & 0x80) != 0, b[off + 1] & 0x3F,
                ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF));
    }
}
