package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Sends {@code total} bytes in 64 KiB messages, paced by {@code bufferedAmount}, from a channel of
 * one connection to the channel the other connection receives, and checks that every message
 * arrived once, in order, and that the SHA-256 of both streams match.
 */
final class BulkTransfer {

    static final int CHUNK = 64 * 1024;

    private final MessageDigest received;
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private final long total;
    private long count;
    private int expectedSeq;
    private boolean outOfOrder;

    /** Attaches to the next channel {@code receiver} is offered (call before negotiating). */
    BulkTransfer(RTCPeerConnection receiver, long total) throws Exception {
        this.total = total;
        this.received = MessageDigest.getInstance("SHA-256");
        receiver.onDataChannel(ch -> ch.onMessage(this::onMessage));
    }

    private void onMessage(RTCDataChannelMessage m) {
        byte[] d = m.data();
        int seq = ((d[0] & 0xff) << 8) | (d[1] & 0xff);
        if (seq != (expectedSeq & 0xffff)) {
            outOfOrder = true;
        }
        expectedSeq++;
        received.update(d);
        count += d.length;
        if (count >= total) {
            done.complete(count);
        }
    }

    /**
     * Sends everything on {@code sender}, calling {@code atChunk} before each message (e.g. to
     * restart ICE half way), then waits for the last byte; returns the throughput in Mbit/s.
     */
    double send(RTCDataChannel sender, IntConsumer atChunk, int timeoutSeconds) throws Exception {
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        byte[] chunk = new byte[CHUNK];
        int chunks = (int) (total / CHUNK);
        long t0 = System.nanoTime();
        for (int i = 0; i < chunks; i++) {
            atChunk.accept(i);
            chunk[0] = (byte) (i >> 8);
            chunk[1] = (byte) i;
            chunk[CHUNK - 1] = (byte) (i * 31);
            while (sender.bufferedAmount() > (2 << 20)) {
                Thread.sleep(1);
            }
            sender.send(chunk);
            sent.update(chunk);
        }
        assertThat(done.get(timeoutSeconds, TimeUnit.SECONDS)).isEqualTo(total);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(received.digest()).isEqualTo(sent.digest());
        assertThat(outOfOrder).as("messages arrived out of order").isFalse();
        return total * 8 / seconds / 1e6;
    }

    /** Opens a reliable channel on {@code pc} and completes when it is open. */
    static CompletableFuture<RTCDataChannel> open(RTCPeerConnection pc, String label) {
        RTCDataChannel ch = pc.createDataChannel(label);
        CompletableFuture<RTCDataChannel> opened = new CompletableFuture<>();
        ch.onOpen(() -> opened.complete(ch));
        return opened;
    }
}
