package org.rtc4j.sctp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SCTP association carried over DTLS (RFC 8261) with WebRTC data channels on top (RFC 8831,
 * DCEP RFC 8832). Sans-IO and single-threaded: feed each decrypted DTLS application record to
 * {@link #handle}, send every packet {@link #pollTransmit} returns as one DTLS record, take events
 * from {@link #pollEvent}, and call {@link #handleTimeout} at {@link #nextTimeout}. Time is the
 * caller's, in milliseconds; every call that takes {@code now} also sets the clock that
 * {@link DataChannel#send} uses for message lifetimes.
 *
 * <p>Both WebRTC peers may call {@link #connect}: simultaneous INITs are resolved as RFC 9260
 * §5.2 says. A side that never calls it answers the peer's INIT statelessly with a signed cookie.
 */
public final class SctpAssociation {
    private static final Logger LOG = LoggerFactory.getLogger(SctpAssociation.class);
    private static final long NEVER = Long.MAX_VALUE;

    private final int localPort;
    private final int remotePort;
    private final int mtu;
    private final int receiveWindow;
    private final int maxMessageSize;
    private long remoteMaxMessageSize;
    private final int offeredOutbound;
    private final int offeredInbound;
    private final long rtoInitial;
    private final int maxRetrans;
    private final int maxInitRetrans;
    private final long delayedAck;
    private final long heartbeatInterval;
    private final long cookieLifetime;
    private final boolean offerZeroChecksum;
    private final boolean dtlsClient;
    private final java.util.Random random;
    private final byte[] cookieKey = new byte[32];

    private SctpAssociationState state = SctpAssociationState.CLOSED;
    private boolean finished;
    private long now;

    private int localTag;
    private int localInitialTsn;
    private int peerTag;
    private int peerInitialTsn;
    private int outboundStreams;
    private int inboundStreams;
    private boolean peerForwardTsn;
    private boolean peerReconfig;
    private boolean zeroChecksumOut;

    private final DataSender sender;
    private final DataReceiver receiver;
    private final SctpPacket.Cursor cursor = new SctpPacket.Cursor();

    /** Chunks to bundle into the next packet under the peer's verification tag. */
    private final ArrayDeque<byte[]> control = new ArrayDeque<>();
    /** Complete packets with special tags (INIT, INIT-ACK, ABORT, SHUTDOWN-COMPLETE). */
    private final ArrayDeque<byte[]> readyPackets = new ArrayDeque<>();
    private final ArrayDeque<SctpEvent> events = new ArrayDeque<>();
    private final byte[] scratch;
    private final OutChunk[] picked;

    private byte[] t1Chunk;
    private long t1Deadline = NEVER;
    private long t1Rto;
    private int t1Count;
    private long t2Deadline = NEVER;
    private int t2Count;
    private long sackDeadline = NEVER;
    private boolean sackNow;
    private int dataPacketsSinceSack;
    private long lastAdvertisedWindow;
    private boolean forwardTsnDue;
    private long heartbeatDeadline = NEVER;
    private long heartbeatNonce;
    private boolean heartbeatOutstanding;

    // RFC 6525 stream reset state.
    private int outRequestSeq;
    private int[] pendingResetStreams;
    private int pendingResetLastTsn;
    private long reconfigDeadline = NEVER;
    private final LinkedHashSet<Integer> resetQueue = new LinkedHashSet<>();
    private int peerRequestSeqExpected;
    private int lastResponseResult = Chunks.RESULT_PERFORMED;

    private DataChannel[] channels = new DataChannel[16];
    private final List<DataChannel> waitingForEstablishment = new ArrayList<>();
    private int nextChannelIdHint;

    private long packetsReceived;
    private long packetsSent;
    private long packetsDropped;
    private long messagesDelivered;

    /** @param config settings; copied, later changes have no effect */
    public SctpAssociation(SctpConfig config) {
        this.localPort = config.localPort();
        this.remotePort = config.remotePort();
        this.mtu = config.mtu();
        this.receiveWindow = Math.max(config.receiveWindow(), config.maxMessageSize());
        this.maxMessageSize = config.maxMessageSize();
        this.remoteMaxMessageSize = config.remoteMaxMessageSize();
        this.offeredOutbound = config.outboundStreams();
        this.offeredInbound = config.inboundStreams();
        this.rtoInitial = config.rtoInitialMs();
        this.maxRetrans = config.maxRetransmissions();
        this.maxInitRetrans = config.maxInitRetransmissions();
        this.delayedAck = config.delayedAckMs();
        this.heartbeatInterval = config.heartbeatIntervalMs();
        this.cookieLifetime = config.cookieLifetimeMs();
        this.offerZeroChecksum = config.zeroChecksum();
        this.dtlsClient = config.dtlsClient();
        this.random = config.random();
        random.nextBytes(cookieKey);
        this.sender = new DataSender(this::onBufferedDecrease, mtu, config.rtoInitialMs(), config.rtoMinMs(),
                config.rtoMaxMs());
        this.receiver = new DataReceiver(this::deliver, receiveWindow, maxMessageSize, mtu);
        this.scratch = new byte[Math.max(mtu, 65536)];
        this.picked = new OutChunk[mtu / (Chunks.DATA_HEADER + 4) + 1];
        this.nextChannelIdHint = dtlsClient ? 0 : 1;
    }

    // ------------------------------------------------------------------ public API

    /** @return the current state */
    public SctpAssociationState state() {
        return state;
    }

    /** @return true once the association was closed or aborted; it then ignores all input */
    public boolean isFinished() {
        return finished;
    }

    /** @return whether this endpoint is the DTLS client (even stream ids) */
    public boolean isDtlsClient() {
        return dtlsClient;
    }

    /**
     * Sets the peer's {@code a=max-message-size} once the remote description is known.
     *
     * @param bytes the peer's limit; 0 means unlimited (RFC 8841)
     */
    public void setRemoteMaxMessageSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative max message size");
        }
        this.remoteMaxMessageSize = bytes;
    }

    /** @return the largest message {@link DataChannel#send} accepts (Long.MAX_VALUE when unlimited) */
    public long maxSendMessageSize() {
        return remoteMaxMessageSize == 0 ? Long.MAX_VALUE : remoteMaxMessageSize;
    }

    /**
     * Starts the association actively by sending INIT. In WebRTC both sides may do so at once.
     *
     * @param now current time in ms
     */
    public void connect(long now) {
        this.now = now;
        if (state != SctpAssociationState.CLOSED || finished) {
            return;
        }
        localTag = nonZeroRandom();
        localInitialTsn = random.nextInt();
        state = SctpAssociationState.COOKIE_WAIT;
        t1Chunk = ourInit(false, null, localTag, localInitialTsn).encode(false);
        readyPackets.add(packet(0, t1Chunk));
        t1Rto = rtoInitial;
        t1Count = 0;
        t1Deadline = now + t1Rto;
    }

    /**
     * Handles one SCTP packet (one DTLS application record). Malformed or unauthenticated packets
     * are dropped and counted; nothing is thrown for bad input.
     *
     * @param record the packet bytes; not retained
     * @param now    current time in ms
     */
    public void handle(byte[] record, long now) {
        handle(record, 0, record.length, now);
    }

    /**
     * @param buf buffer holding the packet; not retained
     * @param off offset of the packet
     * @param len length of the packet
     * @param now current time in ms
     */
    public void handle(byte[] buf, int off, int len, long now) {
        this.now = now;
        if (finished) {
            return;
        }
        Objects.checkFromIndexSize(off, len, buf.length);
        if (len < Chunks.COMMON_HEADER + 4) {
            packetsDropped++;
            return;
        }
        int stored = SctpPacket.storedChecksum(buf, off);
        if (!(stored == 0 && offerZeroChecksum) && stored != SctpPacket.checksum(buf, off, len)) {
            packetsDropped++;
            LOG.debug("dropping packet with bad CRC32c");
            return;
        }
        if (Bytes.u16(buf, off) != remotePort || Bytes.u16(buf, off + 2) != localPort) {
            packetsDropped++;
            return;
        }
        packetsReceived++;
        int vtag = Bytes.i32(buf, off + 4);
        boolean dataSeen = false;
        cursor.reset(buf, off, len);
        boolean first = true;
        try {
            loop:
            while (cursor.next()) {
                int type = cursor.type;
                int flags = cursor.flags;
                int vo = cursor.valueOff;
                int vl = cursor.valueLen;
                ChunkCodec.validate(type, flags, buf, vo, vl);
                if (type == Chunks.INIT) {
                    if (first && vtag == 0) {
                        onInit(buf, vo, vl);
                    } else {
                        packetsDropped++;
                    }
                    break;
                }
                if (!tagAccepted(type, flags, vtag)) {
                    packetsDropped++;
                    break;
                }
                first = false;
                switch (type) {
                    case Chunks.DATA:
                        if (acceptsData()) {
                            onData(buf, vo, vl, flags);
                            dataSeen = true;
                        }
                        break;
                    case Chunks.SACK:
                        if (isEstablishedOrShuttingDown()) {
                            onSack(buf, vo);
                        }
                        break;
                    case Chunks.INIT_ACK:
                        onInitAck(buf, vo, vl);
                        break;
                    case Chunks.COOKIE_ECHO:
                        if (!onCookieEcho(buf, vo, vl, vtag)) {
                            break loop;
                        }
                        break;
                    case Chunks.COOKIE_ACK:
                        onCookieAck();
                        break;
                    case Chunks.HEARTBEAT:
                        control.add(ChunkCodec.chunk(Chunks.HEARTBEAT_ACK, 0, Arrays.copyOfRange(buf, vo, vo + vl)));
                        break;
                    case Chunks.HEARTBEAT_ACK:
                        onHeartbeatAck(buf, vo, vl);
                        break;
                    case Chunks.ABORT:
                        terminate(new SctpEvent.AssociationAborted(ChunkCodec.describeCauses(buf, vo, vl), true));
                        return;
                    case Chunks.ERROR:
                        events.add(new SctpEvent.PeerError(ChunkCodec.describeCauses(buf, vo, vl)));
                        break;
                    case Chunks.SHUTDOWN:
                        onShutdown(buf, vo);
                        break;
                    case Chunks.SHUTDOWN_ACK:
                        onShutdownAck();
                        if (finished) {
                            return;
                        }
                        break;
                    case Chunks.SHUTDOWN_COMPLETE:
                        if (state == SctpAssociationState.SHUTDOWN_ACK_SENT) {
                            terminate(new SctpEvent.AssociationClosed());
                            return;
                        }
                        break;
                    case Chunks.FORWARD_TSN:
                        if (acceptsData()) {
                            if (!receiver.onForwardTsn(buf, vo, vl)) {
                                abortWith("FORWARD-TSN beyond anything the peer can have sent", true);
                                return;
                            }
                            sackNow = true;
                        }
                        break;
                    case Chunks.RE_CONFIG:
                        if (isEstablishedOrShuttingDown()) {
                            onReconfig(buf, vo, vl);
                        }
                        break;
                    default:
                        // RFC 9260 §3.2: the two high bits say whether to skip and whether to report.
                        if ((type & 0x40) != 0 && localTag != 0 && peerTag != 0) {
                            byte[] cause = new byte[Bytes.pad4(4 + 4 + vl)];
                            Bytes.put16(cause, 0, Chunks.CAUSE_UNRECOGNIZED_CHUNK);
                            Bytes.put16(cause, 2, 4 + 4 + vl);
                            cause[4] = (byte) type;
                            cause[5] = (byte) flags;
                            Bytes.put16(cause, 6, 4 + vl);
                            System.arraycopy(buf, vo, cause, 8, Math.min(vl, cause.length - 8));
                            if (cause.length <= mtu - 32) {
                                control.add(ChunkCodec.chunk(Chunks.ERROR, 0, cause));
                            }
                        }
                        if ((type & 0x80) == 0) {
                            break loop;
                        }
                        break;
                }
                if (finished) {
                    return;
                }
            }
        } catch (SctpParseException e) {
            packetsDropped++;
            LOG.debug("dropping rest of malformed packet: {}", e.getMessage());
        }
        if (dataSeen && !finished) {
            dataPacketsSinceSack++;
            if (receiver.hasGapsOrDups() || dataPacketsSinceSack >= 2 || delayedAck == 0
                    || state != SctpAssociationState.ESTABLISHED) {
                sackNow = true;
            } else if (sackDeadline == NEVER) {
                sackDeadline = now + delayedAck;
            }
        }
    }

    /**
     * Returns the next SCTP packet to send as one DTLS record, or null when there is nothing to
     * send right now. Call until it returns null after every handle/handleTimeout/send.
     *
     * @param now current time in ms
     * @return a packet, owned by the caller, or null
     */
    public byte[] pollTransmit(long now) {
        this.now = now;
        if (!readyPackets.isEmpty()) {
            packetsSent++;
            return readyPackets.poll();
        }
        if (finished || peerTag == 0) {
            return null;
        }
        if (isEstablishedOrShuttingDown()) {
            shutdownProgress();
            maybeSendReconfig();
        }
        int p = Chunks.COMMON_HEADER;
        while (!control.isEmpty()) {
            byte[] c = control.peek();
            if (p + c.length > mtu && p > Chunks.COMMON_HEADER) {
                break;
            }
            if (p + c.length > scratch.length) {
                control.poll();
                continue;
            }
            System.arraycopy(c, 0, scratch, p, c.length);
            p += c.length;
            control.poll();
        }
        // A pending delayed SACK rides along with our own DATA instead of waiting for its timer.
        boolean piggyback = sackDeadline != NEVER && sendsData() && sender.hasPendingData();
        if ((sackNow || piggyback) && mtu - p >= 16 && receiverStarted()) {
            p += receiver.writeSack(scratch, p, mtu - p);
            sackNow = false;
            dataPacketsSinceSack = 0;
            sackDeadline = NEVER;
            lastAdvertisedWindow = receiver.advertisedWindow();
        }
        if (forwardTsnDue && sender.forwardTsnNeeded && peerForwardTsn) {
            byte[] f = sender.forwardTsnChunk();
            if (p + f.length <= mtu) {
                System.arraycopy(f, 0, scratch, p, f.length);
                p += f.length;
                forwardTsnDue = false;
            }
        }
        int n = 0;
        int dataBytes = 0;
        if (sendsData()) {
            n = sender.collect(now, mtu - p, picked);
            for (int i = 0; i < n; i++) {
                dataBytes += Chunks.DATA_HEADER + Bytes.pad4(picked[i].len);
            }
        }
        if (p == Chunks.COMMON_HEADER && n == 0) {
            return null;
        }
        byte[] pkt = new byte[p + dataBytes];
        System.arraycopy(scratch, 0, pkt, 0, p);
        for (int i = 0; i < n; i++) {
            p += DataSender.writeData(pkt, p, picked[i]);
            picked[i] = null;
        }
        SctpPacket.writeHeader(pkt, localPort, remotePort, peerTag);
        if (!zeroChecksumOut) {
            SctpPacket.storeChecksum(pkt, 0, SctpPacket.checksum(pkt, 0, pkt.length));
        }
        packetsSent++;
        return pkt;
    }

    /** @return the next event, or null */
    public SctpEvent pollEvent() {
        SctpEvent e = events.poll();
        if (e instanceof SctpEvent.ChannelMessage m) {
            receiver.queuedBytes -= m.data().length;
            // Window update once the application has drained a backlog that had shrunk the window.
            if (receiverStarted() && lastAdvertisedWindow < receiveWindow / 2
                    && receiver.advertisedWindow() >= receiveWindow / 2) {
                sackNow = true;
                lastAdvertisedWindow = receiver.advertisedWindow();
            }
        }
        return e;
    }

    /** @return the earliest time {@link #handleTimeout} must be called, or Long.MAX_VALUE when none */
    public long nextTimeout() {
        if (finished) {
            return NEVER;
        }
        long t = Math.min(t1Deadline, t2Deadline);
        t = Math.min(t, sackDeadline);
        t = Math.min(t, heartbeatDeadline);
        t = Math.min(t, reconfigDeadline);
        if (isEstablishedOrShuttingDown()) {
            t = Math.min(t, sender.t3Deadline);
        }
        return t;
    }

    /**
     * Fires every timer due at {@code now} (retransmissions, delayed SACK, heartbeat).
     *
     * @param now current time in ms
     */
    public void handleTimeout(long now) {
        this.now = now;
        if (finished) {
            return;
        }
        if (t1Deadline <= now) {
            if (++t1Count > maxInitRetrans) {
                terminate(new SctpEvent.AssociationAborted("no answer to " + (state == SctpAssociationState.COOKIE_WAIT
                        ? "INIT" : "COOKIE-ECHO") + " after " + maxInitRetrans + " retransmissions", false));
                return;
            }
            t1Rto = Math.min(t1Rto * 2, (long) Math.max(rtoInitial, 60_000));
            t1Deadline = now + t1Rto;
            if (state == SctpAssociationState.COOKIE_WAIT) {
                readyPackets.add(packet(0, t1Chunk));
            } else if (state == SctpAssociationState.COOKIE_ECHOED) {
                control.add(t1Chunk);
            } else {
                t1Deadline = NEVER;
            }
        }
        if (isEstablishedOrShuttingDown() && sender.t3Deadline <= now) {
            sender.onT3Expired(now);
            if (sender.errorCount > maxRetrans) {
                abortWith("retransmission limit of " + maxRetrans + " reached without acknowledgement", false);
                return;
            }
            forwardTsnDue = sender.forwardTsnNeeded;
        }
        if (sackDeadline <= now) {
            sackDeadline = NEVER;
            sackNow = true;
        }
        if (t2Deadline <= now) {
            if (++t2Count > maxRetrans) {
                abortWith("no answer to SHUTDOWN", false);
                return;
            }
            t2Deadline = now + (long) sender.rto * (1L << Math.min(t2Count, 6));
            if (state == SctpAssociationState.SHUTDOWN_SENT) {
                control.add(ChunkCodec.shutdown(receiver.cumulativeTsn()));
            } else if (state == SctpAssociationState.SHUTDOWN_ACK_SENT) {
                control.add(ChunkCodec.chunk(Chunks.SHUTDOWN_ACK, 0, null));
            } else {
                t2Deadline = NEVER;
            }
        }
        if (heartbeatDeadline <= now) {
            if (heartbeatOutstanding && ++sender.errorCount > maxRetrans) {
                abortWith("peer stopped answering HEARTBEAT", false);
                return;
            }
            sendHeartbeat();
        }
        if (reconfigDeadline <= now) {
            reconfigDeadline = NEVER;
            if (pendingResetStreams != null) {
                control.add(outgoingResetChunk());
                reconfigDeadline = now + (long) sender.rto;
            }
        }
    }

    /**
     * Starts the graceful SHUTDOWN sequence once queued data is acknowledged.
     *
     * @param now current time in ms
     */
    public void shutdown(long now) {
        this.now = now;
        if (finished) {
            return;
        }
        switch (state) {
            case ESTABLISHED:
                state = SctpAssociationState.SHUTDOWN_PENDING;
                shutdownProgress();
                break;
            case CLOSED:
            case COOKIE_WAIT:
            case COOKIE_ECHOED:
                terminate(new SctpEvent.AssociationClosed());
                break;
            default:
                break;
        }
    }

    /**
     * Aborts the association with a User-Initiated Abort cause; the ABORT is the last packet
     * {@link #pollTransmit} returns.
     *
     * @param reason text sent to the peer
     * @param now    current time in ms
     */
    public void abort(String reason, long now) {
        this.now = now;
        if (!finished) {
            abortWith(reason == null ? "user abort" : reason, false);
        }
    }

    /**
     * Creates a data channel (W3C {@code createDataChannel}). In-band channels get the lowest free
     * stream id of our parity once the association is up and announce themselves with
     * DATA_CHANNEL_OPEN; negotiated ones use the given id and open with the association.
     *
     * @param label the label (at most 65535 UTF-8 bytes)
     * @param init  options, or null for a reliable ordered channel
     * @return the channel, in state CONNECTING or OPEN
     */
    public DataChannel createDataChannel(String label, DataChannelInit init) {
        DataChannelInit o = init == null ? new DataChannelInit() : init;
        String l = label == null ? "" : label;
        if (l.getBytes(StandardCharsets.UTF_8).length > 65535 || o.protocol.getBytes(StandardCharsets.UTF_8).length > 65535) {
            throw new IllegalArgumentException("label and protocol are limited to 65535 bytes");
        }
        if (o.maxRetransmits != null && o.maxPacketLifeTime != null) {
            throw new IllegalArgumentException("maxRetransmits and maxPacketLifeTime are mutually exclusive");
        }
        if (finished || state.ordinal() > SctpAssociationState.ESTABLISHED.ordinal()) {
            throw new IllegalStateException("association is " + (finished ? "closed" : "shutting down"));
        }
        int id = -1;
        if (o.negotiated) {
            id = o.id;
            if (channel(id) != null) {
                throw new IllegalArgumentException("stream id " + id + " is in use");
            }
        }
        DataChannel ch = new DataChannel(this, id, l, o.protocol, o.ordered, o.maxRetransmits, o.maxPacketLifeTime,
                o.negotiated, o.priority, false);
        if (id >= 0) {
            putChannel(id, ch);
        }
        if (state == SctpAssociationState.ESTABLISHED) {
            openLocal(ch);
        } else {
            waitingForEstablishment.add(ch);
        }
        return ch;
    }

    /** @return open or opening channels, by id */
    public List<DataChannel> channels() {
        List<DataChannel> out = new ArrayList<>();
        for (DataChannel c : channels) {
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** @return a snapshot of counters and congestion state, for getStats() and logs */
    public SctpStats stats() {
        return new SctpStats(packetsSent, packetsReceived, packetsDropped, messagesDelivered, sender.retransmissions,
                sender.cwnd, sender.ssthresh, sender.flight, sender.peerRwnd, (long) sender.srtt, (long) sender.rto,
                receiver.advertisedWindow(), receiver.heldBytes() + receiver.queuedBytes, outboundStreams, inboundStreams,
                zeroChecksumOut);
    }

    // ------------------------------------------------------------------ handshake

    private int nonZeroRandom() {
        int t;
        do {
            t = random.nextInt();
        } while (t == 0);
        return t;
    }

    private InitChunk ourInit(boolean ack, byte[] cookie, int tag, int tsn) {
        return new InitChunk(tag, receiveWindow, offeredOutbound, offeredInbound, tsn, cookie, true, true,
                offerZeroChecksum);
    }

    private byte[] packet(int vtag, byte[]... chunks) {
        int len = Chunks.COMMON_HEADER;
        for (byte[] c : chunks) {
            len += c.length;
        }
        byte[] pkt = new byte[len];
        SctpPacket.writeHeader(pkt, localPort, remotePort, vtag);
        int p = Chunks.COMMON_HEADER;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, pkt, p, c.length);
            p += c.length;
        }
        SctpPacket.storeChecksum(pkt, 0, SctpPacket.checksum(pkt, 0, len));
        return pkt;
    }

    private boolean tagAccepted(int type, int flags, int vtag) {
        switch (type) {
            case Chunks.ABORT:
            case Chunks.SHUTDOWN_COMPLETE:
                if ((flags & Chunks.FLAG_T) != 0) {
                    return peerTag != 0 && vtag == peerTag;
                }
                return localTag != 0 && vtag == localTag;
            case Chunks.COOKIE_ECHO:
                return true;
            default:
                return localTag != 0 && vtag == localTag;
        }
    }

    private void onInit(byte[] b, int off, int len) throws SctpParseException {
        InitChunk init = InitChunk.parse(b, off, len, false);
        int tag;
        int tsn;
        switch (state) {
            case CLOSED:
                // Stateless: everything goes into the cookie.
                tag = nonZeroRandom();
                tsn = random.nextInt();
                break;
            case COOKIE_WAIT:
            case COOKIE_ECHOED:
                // RFC 9260 §5.2.1 collision: answer with the tag and TSN of our own INIT.
                tag = localTag;
                tsn = localInitialTsn;
                break;
            default:
                // §5.2.2: an INIT in an established association; answering with our own tag lets a
                // peer that merely lost our INIT-ACK carry on, a restart is refused at COOKIE-ECHO.
                tag = localTag;
                tsn = localInitialTsn;
                break;
        }
        StateCookie cookie = new StateCookie(tag, tsn, init.initiateTag(), init.initialTsn(), init.aRwnd(),
                Math.min(offeredOutbound, init.inboundStreams()), Math.min(offeredInbound, init.outboundStreams()),
                init.forwardTsn(), init.reconfig(), init.zeroChecksum(), now);
        byte[] ack = ourInit(true, cookie.sign(cookieKey), tag, tsn).encode(true);
        readyPackets.add(packet(init.initiateTag(), ack));
    }

    private void onInitAck(byte[] b, int off, int len) throws SctpParseException {
        if (state != SctpAssociationState.COOKIE_WAIT) {
            return;
        }
        InitChunk ack = InitChunk.parse(b, off, len, true);
        peerTag = ack.initiateTag();
        peerInitialTsn = ack.initialTsn();
        outboundStreams = Math.min(offeredOutbound, ack.inboundStreams());
        inboundStreams = Math.min(offeredInbound, ack.outboundStreams());
        peerForwardTsn = ack.forwardTsn();
        peerReconfig = ack.reconfig();
        zeroChecksumPeer = ack.zeroChecksum();
        peerWindowAtStart = ack.aRwnd();
        t1Chunk = ChunkCodec.chunk(Chunks.COOKIE_ECHO, 0, ack.cookie());
        control.add(t1Chunk);
        state = SctpAssociationState.COOKIE_ECHOED;
        t1Rto = rtoInitial;
        t1Count = 0;
        t1Deadline = now + t1Rto;
    }

    private boolean zeroChecksumPeer;
    private long peerWindowAtStart;

    private boolean onCookieEcho(byte[] b, int off, int len, int vtag) {
        StateCookie c;
        try {
            c = StateCookie.verify(cookieKey, b, off, len, now, cookieLifetime);
        } catch (SctpParseException e) {
            packetsDropped++;
            LOG.debug("ignoring COOKIE-ECHO: {}", e.getMessage());
            return false;
        }
        if (vtag != c.localTag()) {
            packetsDropped++;
            return false;
        }
        switch (state) {
            case CLOSED:
                localTag = c.localTag();
                localInitialTsn = c.localTsn();
                establishFromCookie(c);
                break;
            case COOKIE_WAIT:
            case COOKIE_ECHOED:
                if (c.localTag() != localTag) {
                    return false;
                }
                establishFromCookie(c);
                break;
            default:
                if (c.localTag() != localTag) {
                    return false;
                }
                if (c.peerTag() != peerTag) {
                    abortWith("peer restarted the association", true);
                    return false;
                }
                control.add(ChunkCodec.chunk(Chunks.COOKIE_ACK, 0, null));
                break;
        }
        return true;
    }

    private void establishFromCookie(StateCookie c) {
        peerTag = c.peerTag();
        peerInitialTsn = c.peerTsn();
        outboundStreams = c.outboundStreams();
        inboundStreams = c.inboundStreams();
        peerForwardTsn = c.forwardTsn();
        peerReconfig = c.reconfig();
        zeroChecksumPeer = c.zeroChecksum();
        peerWindowAtStart = c.peerRwnd();
        control.addFirst(ChunkCodec.chunk(Chunks.COOKIE_ACK, 0, null));
        establish();
    }

    private void onCookieAck() {
        if (state == SctpAssociationState.COOKIE_ECHOED) {
            establish();
        }
    }

    private void establish() {
        t1Deadline = NEVER;
        t1Chunk = null;
        state = SctpAssociationState.ESTABLISHED;
        zeroChecksumOut = offerZeroChecksum && zeroChecksumPeer;
        sender.start(localInitialTsn, peerWindowAtStart);
        receiver.start(peerInitialTsn, inboundStreams);
        lastAdvertisedWindow = receiveWindow;
        outRequestSeq = localInitialTsn;
        peerRequestSeqExpected = peerInitialTsn;
        heartbeatDeadline = now + heartbeatInterval;
        events.add(new SctpEvent.AssociationEstablished());
        LOG.debug("association established, streams out {} in {}, zero checksum {}", outboundStreams, inboundStreams,
                zeroChecksumOut);
        List<DataChannel> waiting = new ArrayList<>(waitingForEstablishment);
        waitingForEstablishment.clear();
        for (DataChannel ch : waiting) {
            if (ch.state == DataChannelState.CONNECTING) {
                openLocal(ch);
            }
        }
    }

    private boolean receiverStarted() {
        return state.ordinal() >= SctpAssociationState.ESTABLISHED.ordinal();
    }

    private boolean isEstablishedOrShuttingDown() {
        return state.ordinal() >= SctpAssociationState.ESTABLISHED.ordinal();
    }

    private boolean acceptsData() {
        return state == SctpAssociationState.ESTABLISHED || state == SctpAssociationState.SHUTDOWN_PENDING
                || state == SctpAssociationState.SHUTDOWN_SENT;
    }

    private boolean sendsData() {
        return state == SctpAssociationState.ESTABLISHED || state == SctpAssociationState.SHUTDOWN_PENDING
                || state == SctpAssociationState.SHUTDOWN_RECEIVED;
    }

    // ------------------------------------------------------------------ data path

    private void onData(byte[] b, int off, int len, int flags) {
        int r = receiver.onData(b, off, len, flags);
        if (r == DataReceiver.INVALID_STREAM) {
            byte[] info = new byte[4];
            Bytes.put16(info, 0, Bytes.u16(b, off + 4));
            control.add(ChunkCodec.chunk(Chunks.ERROR, 0, ChunkCodec.errorCause(Chunks.CAUSE_INVALID_STREAM, info)));
        } else if (r == DataReceiver.OVERRUN) {
            abortWith("receive buffer overrun: message beyond max-message-size " + maxMessageSize, false);
        }
    }

    private void onSack(byte[] b, int off) {
        int r = sender.onSack(b, off, now);
        if (r == DataSender.SACK_VIOLATION) {
            abortWith("SACK acknowledges TSN " + Integer.toUnsignedString(Bytes.i32(b, off)) + " that was never sent",
                    true);
        } else if (r == DataSender.SACK_OK && sender.forwardTsnNeeded) {
            forwardTsnDue = true;
        }
    }

    private void deliver(int stream, int ppid, byte[] data, boolean unordered) {
        messagesDelivered++;
        DataChannel ch = channel(stream);
        if (ppid == Dcep.PPID_DCEP) {
            onDcep(stream, ch, data);
            return;
        }
        if (ch == null || ch.state == DataChannelState.CLOSED) {
            LOG.debug("dropping message on stream {} without a channel", stream);
            return;
        }
        boolean binary;
        byte[] payload = data;
        switch (ppid) {
            case Dcep.PPID_STRING:
            case Dcep.PPID_STRING_PARTIAL:
                binary = false;
                break;
            case Dcep.PPID_STRING_EMPTY:
                binary = false;
                payload = new byte[0];
                break;
            case Dcep.PPID_BINARY_EMPTY:
                binary = true;
                payload = new byte[0];
                break;
            default:
                binary = true;
                break;
        }
        ch.messagesReceived++;
        receiver.queuedBytes += payload.length;
        events.add(new SctpEvent.ChannelMessage(ch, payload, binary));
    }

    private void onBufferedDecrease(int stream, int bytes) {
        DataChannel ch = channel(stream);
        if (ch == null) {
            return;
        }
        long before = ch.bufferedAmount;
        ch.bufferedAmount = Math.max(0, before - bytes);
        if (before > ch.bufferedAmountLowThreshold() && ch.bufferedAmount <= ch.bufferedAmountLowThreshold()) {
            events.add(new SctpEvent.BufferedAmountLow(ch));
        }
    }

    void sendOnChannel(DataChannel ch, byte[] data, boolean binary) {
        if (ch.state != DataChannelState.OPEN) {
            throw new IllegalStateException("data channel " + ch.label() + " is " + ch.state.w3c() + ", not open");
        }
        if (state != SctpAssociationState.ESTABLISHED) {
            throw new IllegalStateException("association is " + state + ", no new data accepted");
        }
        long limit = maxSendMessageSize();
        if (data.length > limit) {
            throw new MessageTooLargeException(data.length, limit);
        }
        int ppid;
        byte[] payload = data;
        if (data.length == 0) {
            ppid = binary ? Dcep.PPID_BINARY_EMPTY : Dcep.PPID_STRING_EMPTY;
            payload = new byte[1];
        } else {
            ppid = binary ? Dcep.PPID_BINARY : Dcep.PPID_STRING;
        }
        // Until the peer's DATA_CHANNEL_ACK arrives, send ordered so nothing overtakes the OPEN.
        boolean unordered = !ch.ordered() && ch.ackReceived;
        int maxRtx = ch.maxRetransmits() != null ? ch.maxRetransmits() : -1;
        long expires = ch.maxPacketLifeTime() != null ? now + ch.maxPacketLifeTime() : Long.MAX_VALUE;
        ch.bufferedAmount += data.length;
        ch.messagesSent++;
        sender.enqueue(new OutMessage(ch.id, ppid, payload, unordered, maxRtx, expires, data.length));
    }

    // ------------------------------------------------------------------ DCEP and channels

    private DataChannel channel(int id) {
        return id >= 0 && id < channels.length ? channels[id] : null;
    }

    private void putChannel(int id, DataChannel ch) {
        if (id >= channels.length) {
            int n = channels.length;
            while (n <= id) {
                n <<= 1;
            }
            channels = Arrays.copyOf(channels, n);
        }
        channels[id] = ch;
    }

    private int allocateId() {
        int limit = Math.min(outboundStreams, inboundStreams);
        int parity = dtlsClient ? 0 : 1;
        for (int pass = 0; pass < 2; pass++) {
            int start = pass == 0 ? nextChannelIdHint : parity;
            for (int id = start; id < limit; id += 2) {
                if (channel(id) == null && !resetQueue.contains(id) && !inPendingReset(id)) {
                    nextChannelIdHint = id + 2;
                    return id;
                }
            }
        }
        return -1;
    }

    private boolean inPendingReset(int id) {
        if (pendingResetStreams != null) {
            for (int s : pendingResetStreams) {
                if (s == id) {
                    return true;
                }
            }
        }
        return false;
    }

    private void openLocal(DataChannel ch) {
        if (ch.id < 0) {
            ch.id = allocateId();
            if (ch.id < 0) {
                ch.state = DataChannelState.CLOSED;
                events.add(new SctpEvent.ChannelClosed(ch));
                LOG.warn("no free stream id for data channel '{}'", ch.label());
                return;
            }
            putChannel(ch.id, ch);
        } else if (ch.id >= Math.min(outboundStreams, inboundStreams)) {
            channels[ch.id] = null;
            ch.state = DataChannelState.CLOSED;
            events.add(new SctpEvent.ChannelClosed(ch));
            LOG.warn("stream id {} beyond the negotiated stream count", ch.id);
            return;
        }
        if (!ch.negotiated()) {
            byte[] open = Dcep.encodeOpen(ch.ordered(), ch.maxRetransmits(), ch.maxPacketLifeTime(), ch.priority(),
                    ch.label(), ch.protocol());
            sender.enqueue(new OutMessage(ch.id, Dcep.PPID_DCEP, open, false, -1, Long.MAX_VALUE, 0));
        }
        ch.state = DataChannelState.OPEN;
        events.add(new SctpEvent.ChannelOpen(ch, false));
    }

    private void onDcep(int stream, DataChannel ch, byte[] m) {
        if (m.length == 0) {
            return;
        }
        int type = m[0] & 0xff;
        if (type == Dcep.DATA_CHANNEL_ACK) {
            if (ch != null) {
                ch.ackReceived = true;
            }
            return;
        }
        if (type != Dcep.DATA_CHANNEL_OPEN) {
            LOG.debug("unknown DCEP message type {} on stream {}", type, stream);
            return;
        }
        Dcep.Open open;
        try {
            open = Dcep.parseOpen(m);
        } catch (SctpParseException e) {
            LOG.debug("bad DATA_CHANNEL_OPEN on stream {}: {}", stream, e.getMessage());
            return;
        }
        if (ch != null) {
            LOG.debug("DATA_CHANNEL_OPEN for stream {} already in use", stream);
            return;
        }
        if (stream >= outboundStreams) {
            return;
        }
        DataChannel created = new DataChannel(this, stream, open.label(), open.protocol(), open.ordered(),
                open.maxRetransmits(), open.maxPacketLifeTime(), false, open.priority(), true);
        created.state = DataChannelState.OPEN;
        putChannel(stream, created);
        sender.enqueue(new OutMessage(stream, Dcep.PPID_DCEP, new byte[] {(byte) Dcep.DATA_CHANNEL_ACK}, false, -1,
                Long.MAX_VALUE, 0));
        events.add(new SctpEvent.ChannelOpen(created, true));
    }

    void closeChannel(DataChannel ch) {
        if (ch.state == DataChannelState.CLOSING || ch.state == DataChannelState.CLOSED) {
            return;
        }
        if (ch.id < 0 || !isEstablishedOrShuttingDown() || finished) {
            waitingForEstablishment.remove(ch);
            if (ch.id >= 0 && channel(ch.id) == ch) {
                channels[ch.id] = null;
            }
            ch.state = DataChannelState.CLOSED;
            events.add(new SctpEvent.ChannelClosed(ch));
            return;
        }
        ch.state = DataChannelState.CLOSING;
        requestOutgoingReset(ch);
    }

    private void requestOutgoingReset(DataChannel ch) {
        if (!ch.outgoingResetRequested) {
            ch.outgoingResetRequested = true;
            resetQueue.add(ch.id);
        }
    }

    private void onOutgoingResetDone(int stream) {
        sender.resetStreamSsn(stream);
        DataChannel ch = channel(stream);
        if (ch != null) {
            ch.outgoingReset = true;
            maybeClosed(ch);
        }
    }

    private void onIncomingReset(int stream) {
        DataChannel ch = channel(stream);
        if (ch == null) {
            return;
        }
        ch.incomingReset = true;
        if (ch.state == DataChannelState.OPEN || ch.state == DataChannelState.CONNECTING) {
            ch.state = DataChannelState.CLOSING;
            events.add(new SctpEvent.ChannelClosing(ch));
        }
        requestOutgoingReset(ch);
        maybeClosed(ch);
    }

    private void maybeClosed(DataChannel ch) {
        if (ch.outgoingReset && ch.incomingReset && ch.state != DataChannelState.CLOSED) {
            ch.state = DataChannelState.CLOSED;
            if (channel(ch.id) == ch) {
                channels[ch.id] = null;
            }
            events.add(new SctpEvent.ChannelClosed(ch));
        }
    }

    // ------------------------------------------------------------------ stream reset (RFC 6525)

    private void maybeSendReconfig() {
        if (pendingResetStreams != null || resetQueue.isEmpty()) {
            return;
        }
        if (!peerReconfig) {
            // The peer cannot reset streams: close the channels locally.
            List<Integer> ids = new ArrayList<>(resetQueue);
            resetQueue.clear();
            for (int id : ids) {
                DataChannel ch = channel(id);
                if (ch != null) {
                    ch.outgoingReset = true;
                    ch.incomingReset = true;
                    maybeClosed(ch);
                }
            }
            return;
        }
        int max = Math.min(256, (mtu - 64) / 2);
        List<Integer> ready = new ArrayList<>();
        for (int id : resetQueue) {
            if (sender.streamDrained(id)) {
                ready.add(id);
                if (ready.size() == max) {
                    break;
                }
            }
        }
        if (ready.isEmpty()) {
            return;
        }
        resetQueue.removeAll(ready);
        pendingResetStreams = ready.stream().mapToInt(Integer::intValue).toArray();
        pendingResetLastTsn = sender.lastAssignedTsn();
        control.add(outgoingResetChunk());
        reconfigDeadline = now + (long) sender.rto;
    }

    private byte[] outgoingResetChunk() {
        int n = pendingResetStreams.length;
        byte[] param = new byte[Bytes.pad4(16 + 2 * n)];
        Bytes.put16(param, 0, Chunks.PARAM_OUTGOING_RESET);
        Bytes.put16(param, 2, 16 + 2 * n);
        Bytes.put32(param, 4, outRequestSeq);
        Bytes.put32(param, 8, peerRequestSeqExpected - 1);
        Bytes.put32(param, 12, pendingResetLastTsn);
        for (int i = 0; i < n; i++) {
            Bytes.put16(param, 16 + 2 * i, pendingResetStreams[i]);
        }
        return ChunkCodec.chunk(Chunks.RE_CONFIG, 0, param);
    }

    private void onReconfig(byte[] b, int off, int len) throws SctpParseException {
        Tlv t = new Tlv(b, off, len);
        while (t.next()) {
            int v = t.valueOff;
            switch (t.type) {
                case Chunks.PARAM_OUTGOING_RESET: {
                    int seq = Bytes.i32(b, v);
                    int lastTsn = Bytes.i32(b, v + 8);
                    int n = (t.valueLen - 12) / 2;
                    int result;
                    if (seq == peerRequestSeqExpected) {
                        if (Bytes.tsnLe(lastTsn, receiver.cumulativeTsn())) {
                            for (int i = 0; i < n; i++) {
                                int s = Bytes.u16(b, v + 12 + 2 * i);
                                receiver.resetStream(s);
                                onIncomingReset(s);
                            }
                            result = Chunks.RESULT_PERFORMED;
                            peerRequestSeqExpected++;
                            lastResponseResult = result;
                        } else {
                            result = Chunks.RESULT_IN_PROGRESS;
                        }
                    } else if (seq == peerRequestSeqExpected - 1) {
                        result = lastResponseResult;
                    } else {
                        result = Chunks.RESULT_BAD_SEQUENCE;
                    }
                    control.add(reconfigResponse(seq, result));
                    break;
                }
                case Chunks.PARAM_INCOMING_RESET: {
                    int seq = Bytes.i32(b, v);
                    int n = (t.valueLen - 4) / 2;
                    int result;
                    if (seq == peerRequestSeqExpected) {
                        for (int i = 0; i < n; i++) {
                            DataChannel ch = channel(Bytes.u16(b, v + 4 + 2 * i));
                            if (ch != null) {
                                if (ch.state == DataChannelState.OPEN) {
                                    ch.state = DataChannelState.CLOSING;
                                    events.add(new SctpEvent.ChannelClosing(ch));
                                }
                                requestOutgoingReset(ch);
                            }
                        }
                        result = Chunks.RESULT_PERFORMED;
                        peerRequestSeqExpected++;
                        lastResponseResult = result;
                    } else if (seq == peerRequestSeqExpected - 1) {
                        result = lastResponseResult;
                    } else {
                        result = Chunks.RESULT_BAD_SEQUENCE;
                    }
                    control.add(reconfigResponse(seq, result));
                    break;
                }
                case Chunks.PARAM_RECONFIG_RESPONSE: {
                    int seq = Bytes.i32(b, v);
                    int result = Bytes.i32(b, v + 4);
                    if (pendingResetStreams == null || seq != outRequestSeq) {
                        break;
                    }
                    if (result == Chunks.RESULT_IN_PROGRESS) {
                        reconfigDeadline = now + (long) sender.rto;
                        break;
                    }
                    int[] done = pendingResetStreams;
                    pendingResetStreams = null;
                    reconfigDeadline = NEVER;
                    outRequestSeq++;
                    if (result != Chunks.RESULT_PERFORMED && result != Chunks.RESULT_NOTHING_TO_DO) {
                        LOG.warn("peer refused stream reset (result {}); closing the channels anyway", result);
                    }
                    for (int s : done) {
                        onOutgoingResetDone(s);
                    }
                    break;
                }
                default:
                    break;
            }
        }
    }

    private static byte[] reconfigResponse(int seq, int result) {
        byte[] param = new byte[12];
        Bytes.put16(param, 0, Chunks.PARAM_RECONFIG_RESPONSE);
        Bytes.put16(param, 2, 12);
        Bytes.put32(param, 4, seq);
        Bytes.put32(param, 8, result);
        return ChunkCodec.chunk(Chunks.RE_CONFIG, 0, param);
    }

    // ------------------------------------------------------------------ heartbeat, shutdown, abort

    private void sendHeartbeat() {
        heartbeatNonce = random.nextLong();
        byte[] info = new byte[20];
        Bytes.put16(info, 0, Chunks.PARAM_HEARTBEAT_INFO);
        Bytes.put16(info, 2, 20);
        Bytes.put64(info, 4, heartbeatNonce);
        Bytes.put64(info, 12, now);
        control.add(ChunkCodec.chunk(Chunks.HEARTBEAT, 0, info));
        heartbeatOutstanding = true;
        heartbeatDeadline = now + heartbeatInterval + (long) sender.rto;
    }

    private void onHeartbeatAck(byte[] b, int off, int len) {
        if (len >= 20 && Bytes.u16(b, off) == Chunks.PARAM_HEARTBEAT_INFO && Bytes.i64(b, off + 4) == heartbeatNonce
                && heartbeatOutstanding) {
            heartbeatOutstanding = false;
            // A live path does not excuse data the peer never acknowledges: only clear the error
            // count when no data is outstanding, so a peer that answers HEARTBEATs but not DATA
            // still fails the association instead of leaving it stuck.
            if (!sender.outstanding()) {
                sender.errorCount = 0;
            }
            sender.heartbeatRtt(now - Bytes.i64(b, off + 12));
        }
    }

    private void onShutdown(byte[] b, int off) {
        if (!isEstablishedOrShuttingDown()) {
            return;
        }
        // The SHUTDOWN's cumulative TSN ack works like a SACK without gaps.
        byte[] sack = new byte[12];
        Bytes.put32(sack, 0, Bytes.i32(b, off));
        Bytes.put32(sack, 4, (int) Math.min(0xffffffffL, sender.peerRwnd + sender.flight));
        if (sender.onSack(sack, 0, now) == DataSender.SACK_VIOLATION) {
            abortWith("SHUTDOWN acknowledges data that was never sent", true);
            return;
        }
        switch (state) {
            case ESTABLISHED:
            case SHUTDOWN_PENDING:
                state = SctpAssociationState.SHUTDOWN_RECEIVED;
                shutdownProgress();
                break;
            case SHUTDOWN_SENT:
                control.add(ChunkCodec.chunk(Chunks.SHUTDOWN_ACK, 0, null));
                state = SctpAssociationState.SHUTDOWN_ACK_SENT;
                t2Count = 0;
                t2Deadline = now + (long) sender.rto;
                break;
            default:
                break;
        }
    }

    private void onShutdownAck() {
        if (state == SctpAssociationState.SHUTDOWN_SENT || state == SctpAssociationState.SHUTDOWN_ACK_SENT) {
            readyPackets.add(packet(peerTag, ChunkCodec.chunk(Chunks.SHUTDOWN_COMPLETE, 0, null)));
            terminate(new SctpEvent.AssociationClosed());
        }
    }

    private void shutdownProgress() {
        if (!sender.allAcked()) {
            return;
        }
        if (state == SctpAssociationState.SHUTDOWN_PENDING) {
            state = SctpAssociationState.SHUTDOWN_SENT;
            control.add(ChunkCodec.shutdown(receiver.cumulativeTsn()));
            t2Count = 0;
            t2Deadline = now + (long) sender.rto;
        } else if (state == SctpAssociationState.SHUTDOWN_RECEIVED) {
            state = SctpAssociationState.SHUTDOWN_ACK_SENT;
            control.add(ChunkCodec.chunk(Chunks.SHUTDOWN_ACK, 0, null));
            t2Count = 0;
            t2Deadline = now + (long) sender.rto;
        }
    }

    private void abortWith(String reason, boolean protocolViolation) {
        if (peerTag != 0) {
            byte[] abort = ChunkCodec.abort(protocolViolation ? Chunks.CAUSE_PROTOCOL_VIOLATION : Chunks.CAUSE_USER_ABORT,
                    reason, false);
            readyPackets.add(packet(peerTag, abort));
        }
        terminate(new SctpEvent.AssociationAborted(reason, false));
    }

    private void terminate(SctpEvent why) {
        if (finished) {
            return;
        }
        finished = true;
        state = SctpAssociationState.CLOSED;
        t1Deadline = NEVER;
        t2Deadline = NEVER;
        sackDeadline = NEVER;
        heartbeatDeadline = NEVER;
        reconfigDeadline = NEVER;
        control.clear();
        sender.clear();
        for (DataChannel ch : waitingForEstablishment) {
            ch.state = DataChannelState.CLOSED;
            events.add(new SctpEvent.ChannelClosed(ch));
        }
        waitingForEstablishment.clear();
        for (int i = 0; i < channels.length; i++) {
            DataChannel ch = channels[i];
            if (ch != null) {
                channels[i] = null;
                if (ch.state != DataChannelState.CLOSED) {
                    ch.state = DataChannelState.CLOSED;
                    events.add(new SctpEvent.ChannelClosed(ch));
                }
            }
        }
        events.add(why);
        LOG.debug("association ended: {}", why);
    }
}
