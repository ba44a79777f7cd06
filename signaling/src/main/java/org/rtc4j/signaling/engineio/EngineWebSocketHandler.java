package org.rtc4j.signaling.engineio;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.buffer.ByteBufUtil;
import java.util.List;

/** Frames of one Engine.IO WebSocket: a probing one during an upgrade, or the session's transport. */
final class EngineWebSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private final EngineSession session;
    private boolean probing;

    EngineWebSocketHandler(EngineSession session, boolean probing) {
        this.session = session;
        this.probing = probing;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        EnginePacket p;
        if (frame instanceof TextWebSocketFrame t) {
            try {
                p = EngineCodec.decodeText(t.text());
            } catch (EngineParseException e) {
                if (probing) {
                    session.abortProbe(ctx.channel());
                } else {
                    session.close("parse error");
                }
                return;
            }
        } else if (frame instanceof BinaryWebSocketFrame b) {
            p = EnginePacket.message(ByteBufUtil.getBytes(b.content()));
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            return;
        } else if (frame instanceof CloseWebSocketFrame) {
            ctx.close();
            return;
        } else {
            return;
        }
        if (probing) {
            session.onProbePacket(ctx.channel(), p);
            if (p.type() == EnginePacket.Type.UPGRADE && session.isWebSocket()) {
                probing = false;
            }
            return;
        }
        session.onPackets(List.of(p));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (probing) {
            session.abortProbe(ctx.channel());
        } else {
            session.onWebSocketClosed(ctx.channel());
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        EngineServer.LOG.debug("WebSocket error on {}", session.id(), cause);
        ctx.close();
    }
}
