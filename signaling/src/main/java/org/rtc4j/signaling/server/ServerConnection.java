package org.rtc4j.signaling.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.rtc4j.signaling.engineio.EnginePacket;
import org.rtc4j.signaling.engineio.EngineSocket;
import org.rtc4j.signaling.socketio.SioCodec;
import org.rtc4j.signaling.socketio.SioPacket;
import org.rtc4j.signaling.socketio.SioParseException;

/**
 * One Engine.IO connection seen by Socket.IO (socket.io's server {@code Client}): decodes
 * packets, reassembles binary ones, and routes them to the socket of their namespace. Anything
 * invalid closes the connection.
 */
final class ServerConnection {
    private final SocketIoServer server;
    private final EngineSocket engine;
    private final Map<String, SocketIoSocket> sockets = new ConcurrentHashMap<>(2);
    private SioPacket pendingBinary;
    private List<byte[]> attachments;
    private int expected;
    private volatile ScheduledFuture<?> connectTimer;

    ServerConnection(SocketIoServer server, EngineSocket engine) {
        this.server = server;
        this.engine = engine;
    }

    EngineSocket engine() {
        return engine;
    }

    void armConnectTimeout() {
        connectTimer = server.scheduler().schedule(() -> {
            if (sockets.isEmpty()) {
                engine.close("connect timeout");
            }
        }, server.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    void onText(String text) {
        SioPacket ready;
        synchronized (this) {
            if (pendingBinary != null) {
                engine.close("parse error");
                return;
            }
            SioCodec.Decoded d;
            try {
                d = SioCodec.decode(text, server.maxAttachments(), false);
            } catch (SioParseException e) {
                engine.close("parse error");
                return;
            }
            if (d.attachments() > 0) {
                pendingBinary = d.packet();
                expected = d.attachments();
                attachments = new ArrayList<>(expected);
                return;
            }
            ready = d.packet();
        }
        dispatch(ready);
    }

    void onBinary(byte[] data) {
        SioPacket ready;
        synchronized (this) {
            if (pendingBinary == null) {
                engine.close("parse error");
                return;
            }
            attachments.add(data);
            if (attachments.size() < expected) {
                return;
            }
            try {
                ready = SioCodec.reconstruct(pendingBinary, attachments);
            } catch (SioParseException e) {
                engine.close("parse error");
                return;
            } finally {
                pendingBinary = null;
                attachments = null;
            }
        }
        dispatch(ready);
    }

    private void dispatch(SioPacket p) {
        SioPacket.Type t = p.type();
        SioCodec.Decoded ignored = null;
        SocketIoSocket s = sockets.get(p.nsp());
        if (s == null && t == SioPacket.Type.CONNECT) {
            Namespace n = server.namespace(p.nsp());
            if (n == null) {
                connectError(p.nsp(), "Invalid namespace", null);
                return;
            }
            JsonNode auth = p.data() == null ? SioCodec.MAPPER.createObjectNode() : p.data();
            n.connect(this, auth);
            return;
        }
        if (s == null || t == SioPacket.Type.CONNECT || t == SioPacket.Type.CONNECT_ERROR) {
            engine.close("parse error");
            return;
        }
        switch (t) {
            case EVENT, BINARY_EVENT -> s.onEvent(p);
            case ACK, BINARY_ACK -> s.onAck(p);
            case DISCONNECT -> s.onClose("client namespace disconnect");
            default -> engine.close("parse error");
        }
    }

    void connected(SocketIoSocket s) {
        if (!engine.isOpen()) {
            return;
        }
        ScheduledFuture<?> t = connectTimer;
        if (t != null) {
            t.cancel(false);
            connectTimer = null;
        }
        sockets.put(s.namespace().name(), s);
        s.namespace().added(s);
        send(new SioPacket(SioPacket.Type.CONNECT, s.namespace().name(), -1, SocketIoSocket.sidPayload(s.id())));
        s.namespace().fireConnection(s);
    }

    void connectError(String nsp, String message, Object data) {
        ObjectNode o = SioCodec.MAPPER.createObjectNode();
        o.put("message", message);
        if (data != null) {
            o.set("data", SioCodec.toNode(data));
        }
        send(new SioPacket(SioPacket.Type.CONNECT_ERROR, nsp, -1, o));
    }

    void send(SioPacket p) {
        engine.send(toEngine(SioCodec.encode(p)));
    }

    static List<EnginePacket> toEngine(SioCodec.Encoded e) {
        if (e.attachments().isEmpty()) {
            return List.of(EnginePacket.message(e.text()));
        }
        List<EnginePacket> l = new ArrayList<>(1 + e.attachments().size());
        l.add(EnginePacket.message(e.text()));
        for (byte[] b : e.attachments()) {
            l.add(EnginePacket.message(b));
        }
        return l;
    }

    void removed(SocketIoSocket s) {
        sockets.remove(s.namespace().name(), s);
    }

    void onEngineClose(String reason) {
        ScheduledFuture<?> t = connectTimer;
        if (t != null) {
            t.cancel(false);
        }
        for (SocketIoSocket s : List.copyOf(sockets.values())) {
            s.onClose(reason);
        }
    }
}
