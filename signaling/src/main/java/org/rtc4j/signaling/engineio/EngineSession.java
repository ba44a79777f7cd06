package org.rtc4j.signaling.engineio;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One Engine.IO session. State is guarded by the session's monitor; writes to Netty channels are
 * non-blocking, so they happen under it (that keeps packet order across transports during an
 * upgrade). Listener callbacks never run under the monitor.
 */
final class EngineSession implements EngineSocket {
    private final EngineServer server;
    private final String sid;
    private final EngineRequest request;
    private final EventLoop timers;

    private boolean websocket;
    private Channel ws;
    private Channel probe;
    private ArrayDeque<EnginePacket> buffer;
    private PendingPoll poll;
    private boolean closed;
    private ScheduledFuture<?> pingTimer;
    private ScheduledFuture<?> pongTimer;
    private ScheduledFuture<?> upgradeTimer;
    /** After the probe ping: releases a waiting poll every 100 ms so the client can pause polling. */
    private ScheduledFuture<?> releaseTimer;
    private volatile Object attachment;
    // The WebSocket while it carries the session: read without the monitor by broadcasts.
    private volatile Channel liveWs;

    /** A held long-poll GET. */
    record PendingPoll(ChannelHandlerContext ctx, boolean keepAlive, String origin) {
    }

    EngineSession(EngineServer server, String sid, EngineRequest request, EventLoop timers, Channel ws) {
        this.server = server;
        this.sid = sid;
        this.request = request;
        this.timers = timers;
        this.ws = ws;
        this.websocket = ws != null;
        this.liveWs = ws;
    }

    @Override
    public String id() {
        return sid;
    }

    @Override
    public EngineRequest request() {
        return request;
    }

    @Override
    public synchronized String transport() {
        return websocket ? "websocket" : "polling";
    }

    /** The upper layer's per-session object. */
    Object attachment() {
        return attachment;
    }

    void attach(Object o) {
        attachment = o;
    }

    @Override
    public synchronized boolean isOpen() {
        return !closed;
    }

    synchronized boolean isWebSocket() {
        return websocket;
    }

    synchronized boolean isUpgrading() {
        return probe != null;
    }

