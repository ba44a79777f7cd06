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
    /**
     * Socket.IO packet types; the digit on the wire is the ordinal.
     */
    public enum Type {
        /**
         * (0) Joins a namespace; from the client with optional auth object, from the server with
         * {@code {"sid": ...}}.
         */
        CONNECT,
        /** (1) Leaves a namespace. */
        DISCONNECT,
        /** (2) An event, data {@code [name, args...]}, with an ack id if one is wanted. */
        EVENT,
        /** (3) Answers an event, data {@code [args...]} and the event's ack id. */
        ACK,
        /** (4) The server refused the namespace connection. */
        CONNECT_ERROR,
        /** (5) An {@code EVENT} followed by binary attachments. */
        BINARY_EVENT,
        /** (6) An {@code ACK} followed by binary attachments. */
        BINARY_ACK
    }

    /**
     * Whether the packet carries an ack id.
     *
     * @return true when {@link #id()} is 0 or more
     */
    public boolean hasId() {
        return id >= 0;
    }
}
