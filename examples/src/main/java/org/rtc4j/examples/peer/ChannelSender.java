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

    /**
     * Installs the low-water listener on {@code channel}: sets its
     * {@code bufferedAmountLowThreshold} to 1 MiB and replaces its {@code onBufferedAmountLow}
     * handler.
     *
     * @param channel the channel to send on
     */
    public ChannelSender(RTCDataChannel channel) {
        this.channel = channel;
        channel.bufferedAmountLowThreshold(LOW);
        channel.onBufferedAmountLow(this::wake);
    }

    /**
     * Sends one binary message, first waiting for room in the send buffer (until at most 4 MiB
     * is buffered).
     *
     * @param data   the buffer holding the message; the channel copies the bytes, so it may be
     *               reused as soon as this returns
     * @param length how many bytes from the start of {@code data} to send
     * @throws InterruptedException if the thread is interrupted while waiting
     * @throws CliFailure           (exit 1) if the channel stops being open while waiting
     * @throws org.rtc4j.RTCException if the channel is not open when sending, or the message is
     *                                over the peer's max-message-size
     */
    public void send(byte[] data, int length) throws InterruptedException {
        awaitBelow(HIGH);
        channel.send(java.nio.ByteBuffer.wrap(data, 0, length));
    }

    /**
     * Sends one text message, first waiting for room in the send buffer (until at most 4 MiB is
     * buffered).
     *
     * @param text the message
     * @throws InterruptedException if the thread is interrupted while waiting
     * @throws CliFailure           (exit 1) if the channel stops being open while waiting
     * @throws org.rtc4j.RTCException if the channel is not open when sending, or the message is
     *                                over the peer's max-message-size
     */
    public void send(String text) throws InterruptedException {
        awaitBelow(HIGH);
        channel.send(text);
    }

    /**
     * Waits until everything sent has been handed to the network ({@code bufferedAmount} is 0).
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     * @throws CliFailure           (exit 1) if the channel stops being open with data still
     *                              buffered
     */
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
