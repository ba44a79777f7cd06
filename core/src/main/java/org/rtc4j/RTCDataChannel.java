package org.rtc4j;

import io.netty.channel.EventLoop;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.rtc4j.sctp.DataChannel;
import org.rtc4j.sctp.MessageTooLargeException;

/**
 * A data channel of an {@link RTCPeerConnection}, with the W3C {@code RTCDataChannel} surface.
 * Methods may be called from any thread; listeners run on the connection's event loop, one at a
 * time, in the order things happened.
 *
 * <p>{@link #bufferedAmount()} counts bytes accepted by {@code send} and not yet handed to the
 * network, across threads, so a sender can pace itself with it and
 * {@link #onBufferedAmountLow(Runnable)} as in a browser.
 */
public final class RTCDataChannel implements AutoCloseable {

    private final RTCPeerConnection pc;
    private final EventLoop loop;
    private final String label;
    private final RTCDataChannelInit init;

    // Written on the loop only; volatile so other threads read current values.
    private volatile DataChannel sctp;
    private volatile RTCDataChannelState state = RTCDataChannelState.CONNECTING;
    private volatile int id;
    private volatile long sctpBuffered;
    private volatile long lowThreshold;
    // Bytes handed to send() on another thread and still on their way to the loop.
    private final AtomicLong inFlightToLoop = new AtomicLong();
    private volatile long bytesSent;
    private volatile long bytesReceived;
    private volatile long messagesSent;
    private volatile long messagesReceived;

    private volatile Runnable onOpen = () -> { };
    private volatile Consumer<RTCDataChannelMessage> onMessage = m -> { };
    private volatile Runnable onClose = () -> { };
    private volatile Runnable onClosing = () -> { };
    private volatile Runnable onBufferedAmountLow = () -> { };

    RTCDataChannel(RTCPeerConnection pc, EventLoop loop, String label, RTCDataChannelInit init) {
        this.pc = pc;
        this.loop = loop;
        this.label = label;
        this.init = init;
        this.id = init.id() == null ? -1 : init.id();
    }

    // ------------------------------------------------------------------ W3C attributes

    /**
     * The label given at creation (W3C {@code label}).
     *
     * @return the label; may be empty
     */
    public String label() {
        return label;
    }

    /**
     * The SCTP stream id, or -1 until the transport has assigned one (W3C {@code id}).
     *
     * @return the stream id (0-65534; a negotiated channel's from the start), or -1
     */
    public int id() {
        return id;
    }

    /**
     * Whether messages arrive in order (W3C {@code ordered}).
     *
     * @return true for ordered delivery
     */
    public boolean ordered() {
        return init.ordered();
    }

    /**
     * The retransmission limit, or null (W3C {@code maxRetransmits}).
     *
     * @return how many times a message is retransmitted before it is given up, or null when the
     *         channel is not limited by retransmissions
     */
    public Integer maxRetransmits() {
        return init.maxRetransmits();
    }

    /**
     * The lifetime limit in milliseconds, or null (W3C {@code maxPacketLifeTime}).
     *
     * @return how long, in ms, a message is retransmitted before it is given up, or null when the
     *         channel is not limited by time
     */
    public Integer maxPacketLifeTime() {
        return init.maxPacketLifeTime();
    }

    /**
     * Whether the channel was negotiated by the application (no in-band open). W3C
     * {@code negotiated}.
     *
     * @return true if both sides created the channel with the same id
     */
    public boolean negotiated() {
        return init.negotiated();
    }

    /**
     * The sub-protocol (W3C {@code protocol}).
     *
     * @return the sub-protocol name; empty when none was given
     */
    public String protocol() {
        return init.protocol();
    }

    /**
     * The channel's state (W3C {@code readyState}).
     *
     * @return the current state
     */
    public RTCDataChannelState readyState() {
        return state;
    }

    /**
     * Bytes accepted by {@code send} and not yet handed to the network (W3C
     * {@code bufferedAmount}).
     *
     * @return the number of bytes queued, on their way to the loop or in the SCTP send queue
     */
    public long bufferedAmount() {
        return inFlightToLoop.get() + sctpBuffered;
    }

    /**
     * The level at or below which {@link #onBufferedAmountLow} fires (W3C
     * {@code bufferedAmountLowThreshold}).
     *
     * @return the threshold in bytes; 0 by default
     */
    public long bufferedAmountLowThreshold() {
        return lowThreshold;
    }

    /**
     * Sets the low-water mark for {@link #onBufferedAmountLow}.
     *
     * @param bytes the threshold in bytes, 0 or more
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public void bufferedAmountLowThreshold(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative threshold");
        }
        lowThreshold = bytes;
        onLoop(() -> {
            if (sctp != null) {
                sctp.bufferedAmountLowThreshold(bytes);
            }
        });
    }

    // ------------------------------------------------------------------ listeners

    /**
     * Called when the channel opens (W3C {@code onopen}).
     *
     * @param listener run on the connection's loop; replaces the previous listener
     */
    public void onOpen(Runnable listener) {
        this.onOpen = Objects.requireNonNull(listener);
    }

    /**
     * Called for each message received (W3C {@code onmessage}).
     *
     * @param listener called on the connection's loop with each message, in the order the
     *                 channel delivers them; replaces the previous listener
     */
    public void onMessage(Consumer<RTCDataChannelMessage> listener) {
        this.onMessage = Objects.requireNonNull(listener);
    }

    /**
     * Called when the other side starts closing the channel (W3C {@code onclosing}): the state
     * is already {@link RTCDataChannelState#CLOSING}, messages it sent before still arrive, and
     * {@link #onClose} follows. Not called for a close this side started with {@link #close()}.
     *
     * @param listener run on the connection's loop; replaces the previous listener
     */
    public void onClosing(Runnable listener) {
        this.onClosing = Objects.requireNonNull(listener);
    }

