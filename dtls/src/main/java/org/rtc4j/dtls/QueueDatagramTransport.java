package org.rtc4j.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.bouncycastle.tls.DatagramTransport;

/**
 * The {@link DatagramTransport} BouncyCastle reads and writes: datagrams the owner hands in are
 * queued, datagrams BouncyCastle sends go to a sink. During the handshake the handshake thread
 * blocks in {@link #receive} with BouncyCastle's own retransmission wait; afterwards the transport
 * is switched to non-blocking and the owner thread drains it, getting {@link WouldBlock} when empty.
 *
 * <p>BouncyCastle writes every record as its own datagram. Outgoing records are packed instead
 * into as few datagrams of at most the MTU as possible (RFC 6347 4.1.1 allows several records per
 * datagram), flushed when BouncyCastle starts waiting for the peer: a handshake flight then takes
 * one to three datagrams rather than five or more, which matters a lot under loss because a flight only
 * counts once all of it has arrived.
 */
final class QueueDatagramTransport implements DatagramTransport {
    /** Enough for a few flights plus a burst of data; beyond it datagrams are dropped like a full socket buffer. */
    static final int INBOUND_CAPACITY = 512;

    /** Signals "queue empty" on the non-blocking path; stackless and shared because it carries no data. */
    static final class WouldBlock extends InterruptedIOException {
        private static final long serialVersionUID = 1L;
        static final WouldBlock INSTANCE = new WouldBlock();

        private WouldBlock() {
            super("no datagram queued");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private static final byte[] CLOSED = new byte[0];
    private static final byte HANDSHAKE = 22;
    private static final byte APPLICATION_DATA = 23;

    private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(INBOUND_CAPACITY);
    private final Consumer<byte[]> sink;
    private final int sendLimit;
    private final int receiveLimit;
    private volatile boolean closed;
    private volatile boolean nonBlocking;
    /** Records waiting to be sent as one datagram; guarded by this (the owner may close mid-handshake). */
    private final byte[] pending;
    private int pendingLength;
    /** Highest sequence number BouncyCastle wrote in epoch 1, -1 before any; guarded by this. */
    private long lastSequence = -1;
    /** Set once our own writer owns epoch 1's numbers; guarded by this. */
    private GcmRecordWriter resequencer;

    QueueDatagramTransport(int mtu, Consumer<byte[]> sink) {
        this.sink = sink;
        this.sendLimit = mtu;
        // Peers may use a bigger MTU than ours; accept up to an Ethernet frame's payload.
        this.receiveLimit = Math.max(mtu, 1500);
        this.pending = new byte[mtu];
    }

    /** Queues a record (or datagram) from the network; false if it was dropped (closed or full). */
    boolean offer(byte[] datagram) {
        return !closed && inbound.offer(datagram);
    }

    /** True if a record waits to be read (owner thread, non-blocking mode). */
    boolean hasQueued() {
        byte[] d = inbound.peek();
        return d != null && d != CLOSED;
    }

    /** The record {@link #receive} would hand out next, or null (owner thread, non-blocking mode). */
    byte[] peek() {
        byte[] d = inbound.peek();
        return d == CLOSED ? null : d;
    }

    /** Removes the record {@link #peek} returned. */
    void poll() {
        inbound.poll();
    }

    void setNonBlocking() {
        nonBlocking = true;
    }

    boolean isClosed() {
        return closed;
    }

    int receiveLimitBytes() {
        return receiveLimit;
    }

    @Override
    public int getReceiveLimit() {
        return receiveLimit;
    }

    @Override
    public int getSendLimit() {
        return sendLimit;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        flush();
        byte[] d;
        if (nonBlocking) {
            d = inbound.poll();
            if (d == null || d == CLOSED) {
                throw WouldBlock.INSTANCE;
            }
        } else {
            if (closed) {
                throw new IOException("DTLS endpoint closed");
            }
            try {
                // BouncyCastle passes 0 for "no limit"; its own handshake deadline still bounds the wait.
                d = inbound.poll(waitMillis == 0 ? Long.MAX_VALUE : waitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a datagram");
            }
            if (d == null) {
                throw new SocketTimeoutException();
            }
            if (d == CLOSED) {
                throw new IOException("DTLS endpoint closed");
            }
        }
        int n = Math.min(len, d.length);
        System.arraycopy(d, 0, buf, off, n);
        return n;
    }

    /**
     * Hands the epoch's sequence numbers to {@code writer}: it starts after the last one
     * BouncyCastle used, and BouncyCastle's later records in that epoch are sealed again by it.
     */
    synchronized void handOverSequenceNumbers(GcmRecordWriter writer) {
        writer.startAt(lastSequence + 1);
        resequencer = writer;
    }

    @Override
    public synchronized void send(byte[] buf, int off, int len) {
        if (closed) {
            return;
        }
        if (len >= 13 && (((buf[off + 3] & 0xFF) << 8) | (buf[off + 4] & 0xFF)) == GcmKeys.EPOCH) {
            if (resequencer != null) {
                byte[] again = resequencer.reseal(buf, off, len);
                if (again == null) {
                    return; // sent under its old number it would look like a replay, or collide
                }
                buf = again;
                off = 0;
                len = again.length;
            } else {
                long seq = 0;
                for (int i = 5; i < 11; i++) {
                    seq = (seq << 8) | (buf[off + i] & 0xFF);
                }
                lastSequence = Math.max(lastSequence, seq);
            }
        }
        // Only handshake records are packed. Anything else (change_cipher_spec, alerts, data) goes
        // alone, after what was queued before it: a receiver drops a whole datagram whose first record
        // is in an epoch it has left, so [CCS][Finished] together could never be read by a peer that
        // already processed a CCS and is waiting for the Finished.
        boolean handshake = len > 0 && buf[off] == HANDSHAKE;
        if (!handshake || pendingLength + len > pending.length) {
            flush();
        }
        if (!handshake || len > pending.length) {
            // An application-data record arrives in the exact-size array BouncyCastle's AEAD encoder
            // just made and drops; it can go out as it is. Anything else is copied.
            boolean fresh = off == 0 && len == buf.length && len > 0 && buf[0] == APPLICATION_DATA;
            sink.accept(fresh ? buf : java.util.Arrays.copyOfRange(buf, off, off + len));
            return;
        }
        System.arraycopy(buf, off, pending, pendingLength, len);
        pendingLength += len;
    }

    /** Sends the records packed so far as one datagram. */
    synchronized void flush() {
        if (pendingLength > 0) {
            byte[] d = java.util.Arrays.copyOf(pending, pendingLength);
            pendingLength = 0;
            sink.accept(d);
        }
    }

    /** Closes; a handshake thread blocked in {@link #receive} wakes up and fails. */
    @Override
    public synchronized void close() {
        if (!closed) {
            flush();
            closed = true;
            inbound.clear();
            inbound.offer(CLOSED);
        }
    }
}