    @Override
    public void send(List<EnginePacket> packets) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (websocket) {
                writeFrames(ws, packets);
                return;
            }
            if (buffer == null) {
                buffer = new ArrayDeque<>();
            }
            buffer.addAll(packets);
            if (poll != null) {
                flushPoll();
            }
        }
    }

    /** The WebSocket carrying this session, or null while on polling or closed. */
    Channel webSocketChannel() {
        return liveWs;
    }

    /**
     * Writes (without flushing) pre-encoded frames shared with other sessions; called on the
     * channel's event loop. Returns the channel to flush, or null when the session is not on a
     * WebSocket of this loop (the caller then uses {@link #send}).
     */
    Channel writeShared(io.netty.buffer.ByteBuf frames) {
        Channel ch = liveWs;
        if (ch == null || !ch.eventLoop().inEventLoop()) {
            return null;
        }
        ch.write(frames.retainedDuplicate(), ch.voidPromise());
        return ch;
    }

    private static void writeFrames(Channel ch, List<EnginePacket> packets) {
        if (!ch.eventLoop().inEventLoop()) {
            // One task instead of one per write and flush.
            ch.eventLoop().execute(() -> writeFrames(ch, packets));
            return;
        }
        for (EnginePacket p : packets) {
            if (p.isBinary()) {
                ch.write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(p.binary())));
            } else {
                ch.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(p.frameBytes())));
            }
        }
        ch.flush();
    }

    // Caller holds the monitor and a poll is pending.
    private void flushPoll() {
        PendingPoll p = poll;
        poll = null;
        List<EnginePacket> out = new ArrayList<>(buffer);
        buffer.clear();
        server.pollDone(p.ctx.channel());
        EngineHttpHandler.respondText(p.ctx, p.keepAlive, p.origin, server.options(), EngineCodec.encodePayload(out));
    }

    private void releasePollForUpgrade() {
        synchronized (this) {
            if (!closed && probe != null && poll != null) {
                answerPoll(EnginePacket.of(EnginePacket.Type.NOOP));
            }
        }
    }

    // Caller holds the monitor and a poll is pending.
    private void refusePoll() {
        PendingPoll p = poll;
        poll = null;
        server.pollDone(p.ctx.channel());
        EngineHttpHandler.error(p.ctx, p.keepAlive, p.origin, server.options(), EngineError.BAD_REQUEST);
    }

    private void answerPoll(EnginePacket packet) {
        PendingPoll p = poll;
        poll = null;
        server.pollDone(p.ctx.channel());
        EngineHttpHandler.respondText(p.ctx, p.keepAlive, p.origin, server.options(), packet.encodeForPolling());
    }

    /** A long-poll GET arrived. Returns false when it overlapped another (the session is closed). */
    boolean onPoll(ChannelHandlerContext ctx, boolean keepAlive, String origin) {
        synchronized (this) {
            if (!closed && poll == null) {
                poll = new PendingPoll(ctx, keepAlive, origin);
                server.pollPending(ctx.channel(), this);
                if (buffer != null && !buffer.isEmpty()) {
                    flushPoll();
                }
                // During an upgrade the poll waits like any other; after the probe ping the
                // release timer answers it with a noop within 100 ms.
                return true;
            }
        }
        close("transport error");
        return false;
    }

    /** The connection holding our pending poll went away. */
    void onPollConnectionClosed(Channel ch) {
        synchronized (this) {
            if (poll == null || poll.ctx.channel() != ch) {
                return;
            }
            poll = null;
        }
        close("transport error");
    }

    /** Packets from the current transport (POST body or WebSocket frame). */
    void onPackets(List<EnginePacket> packets) {
        for (EnginePacket p : packets) {
            if (!isOpen()) {
                return;
            }
            switch (p.type()) {
                case PONG -> onPong();
                case MESSAGE -> {
                    if (p.isBinary()) {
                        server.listener().onMessage(this, p.binary());
                    } else {
                        server.listener().onMessage(this, p.text());
                    }
                }
                case CLOSE -> {
                    // As the reference polling transport does: the client asked to close, so
                    // the poll it left waiting is released with a noop, not told "close".
                    synchronized (this) {
                        if (poll != null) {
                            answerPoll(EnginePacket.of(EnginePacket.Type.NOOP));
                        }
                    }
                    close("transport close");
                }
                case NOOP, PING -> {
                    // v4 clients do not ping outside a probe; a stray one is harmless.
                }
                default -> close("parse error");
            }
        }
    }

    /** A WebSocket connection asks to take over this polling session. */
    synchronized boolean startProbe(Channel ch) {
        if (closed || websocket || probe != null) {
            return false;
        }
        probe = ch;
        upgradeTimer = timers.schedule(() -> abortProbe(ch), server.options().upgradeTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        return true;
    }

    /** A frame arrived on the probing WebSocket. */
    void onProbePacket(Channel ch, EnginePacket p) {
        synchronized (this) {
            if (probe != ch || closed) {
                ch.close();
                return;
            }
            if (p.type() == EnginePacket.Type.PING && "probe".equals(p.text())) {
                writeFrames(ch, List.of(EnginePacket.of(EnginePacket.Type.PONG, "probe")));
                // As the reference server: a waiting poll is released with a noop on a 100 ms
                // beat rather than at once, so a poll the client sent after its upgrade packet
                // (on another connection, read first) is still waiting when that packet lands.
                cancel(releaseTimer);
                releaseTimer = timers.scheduleAtFixedRate(this::releasePollForUpgrade, 100, 100,
                        TimeUnit.MILLISECONDS);
                return;
            }
            if (p.type() == EnginePacket.Type.UPGRADE) {
                if (upgradeTimer != null) {
                    upgradeTimer.cancel(false);
                    upgradeTimer = null;
                }
                probe = null;
                cancel(releaseTimer);
                releaseTimer = null;
                ws = ch;
                websocket = true;
                liveWs = ch;
                if (poll != null) {
                    // The client paused polling before it upgraded, so a poll still waiting was
                    // sent after that: it is answered as any poll after the upgrade is.
                    refusePoll();
                }
                if (buffer != null && !buffer.isEmpty()) {
                    writeFrames(ch, new ArrayList<>(buffer));
                }
                buffer = null;
                return;
            }
            if (p.type() == EnginePacket.Type.NOOP) {
                return;
            }
        }
        abortProbe(ch);
    }

    /** Probe failed or its connection closed: the session stays on polling. */
    void abortProbe(Channel ch) {
        synchronized (this) {
            if (probe != ch) {
                return;
            }
            probe = null;
            cancel(releaseTimer);
            releaseTimer = null;
            if (upgradeTimer != null) {
                upgradeTimer.cancel(false);
                upgradeTimer = null;
            }
        }
        ch.close();
    }

    /** The WebSocket carrying this session closed. */
    void onWebSocketClosed(Channel ch) {
        synchronized (this) {
            if (ws != ch) {
                return;
            }
        }
        close("transport close");
    }

    void startHeartbeat() {
        schedulePing();
    }

    private synchronized void schedulePing() {
        if (closed) {
            return;
        }
        pingTimer = timers.schedule(this::ping, server.options().pingInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void ping() {
        synchronized (this) {
            if (closed) {
                return;
            }
            pongTimer = timers.schedule(() -> close("ping timeout"), server.options().pingTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        send(EnginePacket.of(EnginePacket.Type.PING));
    }

    private void onPong() {
        synchronized (this) {
            if (pongTimer == null) {
                return;
            }
            pongTimer.cancel(false);
            pongTimer = null;
        }
        schedulePing();
    }

    @Override
    public void close(String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            liveWs = null;
            cancel(pingTimer);
            cancel(pongTimer);
            cancel(upgradeTimer);
            cancel(releaseTimer);
            if (poll != null) {
                answerPoll(EnginePacket.of(EnginePacket.Type.CLOSE));
            }
            if (ws != null && ws.isActive()) {
                ws.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
            }
            if (probe != null) {
                probe.close();
            }
            buffer = null;
        }
        server.removed(this);
        EngineServer.LOG.debug("session {} closed: {}", sid, reason);
        try {
            server.listener().onClose(this, reason);
        } catch (RuntimeException e) {
            EngineServer.LOG.warn("close listener failed for {}", sid, e);
        }
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }
}
