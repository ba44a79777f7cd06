package org.rtc4j.signaling.socketio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Socket.IO v5 packet encoding and strict decoding: {@code <type>[<n>-][<nsp>,][<id>][<json>]},
 * binary payloads as placeholders {@code {"_placeholder":true,"num":i}} followed by attachments.
 */
public final class SioCodec {
    /** The shared mapper: compact output, insertion order kept, trailing garbage rejected. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    /** Events a peer may not emit: they are the library's own. */
    public static final Set<String> RESERVED_EVENTS = Set.of("connect", "connect_error", "disconnect",
            "disconnecting", "newListener", "removeListener");

    private static final int MAX_ID_DIGITS = 15;

    private SioCodec() {
    }

    /**
     * An encoded packet: the text part and its binary attachments, in send order.
     *
     * @param text        the text part, sent as one Engine.IO text message
     * @param attachments the binary attachments, each sent as one Engine.IO binary message after
     *                    the text; empty for a packet without binary data
     */
    public record Encoded(String text, List<byte[]> attachments) {
    }

    /**
     * Encodes a packet, turning binary nodes into attachments (and EVENT/ACK into BINARY_*). The
     * packet's data is not modified; the namespace is omitted when it is {@code "/"}.
     *
     * @param p the packet
     * @return the text part and the attachments
     * @throws IllegalArgumentException if the data cannot be serialized to JSON
     */
    public static Encoded encode(SioPacket p) {
        List<byte[]> attachments = new ArrayList<>(0);
        JsonNode data = p.data() == null ? null : deconstruct(p.data(), attachments);
        SioPacket.Type type = p.type();
        if (!attachments.isEmpty()) {
            if (type == SioPacket.Type.EVENT) {
                type = SioPacket.Type.BINARY_EVENT;
            } else if (type == SioPacket.Type.ACK) {
                type = SioPacket.Type.BINARY_ACK;
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append((char) ('0' + type.ordinal()));
        if (type == SioPacket.Type.BINARY_EVENT || type == SioPacket.Type.BINARY_ACK) {
            sb.append(attachments.size()).append('-');
        }
        if (p.nsp() != null && !p.nsp().equals("/")) {
            sb.append(p.nsp()).append(',');
        }
        if (p.hasId()) {
            sb.append(p.id());
        }
        if (data != null) {
            try {
                sb.append(MAPPER.writeValueAsString(data));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("payload not serializable", e);
            }
        }
        return new Encoded(sb.toString(), attachments);
    }

    private static JsonNode deconstruct(JsonNode n, List<byte[]> attachments) {
        if (n instanceof BinaryNode b) {
            ObjectNode ph = JsonNodeFactory.instance.objectNode();
            ph.put("_placeholder", true);
            ph.put("num", attachments.size());
            attachments.add(b.binaryValue());
            return ph;
        }
        if (n instanceof ArrayNode a) {
            ArrayNode out = null;
            for (int i = 0; i < a.size(); i++) {
                JsonNode c = a.get(i);
                JsonNode d = deconstruct(c, attachments);
                if (d != c && out == null) {
                    out = a.deepCopy();
                }
                if (out != null) {
                    out.set(i, d);
                }
            }
            return out == null ? a : out;
        }
        if (n instanceof ObjectNode o) {
            ObjectNode out = null;
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode d = deconstruct(e.getValue(), attachments);
                if (d != e.getValue() && out == null) {
                    out = o.deepCopy();
                }
                if (out != null) {
                    out.set(e.getKey(), d);
                }
            }
            return out == null ? o : out;
        }
        return n;
    }

    /**
     * A decoded text packet and how many binary attachments must follow it.
     *
     * @param packet      the packet, with placeholders still in place of binary data
     * @param attachments how many binary messages follow before the packet is complete; 0 except
     *                    for BINARY_EVENT and BINARY_ACK
     */
    public record Decoded(SioPacket packet, int attachments) {
    }

    /**
     * Decodes the text part of a packet.
     *
     * @param s              the Engine.IO message text
     * @param maxAttachments largest attachment count accepted
     * @param fromServer     true when decoding what a server sent (a client decodes CONNECT_ERROR)
     * @return the packet and the number of attachments to wait for
     * @throws SioParseException if the text is empty or malformed (type, attachment count over 6
     *                           digits or above {@code maxAttachments}, ack id over 15 digits,
     *                           invalid JSON), or the payload does not fit the type: e.g. an
     *                           EVENT whose name is missing or reserved ({@link #RESERVED_EVENTS}),
     *                           an ACK without id, or a CONNECT_ERROR when {@code fromServer} is
     *                           false
     */
    public static Decoded decode(String s, int maxAttachments, boolean fromServer) throws SioParseException {
        if (s.isEmpty()) {
            throw new SioParseException("empty packet");
        }
        int t = s.charAt(0) - '0';
        if (t < 0 || t > 6) {
            throw new SioParseException("unknown packet type");
        }
        SioPacket.Type type = SioPacket.Type.values()[t];
        int i = 1;
        int attachments = 0;
        if (type == SioPacket.Type.BINARY_EVENT || type == SioPacket.Type.BINARY_ACK) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start || i >= s.length() || s.charAt(i) != '-' || i - start > 6) {
                throw new SioParseException("illegal attachments");
            }
            attachments = Integer.parseInt(s.substring(start, i));
            if (attachments > maxAttachments) {
                throw new SioParseException("too many attachments");
            }
            i++;
        }
        String nsp = "/";
        if (i < s.length() && s.charAt(i) == '/') {
            int comma = s.indexOf(',', i);
            int end = comma < 0 ? s.length() : comma;
            nsp = s.substring(i, end);
            i = comma < 0 ? end : end + 1;
        }
        long id = -1;
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i > start) {
            if (i - start > MAX_ID_DIGITS) {
                throw new SioParseException("illegal ack id");
            }
            id = Long.parseLong(s.substring(start, i));
        }
        JsonNode data = null;
        if (i < s.length()) {
            try {
                data = MAPPER.readTree(s.substring(i));
            } catch (JsonProcessingException e) {
                throw new SioParseException("invalid payload");
            }
        }
        SioPacket p = new SioPacket(type, nsp, id, data);
        validate(p, fromServer);
        return new Decoded(p, attachments);
    }

    private static void validate(SioPacket p, boolean fromServer) throws SioParseException {
        JsonNode d = p.data();
        boolean ok = switch (p.type()) {
            case CONNECT -> d == null || d.isObject();
            case DISCONNECT -> d == null;
            case CONNECT_ERROR -> fromServer && (d != null && (d.isObject() || d.isTextual()));
            case EVENT, BINARY_EVENT -> d != null && d.isArray() && !d.isEmpty()
                    && (d.get(0).isNumber() || (d.get(0).isTextual() && !RESERVED_EVENTS.contains(d.get(0).asText())));
            case ACK, BINARY_ACK -> d != null && d.isArray() && p.hasId();
        };
        if (!ok) {
            throw new SioParseException("invalid payload for " + p.type());
        }
        if (p.hasId() && (p.type() == SioPacket.Type.CONNECT || p.type() == SioPacket.Type.DISCONNECT
                || p.type() == SioPacket.Type.CONNECT_ERROR)) {
            throw new SioParseException("unexpected ack id");
        }
    }

    /**
     * Replaces the placeholders of a binary packet with its attachments. The packet's data tree
     * is modified in place.
     *
     * @param p           a decoded BINARY_EVENT or BINARY_ACK packet
     * @param attachments the binary messages that followed it, in order
     * @return a packet of the same type, namespace and id whose data holds binary nodes
     * @throws SioParseException if a placeholder's {@code num} is not an index into
     *                           {@code attachments}, or an attachment is not referenced
     */
    public static SioPacket reconstruct(SioPacket p, List<byte[]> attachments) throws SioParseException {
        boolean[] used = new boolean[attachments.size()];
        JsonNode data = reconstruct(p.data(), attachments, used);
        for (boolean u : used) {
            if (!u) {
                throw new SioParseException("unused attachment");
            }
        }
        return new SioPacket(p.type(), p.nsp(), p.id(), data);
    }

    private static JsonNode reconstruct(JsonNode n, List<byte[]> att, boolean[] used) throws SioParseException {
        if (n instanceof ObjectNode o) {
            JsonNode ph = o.get("_placeholder");
            if (ph != null && ph.isBoolean() && ph.booleanValue()) {
                JsonNode num = o.get("num");
                if (num == null || !num.isInt() || num.intValue() < 0 || num.intValue() >= att.size()) {
                    throw new SioParseException("illegal attachment index");
                }
                used[num.intValue()] = true;
                return BinaryNode.valueOf(att.get(num.intValue()));
            }
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(reconstruct(e.getValue(), att, used));
            }
            return o;
        }
        if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, reconstruct(a.get(i), att, used));
            }
            return a;
        }
        return n;
    }

    /**
     * Converts a Java value to a JSON node: byte[] becomes a binary attachment, JsonNode is kept.
     * A {@link java.nio.ByteBuffer}'s remaining bytes are copied into a binary node; any other
     * value is converted with {@link #MAPPER}.
     *
     * @param o the value; null gives a JSON null
     * @return the node
     * @throws IllegalArgumentException if Jackson cannot convert the value
     */
    public static JsonNode toNode(Object o) {
        if (o == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (o instanceof JsonNode n) {
            return n;
        }
        if (o instanceof byte[] b) {
            return BinaryNode.valueOf(b);
        }
        if (o instanceof java.nio.ByteBuffer bb) {
            byte[] b = new byte[bb.remaining()];
            bb.duplicate().get(b);
            return BinaryNode.valueOf(b);
        }
        return MAPPER.valueToTree(o);
    }

    /**
     * Builds a JSON array from an event name (or null) and arguments.
     *
     * @param event the event name placed first, or null for an ack's array
     * @param args  the arguments, each converted with {@link #toNode(Object)}
     * @return a new array
     */
    public static ArrayNode array(String event, Object... args) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(args.length + 1);
        if (event != null) {
            a.add(event);
        }
        for (Object o : args) {
            a.add(toNode(o));
        }
        return a;
    }
}
