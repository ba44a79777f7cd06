package org.rtc4j.signaling.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.rtc4j.signaling.server.Namespace;
import org.rtc4j.signaling.server.SocketIoServer;
import org.rtc4j.signaling.server.SocketIoSocket;
import org.rtc4j.signaling.socketio.Ack;
import org.rtc4j.signaling.socketio.Args;
import org.rtc4j.signaling.socketio.EventHandler;
import org.rtc4j.signaling.socketio.SioCodec;

/**
 * The WebRTC signaling contract on namespace "/": {@code join}, {@code leave}, {@code signal}
 * from clients; {@code peer-joined}, {@code peer-left}, {@code signal} from the server. Relays
 * only between sockets that share a room; optional HS256 token auth; size and rate limits
 * answer with {@code {error}} acks instead of failing.
 */
public final class SignalingService {
    private static final String ROOMS_KEY = "rtc4j.rooms";
    private static final String LIMITER_KEY = "rtc4j.limiter";

    private final SignalingOptions options;
    private final SignalingTokens tokens;

    private SignalingService(SignalingOptions options) {
        this.options = options;
        this.tokens = options.secret() == null ? null : new SignalingTokens(options.secret());
    }

    /**
     * Installs the service on the server's main namespace: a middleware that checks the
     * {@code token} of the CONNECT auth payload (when a secret is set) and the event handlers of
     * each connecting socket. Install it once per server.
     *
     * @param server  the server; its main namespace {@code "/"} is used
     * @param options limits and auth; a non-null secret must be at least 32 bytes
     * @return the installed service
     * @throws IllegalArgumentException if the secret is shorter than 32 bytes
     */
    public static SignalingService install(SocketIoServer server, SignalingOptions options) {
        SignalingService s = new SignalingService(options);
        Namespace nsp = server.of("/");
        nsp.use((socket, next) -> {
            if (s.tokens != null) {
                JsonNode t = socket.handshake().auth().get("token");
                try {
                    Set<String> rooms = s.tokens.verify(t != null && t.isTextual() ? t.asText() : null);
                    socket.data().put(ROOMS_KEY, rooms);
                } catch (SignalingTokens.InvalidTokenException e) {
                    next.fail(e.getMessage());
                    return;
                }
            }
            next.proceed();
        });
        nsp.on("connection", s::onConnection);
        return s;
    }

    private void onConnection(SocketIoSocket socket) {
        socket.data().put(LIMITER_KEY, new RateLimiter(options.ratePerSecond(), options.burst(), System.nanoTime()));
        socket.on("join", limited(socket, (args, ack) -> join(socket, args, ack)));
        socket.on("leave", limited(socket, (args, ack) -> leave(socket, args, ack)));
        socket.on("signal", limited(socket, (args, ack) -> signal(socket, args, ack)));
        socket.on("disconnecting", (args, ack) -> {
            for (String room : socket.rooms()) {
                if (!room.equals(socket.id())) {
                    socket.to(room).emit("peer-left", idPayload(socket.id()));
                }
            }
        });
    }

    private EventHandler limited(SocketIoSocket socket, EventHandler h) {
        return (args, ack) -> {
            RateLimiter l = (RateLimiter) socket.data().get(LIMITER_KEY);
            if (l != null && !l.tryAcquire(System.nanoTime())) {
                error(ack, "rate limit exceeded");
                return;
            }
            h.handle(args, ack);
        };
    }

    private void join(SocketIoSocket socket, Args args, Ack ack) {
        String room = roomOf(args);
        if (room == null) {
            error(ack, "join needs {room}: a non-empty string of at most " + options.maxRoomName() + " characters");
            return;
        }
        if (socket.namespace().socket(room) != null) {
            error(ack, "room '" + room + "' is reserved");
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> allowed = (Set<String>) socket.data().get(ROOMS_KEY);
        if (allowed != null && !allowed.contains(room)) {
            error(ack, "room '" + room + "' is not allowed by your token");
            return;
        }
        ArrayNode peers = SioCodec.MAPPER.createArrayNode();
        for (SocketIoSocket s : socket.namespace().to(room).sockets()) {
            if (s != socket) {
                peers.add(s.id());
            }
        }
        if (!socket.rooms().contains(room)) {
            socket.join(room);
            socket.to(room).emit("peer-joined", idPayload(socket.id()));
        }
        ObjectNode reply = SioCodec.MAPPER.createObjectNode();
        reply.put("id", socket.id());
        reply.set("peers", peers);
        ack.send(reply);
    }

    private void leave(SocketIoSocket socket, Args args, Ack ack) {
        String room = roomOf(args);
        if (room == null || room.equals(socket.id())) {
            error(ack, "leave needs {room}");
            return;
        }
        if (socket.rooms().contains(room)) {
            socket.leave(room);
            socket.namespace().to(room).emit("peer-left", idPayload(socket.id()));
        }
        ack.send(SioCodec.MAPPER.createObjectNode());
    }

    private void signal(SocketIoSocket socket, Args args, Ack ack) {
        JsonNode msg = args.get(0);
        JsonNode to = msg.get("to");
        JsonNode data = msg.get("data");
        if (!msg.isObject() || to == null || !to.isTextual() || data == null || !data.isObject()) {
            error(ack, "signal needs {to, data}");
            return;
        }
        long size = textSize(data);
        if (size > options.maxMessageBytes()) {
            error(ack, "signal data too large: " + size + " bytes, limit " + options.maxMessageBytes());
            return;
        }
        SocketIoSocket target = socket.namespace().socket(to.asText());
        if (target == null || target == socket || !shareRoom(socket, target)) {
            error(ack, "peer " + to.asText() + " is not in a room with you");
            return;
        }
        ObjectNode out = SioCodec.MAPPER.createObjectNode();
        out.put("from", socket.id());
        out.set("data", data);
        target.emit("signal", out);
        ack.send(SioCodec.MAPPER.createObjectNode());
    }

    // Size as the text it carries (an SDP of N bytes counts N, not its JSON-escaped length).
    private static long textSize(JsonNode n) {
        if (n.isTextual()) {
            return n.textValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        long total = 8;
        if (n.isContainerNode()) {
            var it = n.fields();
            while (it.hasNext()) {
                var e = it.next();
                total += e.getKey().length() + textSize(e.getValue());
            }
            for (int i = 0; n.isArray() && i < n.size(); i++) {
                total += textSize(n.get(i));
            }
        }
        return total;
    }

    private static boolean shareRoom(SocketIoSocket a, SocketIoSocket b) {
        Set<String> theirs = b.rooms();
        for (String r : a.rooms()) {
            if (!r.equals(a.id()) && !r.equals(b.id()) && theirs.contains(r)) {
                return true;
            }
        }
        return false;
    }

    private String roomOf(Args args) {
        JsonNode r = args.get(0).get("room");
        if (r == null || !r.isTextual() || r.asText().isEmpty() || r.asText().length() > options.maxRoomName()) {
            return null;
        }
        return r.asText();
    }

    private static ObjectNode idPayload(String id) {
        return SioCodec.MAPPER.createObjectNode().put("id", id);
    }

    private static void error(Ack ack, String message) {
        ack.send(SioCodec.MAPPER.createObjectNode().put("error", message));
    }
}
