package org.rtc4j.dtls;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DTLS 1.2 connection behind a sans-IO surface: datagrams in with {@link #handle}, datagrams
 * out with {@link #pollDatagram()}, events out with {@link #pollEvent()}, timers through
 * {@link #nextTimeout()} / {@link #handleTimeout}.
 *
 * <h2>Threads</h2>
 * BouncyCastle's handshake is blocking, so {@link #start} submits it as one task to the caller's
 * executor. That task blocks on a queue of the datagrams given to {@link #handle}, using
 * BouncyCastle's own retransmission timers (wall clock, initial {@link DtlsConfig#initialRetransmit()},
 * doubling). Whatever it sends or reports is queued; it then calls the {@code wakeup} callback (from
 * the executor thread) so the owner can hop to its own thread and drain the queues. The task ends
 * when the handshake completes, fails, times out, or the endpoint is closed; no thread stays behind.
 *
 * <p>After the handshake, records are decrypted on the owner's thread inside {@link #handle}
 * without blocking. All methods except {@code pollDatagram}/{@code pollEvent} must be called from
 * one owner thread (e.g. a Netty event loop).
 *
 * <h2>Records after the handshake</h2>
 * With an AES-GCM suite the application data bypasses BouncyCastle's record layer in both
 * directions ({@link GcmRecordReader}, {@link GcmRecordWriter}, keys from the connection's key
 * block): it cost more per record than the cipher itself. BouncyCastle keeps alerts, close_notify
 * and handshake retransmissions; the records it still writes are re-sealed under our sequence
 * numbers. If our flight ended the handshake, BouncyCastle writes until the peer's first record
 * shows that it has that flight. ChaCha20-Poly1305 stays entirely with BouncyCastle.
 *
 * <h2>Time</h2>
 * {@code now} is milliseconds of any monotonic clock the owner uses. It drives the handshake
 * deadline ({@link DtlsConfig#handshakeTimeout()}); BouncyCastle additionally enforces the same
 * limit with its wall clock so the task ends even if the owner never calls {@link #handleTimeout}.
 */
public final class DtlsEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DtlsEndpoint.class);
    private static final int APPLICATION_DATA = 23;

    /** Lifecycle of an endpoint. */
    public enum State {
        /** Created, {@link #start} not yet called. */
        NEW,
        /** The handshake task is running. */
        HANDSHAKING,
        /** Handshake done; application data flows. */
        CONNECTED,
        /** Closed in an orderly way by either side. */
        CLOSED,
        /** Failed; see the {@link DtlsEvent.Failed} event. */
        FAILED
    }

    private final DtlsConfig config;
    private final Executor executor;
    private final Runnable wakeup;
    private final PeerSupport support;
    private final QueueDatagramTransport transport;
    private final Queue<byte[]> outDatagrams = new ConcurrentLinkedQueue<>();
    private final Queue<DtlsEvent> events = new ConcurrentLinkedQueue<>();
    private final Object lock = new Object();

    private volatile State state = State.NEW;
    private volatile boolean taskRunning;
    private volatile Thread handshakeThread;
    private long deadline = Long.MAX_VALUE;
    /** Set under {@link #lock} together with the CONNECTED state; then used only by the owner thread. */
    private DTLSTransport dtls;
    private byte[] receiveBuffer;
    private final RecordFilter.RecordSink queueRecord = this::enqueue;
    private final RecordFilter.RecordSink connectedRecord = this::onConnectedRecord;
    /** Set with {@link #dtls}; owner thread afterwards. */
    private GcmRecordReader reader;
    /** Our AES-GCM record sealer, or null; it takes over sending at {@link #writerActive}. */
    private GcmRecordWriter writer;
    private boolean writerActive;
    /** Whether the peer may still need our last handshake flight (then BouncyCastle keeps sending). */
    private boolean awaitingPeerRecord;
    private int sendLimit;
    /** Whether the datagram being handled queued a record for BouncyCastle. */
    private boolean enqueued;

    /**
     * Creates an endpoint in state {@link State#NEW}; nothing is sent before {@link #start}.
     *
     * @param config   what to negotiate and whom to trust
     * @param executor runs the one blocking handshake task (e.g. a small shared pool)
     * @param wakeup   called from the handshake thread whenever new datagrams or events are queued
     *                 and once when the task ends; must be cheap and thread-safe (schedule a drain
     *                 on the owner thread); may be null
     */
    public DtlsEndpoint(DtlsConfig config, Executor executor, Runnable wakeup) {
        this.config = Objects.requireNonNull(config, "config");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.wakeup = wakeup == null ? () -> { } : wakeup;
        this.support = new PeerSupport(config);
        this.transport = new QueueDatagramTransport(config.mtu(), this::emitDatagram);
    }

    /**
     * Our role.
     *
     * @return the role from the config
     */
    public DtlsRole role() {
        return config.role();
    }

    /**
     * Current state.
     *
     * @return the lifecycle state; may be read from any thread
     */
    public State state() {
        return state;
    }

    /**
     * Whether the handshake task occupies an executor thread.
     *
     * @return true from {@link #start} until the task has ended
     */
    public boolean isHandshakeTaskRunning() {
        return taskRunning;
    }

    /**
     * Starts the handshake: a client sends its ClientHello, a server waits for one. Datagrams
     * handed in before {@code start} are kept for the handshake. If the executor rejects the task
     * the endpoint fails at once with a {@link DtlsException}.
     *
     * @param now the owner's monotonic clock in ms; the handshake deadline is
     *            {@code now + handshakeTimeout}
     * @throws IllegalStateException if already started
     */
    public void start(long now) {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException("already started: " + state);
            }
            state = State.HANDSHAKING;
            deadline = saturatedAdd(now, config.handshakeTimeout().toMillis());
            taskRunning = true;
        }
        try {
            executor.execute(this::runHandshake);
        } catch (RejectedExecutionException e) {
            taskRunning = false;
            fail(new DtlsException("executor rejected the handshake task", e));
        }
    }

    /**
     * Hands in one datagram from the network. Before the handshake completes it is queued for the
     * handshake task; afterwards it is decrypted here, and application data appears as events.
     * Datagrams whose first byte is not a DTLS content type (20..63, RFC 7983) are ignored, as is
     * anything after close or failure, and a datagram longer than the MTU or 1500 bytes, whichever
     * is larger. The array is copied.
     *
     * @param datagram the buffer holding the datagram
     * @param offset   where the datagram starts in {@code datagram}
     * @param length   length of the datagram in bytes
     * @param now      the owner's monotonic clock in ms (currently unused)
     * @throws IndexOutOfBoundsException if the range is not within {@code datagram}
     */
    public void handle(byte[] datagram, int offset, int length, long now) {
        Objects.checkFromIndexSize(offset, length, datagram.length);
        if (length < 1 || length > transport.receiveLimitBytes()) {
            return;
        }
        int first = datagram[offset] & 0xFF;
        if (first < 20 || first > 63) {
            return;
        }
        State s = state;
        if (s == State.CLOSED || s == State.FAILED) {
            return;
        }
        enqueued = false;
        RecordFilter.split(datagram, offset, length, support.minCiphertextLength(),
                s == State.CONNECTED ? connectedRecord : queueRecord);
        if (enqueued && s == State.CONNECTED) {
            pumpRecords();
        }
    }

    /** Before the handshake is over every record waits for the handshake task. */
    private void enqueue(byte[] datagram, int offset, int fragment) {
        if (!transport.offer(Arrays.copyOfRange(datagram, offset, offset + RecordFilter.HEADER + fragment))) {
            LOG.debug("inbound DTLS queue full, record dropped");
        }
        enqueued = true;
    }

    /**
     * Afterwards application data is opened right here, unless records wait in the queue (then
     * order is kept by queueing this one too); everything else goes to BouncyCastle.
     */
    private void onConnectedRecord(byte[] datagram, int offset, int fragment) {
        GcmRecordReader r = reader;
        if (r != null && !transport.hasQueued() && r.accepts(datagram, offset)) {
            byte[] plaintext = r.open(datagram, offset, fragment);
            if (plaintext != null) {
                peerRecordOpened();
                events.add(new DtlsEvent.ApplicationData(plaintext));
            }
        } else {
            enqueue(datagram, offset, fragment);
        }
    }

    private void peerRecordOpened() {
        if (awaitingPeerRecord) {
            awaitingPeerRecord = false;
            activateWriter();
        }
    }

    /** From here on our records are sealed by {@link #writer}, BouncyCastle's re-sealed by it. */
    private void activateWriter() {
        transport.handOverSequenceNumbers(writer);
        writerActive = true;
    }

    /**
     * {@link #handle(byte[], int, int, long)} for a whole array.
     *
     * @param datagram the datagram
     * @param now      the owner's monotonic clock in ms (currently unused)
     */
    public void handle(byte[] datagram, long now) {
        handle(datagram, 0, datagram.length, now);
    }

    /**
     * The next datagram to send. Safe from any thread.
     *
     * @return a datagram of at most {@link DtlsConfig#mtu()} bytes, or null if none is queued
     */
    public byte[] pollDatagram() {
        return outDatagrams.poll();
    }

    /**
     * The next event, or null. Call it on the owner thread: polling {@link DtlsEvent.Connected}
     * also decrypts datagrams that arrived while the handshake task was handing over.
     *
     * @return the next event, or null if none is queued
     */
    public DtlsEvent pollEvent() {
        DtlsEvent e = events.poll();
        if (e instanceof DtlsEvent.Connected && state == State.CONNECTED) {
            pumpRecords();
        }
        return e;
    }

    /**
     * Application-data records dropped after the handshake because they repeated one already
     * received (RFC 6347 4.1.2.6). Owner thread.
     *
     * @return the count so far; 0 before the handshake or when the suite is not AES-GCM (only
     *     records opened by rtc4j's own GCM reader are counted)
     */
    public long replayedRecords() {
        GcmRecordReader r = reader;
        return r == null ? 0 : r.replayed();
    }

    /**
     * Application-data records dropped after the handshake because they did not authenticate.
     * Owner thread.
     *
     * @return the count so far; 0 before the handshake or when the suite is not AES-GCM (only
     *     records opened by rtc4j's own GCM reader are counted)
     */
    public long forgedRecords() {
        GcmRecordReader r = reader;
        return r == null ? 0 : r.forged();
    }

    /**
     * Largest application payload {@link #send} accepts so that one record fits the MTU.
     *
     * @return the limit in bytes
     * @throws IllegalStateException if not connected
     */
    public int applicationDataLimit() {
        if (state != State.CONNECTED) {
            throw new IllegalStateException("not connected: " + state);
        }
        return sendLimit;
    }

    /**
     * Encrypts and queues one application record. A failure while sealing or sending fails the
     * endpoint (reported as {@link DtlsEvent.Failed}) instead of throwing.
     *
     * @param data   the buffer holding the payload
     * @param offset where the payload starts in {@code data}
     * @param length payload length in bytes, 1..{@link #applicationDataLimit()}
     * @throws IllegalStateException    if not connected
     * @throws IllegalArgumentException if empty or larger than {@link #applicationDataLimit()}
     */
    public void send(byte[] data, int offset, int length) {
        if (state != State.CONNECTED) {
            throw new IllegalStateException("not connected: " + state);
        }
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length == 0) {
            throw new IllegalArgumentException("empty application data");
        }
        if (length > sendLimit) {
            throw new IllegalArgumentException("application data of " + length + " bytes exceeds the record limit "
                    + sendLimit + " for MTU " + config.mtu());
        }
        if (writerActive) {
            try {
                emitDatagram(writer.seal(APPLICATION_DATA, data, offset, length));
            } catch (DtlsException e) {
                fail(e);
            }
            return;
        }
        try {
            dtls.send(data, offset, length);
            transport.flush();
        } catch (IOException e) {
            fail(translate(e));
        }
    }

    /**
     * {@link #send(byte[], int, int)} for a whole array.
     *
     * @param data the payload, 1..{@link #applicationDataLimit()} bytes
     * @throws IllegalStateException    if not connected
     * @throws IllegalArgumentException if empty or larger than {@link #applicationDataLimit()}
     */
    public void send(byte[] data) {
        send(data, 0, data.length);
    }

    /**
     * When {@link #handleTimeout} must next be called: the handshake deadline while handshaking,
     * else {@link Long#MAX_VALUE}. Retransmissions are timed by the handshake task itself.
     *
     * @return the deadline on the owner's clock in ms, or {@link Long#MAX_VALUE} for none
     */
    public long nextTimeout() {
        State s = state;
        return s == State.HANDSHAKING ? deadline : Long.MAX_VALUE;
    }

    /**
     * Fails the handshake with {@link DtlsTimeoutException} once its deadline has passed; does
     * nothing otherwise.
     *
     * @param now the owner's monotonic clock in ms, the same clock as given to {@link #start}
     */
    public void handleTimeout(long now) {
        if (state == State.HANDSHAKING && now >= deadline) {
            fail(new DtlsTimeoutException("DTLS handshake did not complete within "
                    + config.handshakeTimeout().toMillis() + " ms"));
        }
    }

    /**
     * Closes: sends close_notify when connected, stops a running handshake (its task ends promptly)
     * and reports {@link DtlsEvent.Closed}. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            State s = state;
            if (s == State.CLOSED || s == State.FAILED) {
                return;
            }
            state = State.CLOSED;
            if (s == State.CONNECTED) {
                try {
                    dtls.close();
                } catch (IOException e) {
                    LOG.debug("error while sending close_notify", e);
                }
            }
            transport.close();
            events.add(new DtlsEvent.Closed(false));
        }
    }

    private void runHandshake() {
        handshakeThread = Thread.currentThread();
        try {
            DTLSTransport t;
            if (config.role() == DtlsRole.CLIENT) {
                t = new DTLSClientProtocol().connect(new RtcTlsClient(support), transport);
            } else {
                DTLSServerProtocol protocol = new DTLSServerProtocol();
                // ICE connectivity checks already proved the address; skip the cookie round trip as browsers do.
                protocol.setVerifyRequests(false);
                t = protocol.accept(new RtcTlsServer(support), transport);
            }
            boolean published = false;
            synchronized (lock) {
                transport.flush(); // the server's last flight
                if (state == State.HANDSHAKING) {
                    transport.setNonBlocking();
                    dtls = t;
                    sendLimit = t.getSendLimit();
                    GcmKeys keys = support.gcmKeys;
                    if (keys != null) {
                        reader = keys.reader();
                        writer = reader == null ? null : keys.writer();
                        if (writer != null) {
                            // If our flight ended the handshake, the peer might still ask for it again;
                            // BouncyCastle keeps writing until the peer's first record shows it has it.
                            awaitingPeerRecord = keys.weSentLastFlight;
                            if (!awaitingPeerRecord) {
                                activateWriter();
                            }
                        }
                    }
                    receiveBuffer = new byte[Math.max(1, t.getReceiveLimit())];
                    events.add(new DtlsEvent.Connected(config.role(), support.cipherSuite, support.srtpProfile,
                            support.srtpKeys, support.peerCertificate, support.matchedFingerprint));
                    state = State.CONNECTED;
                    published = true;
                }
            }
            if (!published) {
                t.close();
            } else {
                LOG.debug("DTLS {} connected: {} srtp={}", config.role(), support.cipherSuite, support.srtpProfile);
            }
        } catch (Throwable e) {
            if (state == State.HANDSHAKING) {
                fail(translate(e));
            } else {
                LOG.debug("handshake task ended after {}: {}", state, e.toString());
            }
        } finally {
            transport.setNonBlocking();
            handshakeThread = null;
            taskRunning = false;
            wakeup.run();
        }
    }

    /** Decrypts everything queued; owner thread only, CONNECTED only. */
    private void pumpRecords() {
        try {
            pumpRecords0();
        } finally {
            transport.flush(); // e.g. our final flight, resent because the peer repeated its own
        }
    }

    private void pumpRecords0() {
        DTLSTransport t = dtls;
        // Each queued entry is one record (see RecordFilter), so BouncyCastle is asked exactly as often
        // as it has records to read; asking once more would end in WouldBlock thrown through its frames.
        while (state == State.CONNECTED && transport.hasQueued()) {
            GcmRecordReader r = reader;
            byte[] next = transport.peek();
            if (r != null && next != null && r.accepts(next, 0)) {
                transport.poll();
                byte[] plaintext = r.open(next, 0, next.length - RecordFilter.HEADER);
                if (plaintext != null) {
                    peerRecordOpened();
                    events.add(new DtlsEvent.ApplicationData(plaintext));
                }
                continue;
            }
            int n;
            try {
                n = t.receive(receiveBuffer, 0, receiveBuffer.length, 1);
            } catch (QueueDatagramTransport.WouldBlock e) {
                break;
            } catch (IOException | RuntimeException e) {
                fail(translate(e));
                return;
            }
            if (support.closeNotifyReceived) {
                break;
            }
            if (n >= 0) {
                events.add(new DtlsEvent.ApplicationData(Arrays.copyOf(receiveBuffer, n)));
            }
        }
        if (support.closeNotifyReceived) {
            synchronized (lock) {
                if (state == State.CONNECTED) {
                    // BouncyCastle already answered with our close_notify and closed the transport.
                    state = State.CLOSED;
                    transport.close();
                    events.add(new DtlsEvent.Closed(true));
                }
            }
        }
    }

    private void fail(DtlsException reason) {
        synchronized (lock) {
            State s = state;
            if (s == State.CLOSED || s == State.FAILED) {
                return;
            }
            state = State.FAILED;
            transport.close();
            events.add(new DtlsEvent.Failed(reason));
        }
        LOG.debug("DTLS {} failed: {}", config.role(), reason.getMessage());
        if (Thread.currentThread() == handshakeThread) {
            wakeup.run();
        }
    }

    private void emitDatagram(byte[] datagram) {
        outDatagrams.add(datagram);
        if (Thread.currentThread() == handshakeThread) {
            wakeup.run();
        }
    }

    /** Turns what BouncyCastle threw into the most specific reason we know. */
    private DtlsException translate(Throwable e) {
        if (support.mismatch != null) {
            return support.mismatch;
        }
        if (e instanceof TlsFatalAlertReceived r) {
            return new DtlsAlertException(r.getAlertDescription(), true, null, e);
        }
        if (e instanceof TlsTimeoutException) {
            return new DtlsTimeoutException("DTLS handshake timed out (" + e.getMessage() + ")");
        }
        if (e instanceof TlsFatalAlert a) {
            return new DtlsAlertException(a.getAlertDescription(), false, a.getMessage(), e);
        }
        if (support.fatalAlertReceived >= 0) {
            return new DtlsAlertException(support.fatalAlertReceived, true, null, e);
        }
        if (support.fatalAlertRaised >= 0 && support.fatalAlertRaised != AlertDescription.internal_error) {
            return new DtlsAlertException(support.fatalAlertRaised, false, support.fatalAlertRaisedMessage, e);
        }
        return new DtlsException("DTLS failed: " + e, e);
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
