package org.rtc4j.signaling.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the same packets to many sessions. Server-to-client WebSocket frames are unmasked, so
 * each frame is encoded once and its bytes shared by every WebSocket session; the writes are
 * grouped into one task per event loop with one flush per channel. Polling sessions get the
 * packets queued as usual.
 */
public final class EngineBroadcast {
    // One per event-loop thread; dies with the thread, so stopped servers leave nothing behind.
    private static final FastThreadLocal<Flusher> FLUSHER = new FastThreadLocal<>();

    private EngineBroadcast() {
    }

    /**
     * Flushes the channels a loop wrote to, once, after the tasks already queued on that loop:
     * back-to-back broadcasts then leave in one write per socket instead of one per message.
     */
    private static final class Flusher implements Runnable {
        private final EventLoop loop;
        private final java.util.Set<Channel> dirty = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        private boolean scheduled;

        Flusher(EventLoop loop) {
            this.loop = loop;
        }

        void add(Channel ch) {
            dirty.add(ch);
            if (!scheduled) {
                scheduled = true;
                loop.execute(this);
            }
        }

        @Override
        public void run() {
            scheduled = false;
            for (Channel ch : dirty) {
                ch.flush();
            }
            dirty.clear();
        }
    }

    /**
     * Sends {@code packets} to every session, each once, in order. Sessions on a WebSocket get
     * the frames written on their channel's event loop; the others get them queued for their
     * next poll. Returns at once; nothing is sent when {@code targets} is empty.
     *
     * @param targets the sessions to send to; each must be one created by an {@link EngineServer}
     *                (other {@link EngineSocket} implementations cause a
     *                {@link ClassCastException})
     * @param packets the packets to send, in order; not empty
     */
    public static void send(Collection<? extends EngineSocket> targets, List<EnginePacket> packets) {
        if (targets.isEmpty()) {
            return;
        }
        Map<EventLoop, List<EngineSession>> byLoop = new IdentityHashMap<>();
        for (EngineSocket t : targets) {
            EngineSession s = (EngineSession) t;
            Channel ch = s.webSocketChannel();
            if (ch == null) {
                s.send(packets);
            } else {
                byLoop.computeIfAbsent(ch.eventLoop(), k -> new ArrayList<>()).add(s);
            }
        }
        if (byLoop.isEmpty()) {
            return;
        }
        ByteBuf frames = encodeFrames(packets);
        for (Map.Entry<EventLoop, List<EngineSession>> e : byLoop.entrySet()) {
            ByteBuf mine = frames.retainedDuplicate();
            List<EngineSession> sessions = e.getValue();
            EventLoop loop = e.getKey();
            loop.execute(() -> {
                Flusher flusher = FLUSHER.get();
                if (flusher == null) {
                    flusher = new Flusher(loop);
                    FLUSHER.set(flusher);
                }
                try {
                    for (EngineSession s : sessions) {
                        Channel ch = s.writeShared(mine);
                        if (ch != null) {
                            flusher.add(ch);
                        } else {
                            s.send(packets);
                        }
                    }
                } finally {
                    mine.release();
                }
            });
        }
        frames.release();
    }

    /** The WebSocket frames (FIN set, no mask) of the packets, back to back. */
    static ByteBuf encodeFrames(List<EnginePacket> packets) {
        int size = 0;
        for (EnginePacket p : packets) {
            int n = p.frameBytes().length;
            size += n + (n < 126 ? 2 : n <= 0xFFFF ? 4 : 10);
        }
        ByteBuf b = Unpooled.directBuffer(size);
        for (EnginePacket p : packets) {
            byte[] data = p.frameBytes();
            b.writeByte(p.isBinary() ? 0x82 : 0x81);
            int n = data.length;
            if (n < 126) {
                b.writeByte(n);
            } else if (n <= 0xFFFF) {
                b.writeByte(126);
                b.writeShort(n);
            } else {
                b.writeByte(127);
                b.writeLong(n);
            }
            b.writeBytes(data);
        }
        return b;
    }
}
