package org.rtc4j;

import java.nio.charset.StandardCharsets;

/**
 * One message received on a data channel: text (sent as a string) or binary.
 *
 * @param data   the message bytes (UTF-8 for text)
 * @param binary whether it was sent as binary
 */
public record RTCDataChannelMessage(byte[] data, boolean binary) {

    /**
     * The message as text (UTF-8 decoding of the bytes).
     *
     * @return the decoded text; malformed UTF-8 (as in most binary messages) becomes U+FFFD
     */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
