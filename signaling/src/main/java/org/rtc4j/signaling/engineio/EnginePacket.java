package org.rtc4j.signaling.engineio;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One Engine.IO v4 packet: a type and either text or binary data.
 * <p>
 * A packet sent to many sessions (a broadcast) is encoded once: the UTF-8 bytes of its
 * WebSocket text frame are cached on first use and shared by every send.
 */
public final class EnginePacket {
    /**
     * Engine.IO packet types, in protocol order: the digit on the wire is the ordinal.
     */
    public enum Type {
        /** (0) Sent by the server on handshake, with the session's JSON parameters. */
        OPEN,
        /** (1) Closes the session. */
        CLOSE,
        /** (2) A heartbeat from the server, or the client's {@code probe} during an upgrade. */
        PING,
        /** (3) The answer to a ping. */
        PONG,
        /** (4) Carries application data (a Socket.IO packet). */
        MESSAGE,
        /** (5) Sent by the client on the probed WebSocket to complete an upgrade. */
        UPGRADE,
        /** (6) Does nothing; releases a pending poll during an upgrade. */
        NOOP
    }

    private static final EnginePacket[] BARE = new EnginePacket[Type.values().length];
    static {
        for (Type t : Type.values()) {
            BARE[t.ordinal()] = new EnginePacket(t, "", null);
        }
    }

    private final Type type;
    private final String text;
    private final byte[] binary;
    private volatile byte[] frameBytes;

    private EnginePacket(Type type, String text, byte[] binary) {
        this.type = type;
        this.text = text;
        this.binary = binary;
    }

    /**
     * A packet of the given type without data (ping, pong, noop, close, upgrade).
     *
     * @param type the packet type
     * @return a shared packet with empty text
     */
    public static EnginePacket of(Type type) {
        return BARE[type.ordinal()];
    }

    /**
     * A packet with text data (the probe ping "2probe", a message, the open JSON).
     *
     * @param type the packet type
     * @param text the data; null is taken as empty
     * @return the new packet
     */
    public static EnginePacket of(Type type, String text) {
        return new EnginePacket(type, text == null ? "" : text, null);
    }

    /**
     * A text message packet.
     *
     * @param text the message data, not null
     * @return a {@link Type#MESSAGE} packet
     */
    public static EnginePacket message(String text) {
        return new EnginePacket(Type.MESSAGE, text, null);
    }

    /**
     * A binary message packet. The array is kept, not copied.
     *
     * @param data the message bytes, not null
     * @return a binary {@link Type#MESSAGE} packet
     */
    public static EnginePacket message(byte[] data) {
        return new EnginePacket(Type.MESSAGE, null, data);
    }

    /**
     * The packet type.
     *
     * @return the type; {@link Type#MESSAGE} for binary packets
     */
    public Type type() {
        return type;
    }

    /**
     * The text data, or null for a binary packet.
     *
     * @return the text after the type digit (empty for packets without data), or null
     */
    public String text() {
        return text;
    }

    /**
     * The binary data, or null for a text packet.
     *
     * @return the message bytes (not a copy), or null
     */
    public byte[] binary() {
        return binary;
    }

    /**
     * Whether this is a binary message.
     *
     * @return true when the packet carries bytes rather than text
     */
    public boolean isBinary() {
        return binary != null;
    }

    /**
     * Encodes for a long-polling payload: type digit + text, or {@code b} + base64.
     *
     * @return the encoded packet, without separator
     */
    public String encodeForPolling() {
        if (binary != null) {
            return "b" + Base64.getEncoder().encodeToString(binary);
        }
        return (char) ('0' + type.ordinal()) + text;
    }

    /**
     * Bytes of a WebSocket frame: raw data for binary, UTF-8 type digit + text otherwise.
     *
     * @return the frame payload, cached after the first call; shared, so must not be modified
     */
    public byte[] frameBytes() {
        if (binary != null) {
            return binary;
        }
        byte[] b = frameBytes;
        if (b == null) {
            b = ((char) ('0' + type.ordinal()) + text).getBytes(StandardCharsets.UTF_8);
            frameBytes = b;
        }
        return b;
    }

    @Override
    public String toString() {
        return binary != null ? type + "<" + binary.length + " bytes>" : type + ":" + text;
    }
}
