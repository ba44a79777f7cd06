package org.rtc4j.examples.peer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.rtc4j.RTCDataChannel;
import org.rtc4j.RTCDataChannelState;

/**
 * Sends bulk data on a channel without queueing it all in memory: a send waits while
 * {@code bufferedAmount} is above the high-water mark and is woken by {@code onBufferedAmountLow}.
 */
public final class ChannelSender {
    /** Message size for bulk data (well under every browser's max-message-size). */
    public static final int CHUNK = 64 * 1024;
    private static final long HIGH = 4L << 20;
    private static final long LOW = 1L << 20;

    private final RTCDataChannel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();

    /** Installs the low-water listener on {@code channel}. */
    public ChannelSender(RTCDataChannel channel) {
        this.channel = channel;
        channel.bufferedAmountLowThreshold(LOW);
        channel.onBufferedAmountLow(this::wake);
    }

    /** Sends one binary message, first waiting for room in the send buffer. */
    public void send(byte[] data, int length) throws InterruptedException {
        awaitBelow(HIGH);
        channel.send(java.nio.ByteBuffer.wrap(data, 0, length));
    }

    /** Sends one text message, first waiting for room in the send buffer. */
    public void send(String text) throws InterruptedException {
        awaitBelow(HIGH);
        channel.send(text);
    }

    /** Waits until everything sent has been handed to the network. */
    public void drain() throws InterruptedException {
        awaitBelow(0);
    }

    private void awaitBelow(long level) throws InterruptedException {
        while (channel.bufferedAmount() > level) {
            if (channel.readyState() != RTCDataChannelState.OPEN) {
                throw new CliFailure(1, "the data channel closed while sending");
            }
            lock.lock();
            try {
                // The timeout covers a wake-up between the check and the wait, and level 0.
                drained.await(20, TimeUnit.MILLISECONDS);
            } finally {
                lock.unlock();
            }
        }
    }

    private void wake() {
        lock.lock();
        try {
            drained.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
