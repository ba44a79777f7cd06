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
    /** Engine.IO packet types, in protocol order: the digit on the wire is the ordinal. */
    public enum Type { OPEN, CLOSE, PING, PONG, MESSAGE, UPGRADE, NOOP }

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

    /** A packet of the given type without data (ping, pong, noop, close, upgrade). */
    public static EnginePacket of(Type type) {
        return BARE[type.ordinal()];
    }

    /** A packet with text data (the probe ping "2probe", a message, the open JSON). */
    public static EnginePacket of(Type type, String text) {
        return new EnginePacket(type, text == null ? "" : text, null);
    }

    /** A text message packet. */
    public static EnginePacket message(String text) {
        return new EnginePacket(Type.MESSAGE, text, null);
    }

    /** A binary message packet. */
    public static EnginePacket message(byte[] data) {
        return new EnginePacket(Type.MESSAGE, null, data);
    }

    public Type type() {
        return type;
    }

    /** The text data, or null for a binary packet. */
    public String text() {
        return text;
    }

    /** The binary data, or null for a text packet. */
    public byte[] binary() {
        return binary;
    }

    public boolean isBinary() {
        return binary != null;
    }

    /** Encodes for a long-polling payload: type digit + text, or {@code b} + base64. */
    public String encodeForPolling() {
        if (binary != null) {
            return "b" + Base64.getEncoder().encodeToString(binary);
        }
        return (char) ('0' + type.ordinal()) + text;
    }

    /** Bytes of a WebSocket frame: raw data for binary, UTF-8 type digit + text otherwise. */
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
