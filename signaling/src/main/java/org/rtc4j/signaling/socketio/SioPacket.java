package org.rtc4j.signaling.socketio;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Socket.IO v5 packet. Binary data inside {@code data} is held as Jackson
 * {@link com.fasterxml.jackson.databind.node.BinaryNode}s; the codec turns them into
 * placeholders and attachments on the wire.
 *
 * @param type packet type
 * @param nsp  namespace, "/" by default
 * @param id   ack id or -1
 * @param data JSON payload or null
 */
public record SioPacket(Type type, String nsp, long id, JsonNode data) {
    /** Socket.IO packet types; the digit on the wire is the ordinal. */
    public enum Type { CONNECT, DISCONNECT, EVENT, ACK, CONNECT_ERROR, BINARY_EVENT, BINARY_ACK }

    public boolean hasId() {
        return id >= 0;
    }
}