    /**
     * Called when the channel has closed (W3C {@code onclose}), whichever side closed it.
     *
     * @param listener run on the connection's loop; replaces the previous listener
     */
    public void onClose(Runnable listener) {
        this.onClose = Objects.requireNonNull(listener);
    }

    /**
     * Called when {@link #bufferedAmount()} falls to the threshold (W3C
     * {@code onbufferedamountlow}).
     *
     * @param listener run on the connection's loop; replaces the previous listener
     */
    public void onBufferedAmountLow(Runnable listener) {
        this.onBufferedAmountLow = Objects.requireNonNull(listener);
    }

    // ------------------------------------------------------------------ sending

    /**
     * Sends a text message (W3C {@code send(string)}). Called off the loop, the message is queued
     * to it; one still queued when the channel closes is dropped.
     *
     * @param text the message, sent as UTF-8
     * @throws RTCException {@code InvalidStateError} unless open; {@code TypeError} if larger
     *                      than the peer accepts
     */
    public void send(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        send(utf8, false);
    }

    /**
     * Sends a binary message (the array is not kept).
     *
     * @param data the message bytes, copied before this returns
     * @throws RTCException {@code InvalidStateError} unless open; {@code TypeError} if larger
     *                      than the peer accepts
     */
    public void send(byte[] data) {
        send(data.clone(), true);
    }

    /**
     * Sends the remaining bytes of {@code data} as a binary message.
     *
     * @param data the message: its bytes from position to limit, which are read (the position
     *             moves to the limit) before this returns
     * @throws RTCException {@code InvalidStateError} unless open; {@code TypeError} if larger
     *                      than the peer accepts
     */
    public void send(ByteBuffer data) {
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        send(copy, true);
    }

    private void send(byte[] data, boolean binary) {
        if (state != RTCDataChannelState.OPEN) {
            throw new RTCException(RTCException.Name.InvalidStateError, "data channel '" + label + "' is " + state);
        }
        long limit = pc.remoteMaxMessageSize();
        if (limit > 0 && data.length > limit) {
            throw new RTCException(RTCException.Name.TypeError,
                    "message of " + data.length + " bytes exceeds the peer's max-message-size " + limit);
        }
        if (loop.inEventLoop()) {
            sendOnLoop(data, binary);
            return;
        }
        inFlightToLoop.addAndGet(data.length);
        loop.execute(() -> {
            inFlightToLoop.addAndGet(-data.length);
            sendOnLoop(data, binary);
        });
    }

    private void sendOnLoop(byte[] data, boolean binary) {
        DataChannel c = sctp;
        if (c == null || state != RTCDataChannelState.OPEN) {
            return; // closed while the message was on its way: dropped, as a browser would
        }
        try {
            c.sendOwned(data, binary); // data is already our own copy (see send)
        } catch (MessageTooLargeException | IllegalStateException e) {
            return;
        }
        messagesSent++;
        bytesSent += data.length;
        pc.flush();
        sctpBuffered = c.bufferedAmount();
    }

    /** Closes the channel (an SCTP stream reset); the other channels are not affected. */
    @Override
    public void close() {
        onLoop(() -> {
            if (state == RTCDataChannelState.CLOSED || state == RTCDataChannelState.CLOSING) {
                return;
            }
            if (sctp == null) {
                closed();
                return;
            }
            state = RTCDataChannelState.CLOSING;
            sctp.close();
            pc.flush();
        });
    }

    // ------------------------------------------------------------------ from the transport (on the loop)

    long bytesSent() {
        return bytesSent;
    }

    long bytesReceived() {
        return bytesReceived;
    }

    long messagesSent() {
        return messagesSent;
    }

    long messagesReceived() {
        return messagesReceived;
    }

    RTCDataChannelInit init() {
        return init;
    }

    DataChannel sctpChannel() {
        return sctp;
    }

    void bind(DataChannel channel) {
        this.sctp = channel;
        this.id = channel.id();
        if (lowThreshold > 0) {
            channel.bufferedAmountLowThreshold(lowThreshold);
        }
    }

    void opened() {
        if (state != RTCDataChannelState.CONNECTING) {
            return;
        }
        id = sctp.id();
        state = RTCDataChannelState.OPEN;
        onOpen.run();
    }

    void received(byte[] data, boolean binary) {
        if (state == RTCDataChannelState.OPEN || state == RTCDataChannelState.CLOSING) {
            messagesReceived++;
            bytesReceived += data.length;
            onMessage.accept(new RTCDataChannelMessage(data, binary));
        }
    }

    void bufferedAmountLow() {
        refreshBuffered();
        onBufferedAmountLow.run();
    }

    void refreshBuffered() {
        DataChannel c = sctp;
        if (c != null) {
            sctpBuffered = c.bufferedAmount();
        }
    }

    void closing() {
        if (state == RTCDataChannelState.OPEN || state == RTCDataChannelState.CONNECTING) {
            state = RTCDataChannelState.CLOSING;
            onClosing.run();
        }
    }

    void closed() {
        if (state == RTCDataChannelState.CLOSED) {
            return;
        }
        state = RTCDataChannelState.CLOSED;
        sctpBuffered = 0;
        onClose.run();
    }

    private void onLoop(Runnable r) {
        if (loop.inEventLoop()) {
            r.run();
        } else {
            loop.execute(r);
        }
    }

    @Override
    public String toString() {
        return "RTCDataChannel{" + label + ", id=" + id + ", " + state + "}";
    }
}
