package org.rtc4j.signaling.socketio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;

/** The arguments of an event or an ack, as JSON nodes (binary arguments are byte arrays). */
public final class Args implements Iterable<JsonNode> {
    private static final Args EMPTY = new Args(JsonNodeFactory.instance.arrayNode());
    private final ArrayNode nodes;

    private Args(ArrayNode nodes) {
        this.nodes = nodes;
    }

    /**
     * Wraps a JSON array, without copying it.
     *
     * @param nodes the arguments, in order
     * @return arguments backed by {@code nodes}
     */
    public static Args of(ArrayNode nodes) {
        return new Args(nodes);
    }

    /**
     * The arguments of an event array, skipping its first element (the event name).
     *
     * @param eventArray the data of an EVENT packet: the event name then its arguments
     * @return the arguments after the name; empty when the array holds only the name (or nothing)
     */
    public static Args afterEventName(ArrayNode eventArray) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(Math.max(0, eventArray.size() - 1));
        for (int i = 1; i < eventArray.size(); i++) {
            a.add(eventArray.get(i));
        }
        return new Args(a);
    }

    /**
     * No arguments.
     *
     * @return a shared empty instance; its {@link #array()} must not be modified
     */
    public static Args empty() {
        return EMPTY;
    }

    /**
     * The number of arguments.
     *
     * @return the argument count, 0 or more
     */
    public int size() {
        return nodes.size();
    }

    /**
     * The i-th argument, or a missing node when absent.
     *
     * @param i the zero-based argument index
     * @return the argument (a JSON null node for an explicit null), or a
     *         {@link JsonNode#isMissingNode() missing} node when {@code i} is out of range
     */
    public JsonNode get(int i) {
        return nodes.path(i);
    }

    /**
     * The i-th argument as text (null when absent or not textual).
     *
     * @param i the zero-based argument index
     * @return the string value, or null when there is no such argument or it is not a JSON string
     */
    public String text(int i) {
        JsonNode n = nodes.get(i);
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    /**
     * The i-th argument as bytes (null when absent or not binary).
     *
     * @param i the zero-based argument index
     * @return the bytes of a binary attachment, or null when there is no such argument or it is
     *         not binary
     */
    public byte[] bytes(int i) {
        JsonNode n = nodes.get(i);
        if (n == null || !n.isBinary()) {
            return null;
        }
        try {
            return n.binaryValue();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /**
     * The i-th argument converted to a Java type with Jackson ({@link SioCodec#MAPPER}).
     *
     * @param <T>  the target type
     * @param i    the zero-based argument index
     * @param type the class to convert to
     * @return the converted value; null when the argument is JSON null
     * @throws IllegalArgumentException if the argument cannot be converted to {@code type}
     */
    public <T> T as(int i, Class<T> type) {
        try {
            return SioCodec.MAPPER.treeToValue(nodes.path(i), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("argument " + i + " is not a " + type.getSimpleName(), e);
        }
    }

    /**
     * The arguments as a JSON array.
     *
     * @return the backing array (not a copy)
     */
    public ArrayNode array() {
        return nodes;
    }

    @Override
    public Iterator<JsonNode> iterator() {
        return nodes.iterator();
    }

    @Override
    public String toString() {
        return nodes.toString();
    }
}
