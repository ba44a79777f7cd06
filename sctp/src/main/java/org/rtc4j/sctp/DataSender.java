package org.rtc4j.sctp;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Send side of an association: per-stream queues served round robin, fragmentation, the
 * retransmission queue, SACK processing (cumulative and gap acks, HTNA miss indications, fast
 * retransmit and recovery), congestion control (RFC 9260 §7), RTO per RFC 6298 with Karn's rule,
 * T3-rtx, and partial reliability (RFC 3758) with FORWARD-TSN.
 */
final class DataSender {
    /** Told when bytes leave the send buffer (for bufferedAmount). */
    interface Listener {
        void onBufferedDecrease(int stream, int bytes);
    }

    private static final class OutStream {
        final ArrayDeque<OutMessage> queue = new ArrayDeque<>();
        int nextSsn;
        boolean scheduled;
    }

    private final Listener listener;
    private final int mtu;
    private final int maxFragment;
    private final long rtoMin;
    private final long rtoMax;

    private OutStream[] streams = new OutStream[16];
    private final ArrayDeque<OutStream> roundRobin = new ArrayDeque<>();

    private OutChunk[] ring = new OutChunk[256];
    private int head;
    private int size;
    private final ArrayDeque<OutChunk> pool = new ArrayDeque<>();

    int nextTsn;
    int cumAck;
    int ackPoint;
    /** TSN of the first chunk not yet transmitted (== nextTsn when all assigned chunks went out). */
    private int nextUnsent;
    long flight;
    long cwnd;
    long ssthresh;
    private long partialBytesAcked;
    long peerRwnd;
    boolean fastRecovery;
    private int recoverTsn;
    private boolean bypassCwndOnce;
    int lostCount;

    private boolean hasRtt;
    private double minRtt = Double.MAX_VALUE;
    double srtt;
    private double rttvar;
    double rto;
    private boolean rttTiming;
    private int rttTsn;
    private long rttSentAt;

    long t3Deadline = Long.MAX_VALUE;
    int errorCount;
    boolean forwardTsnNeeded;
    long queuedBytes;
    long retransmissions;

    DataSender(Listener listener, int mtu, long rtoInitial, long rtoMin, long rtoMax) {
        this.listener = listener;
        this.mtu = mtu;
        this.maxFragment = mtu - Chunks.COMMON_HEADER - Chunks.DATA_HEADER;
        this.rto = rtoInitial;
        this.rtoMin = rtoMin;
        this.rtoMax = rtoMax;
        this.cwnd = Math.min(4L * mtu, Math.max(2L * mtu, 4404));
    }

    void start(int initialTsn, long peerWindow) {
        nextTsn = initialTsn;
        nextUnsent = initialTsn;
        cumAck = initialTsn - 1;
        ackPoint = cumAck;
        peerRwnd = peerWindow;
        ssthresh = peerWindow;
    }

    int maxFragment() {
        return maxFragment;
    }

    private OutStream out(int id) {
        if (id >= streams.length) {
            int n = streams.length;
            while (n <= id) {
                n <<= 1;
            }
            streams = java.util.Arrays.copyOf(streams, n);
        }
        OutStream s = streams[id];
        if (s == null) {
            s = new OutStream();
            streams[id] = s;
        }
        return s;
    }

    void enqueue(OutMessage m) {
        OutStream s = out(m.stream);
        s.queue.addLast(m);
        queuedBytes += m.data.length;
        if (!s.scheduled) {
            s.scheduled = true;
            roundRobin.addLast(s);
        }
    }

    /** True when the stream has no message waiting for a TSN. */
    boolean streamDrained(int id) {
        return id >= streams.length || streams[id] == null || streams[id].queue.isEmpty();
    }

    /** RFC 6525: after a successful outgoing reset the stream's SSNs restart at 0. */
    void resetStreamSsn(int id) {
        out(id).nextSsn = 0;
    }

    int lastAssignedTsn() {
        return nextTsn - 1;
    }

    boolean hasPendingData() {
        return lostCount > 0 || nextUnsent != nextTsn || !roundRobin.isEmpty();
    }

    boolean allAcked() {
        return size == 0 && roundRobin.isEmpty();
    }

    boolean outstanding() {
        return size > 0;
    }

    private OutChunk at(int i) {
        return ring[(head + i) & (ring.length - 1)];
    }

    private OutChunk chunk(int tsn) {
        int i = tsn - (cumAck + 1);
        return i >= 0 && i < size ? at(i) : null;
    }

    private void push(OutChunk c) {
        if (size == ring.length) {
            OutChunk[] n = new OutChunk[ring.length * 2];
            for (int i = 0; i < size; i++) {
                n[i] = at(i);
            }
            ring = n;
            head = 0;
        }
        ring[(head + size) & (ring.length - 1)] = c;
        size++;
    }

    private boolean canSend(int len) {
        return flight < cwnd && (peerRwnd >= len || flight == 0);
    }

    private static boolean expired(OutMessage m, long now) {
        return m.expiresAt != Long.MAX_VALUE && now >= m.expiresAt;
    }

    /**
     * Picks the DATA chunks for one packet: retransmissions first, then new data, within cwnd
     * and the peer's window.
     *
     * @return number of chunks placed in {@code out}
     */
    int collect(long now, int room, OutChunk[] out) {
        int n = 0;
        int used = 0;
        if (lostCount > 0) {
            for (int i = 0; i < size && lostCount > 0; i++) {
                OutChunk c = at(i);
                if (c.state != OutChunk.LOST) {
                    continue;
                }
                OutMessage m = c.msg;
                if ((m.maxRetransmits >= 0 && c.sends > m.maxRetransmits) || expired(m, now)) {
                    abandon(m);
                    continue;
                }
                int sz = Chunks.DATA_HEADER + Bytes.pad4(c.len);
                if (used + sz > room) {
                    return n;
                }
                if (!canSend(c.len)) {
                    if (!(bypassCwndOnce && n == 0)) {
                        return n;
                    }
                    // Fast retransmit may send one packet regardless of cwnd (RFC 9260 §7.2.4), once.
                    bypassCwndOnce = false;
                }
                c.state = OutChunk.IN_FLIGHT;
                c.sends++;
                c.sentAt = now;
                flight += c.len;
                peerRwnd = Math.max(0, peerRwnd - c.len);
                lostCount--;
                retransmissions++;
                if (c.tsn == cumAck + 1) {
                    // RFC 9260 §7.2.4 (4): retransmitting the first outstanding chunk restarts T3.
                    t3Deadline = now + (long) rto;
                }
                if (rttTiming && rttTsn == c.tsn) {
                    rttTiming = false;
                }
                out[n++] = c;
                used += sz;
            }
        }
        while (n < out.length) {
            if (nextUnsent == nextTsn && !assignNext(now)) {
                break;
            }
            OutChunk c = chunk(nextUnsent);
            if (c == null) {
                break;
            }
            if (c.state == OutChunk.ABANDONED) {
                nextUnsent++;
                continue;
            }
            int sz = Chunks.DATA_HEADER + Bytes.pad4(c.len);
            if (used + sz > room || !canSend(c.len)) {
                break;
            }
            c.state = OutChunk.IN_FLIGHT;
            c.sends = 1;
            c.sentAt = now;
            flight += c.len;
            peerRwnd = Math.max(0, peerRwnd - c.len);
            OutMessage m = c.msg;
            if (m.accountRemaining > 0) {
                int d = Math.min(m.accountRemaining, c.len);
                m.accountRemaining -= d;
                listener.onBufferedDecrease(m.stream, d);
            }
            if (!rttTiming) {
                rttTiming = true;
                rttTsn = c.tsn;
                rttSentAt = now;
            }
            nextUnsent++;
            out[n++] = c;
            used += sz;
        }
        if (n > 0 && t3Deadline == Long.MAX_VALUE) {
            t3Deadline = now + (long) rto;
        }
        return n;
    }

    /** Takes the next message round robin across streams and gives all its fragments TSNs. */
    private boolean assignNext(long now) {
        while (!roundRobin.isEmpty()) {
            OutStream s = roundRobin.pollFirst();
            OutMessage m = s.queue.pollFirst();
            if (s.queue.isEmpty()) {
                s.scheduled = false;
            } else {
                roundRobin.addLast(s);
            }
            queuedBytes -= m.data.length;
            if (expired(m, now)) {
                // Never sent, so no TSN to skip: drop it quietly.
                m.abandoned = true;
                if (m.accountRemaining > 0) {
                    listener.onBufferedDecrease(m.stream, m.accountRemaining);
                    m.accountRemaining = 0;
                }
                continue;
            }
            if (!m.unordered) {
                m.ssn = s.nextSsn;
                s.nextSsn = (s.nextSsn + 1) & 0xffff;
            }
            int len = m.data.length;
            int frags = Math.max(1, (len + maxFragment - 1) / maxFragment);
            m.firstTsn = nextTsn;
            m.assigned = true;
            for (int i = 0; i < frags; i++) {
                OutChunk c = pool.isEmpty() ? new OutChunk() : pool.pollFirst();
                c.tsn = nextTsn++;
                c.msg = m;
                c.off = i * maxFragment;
                c.len = Math.min(maxFragment, len - c.off);
                c.flags = (i == 0 ? Chunks.FLAG_BEGIN : 0) | (i == frags - 1 ? Chunks.FLAG_END : 0)
                        | (m.unordered ? Chunks.FLAG_UNORDERED : 0);
                c.state = OutChunk.UNSENT;
                push(c);
            }
            m.lastTsn = nextTsn - 1;
            return true;
        }
        return false;
    }

    /** Writes a DATA chunk for {@code c} at {@code p}; returns the padded size. */
    static int writeData(byte[] buf, int p, OutChunk c) {
        OutMessage m = c.msg;
        buf[p] = (byte) Chunks.DATA;
        buf[p + 1] = (byte) c.flags;
        Bytes.put16(buf, p + 2, Chunks.DATA_HEADER + c.len);
        Bytes.put32(buf, p + 4, c.tsn);
        Bytes.put16(buf, p + 8, m.stream);
        Bytes.put16(buf, p + 10, m.unordered ? 0 : m.ssn);
        Bytes.put32(buf, p + 12, m.ppid);
        System.arraycopy(m.data, c.off, buf, p + 16, c.len);
        int padded = Chunks.DATA_HEADER + Bytes.pad4(c.len);
        for (int i = p + Chunks.DATA_HEADER + c.len; i < p + padded; i++) {
            buf[i] = 0;
        }
        return padded;
    }

    private void abandon(OutMessage m) {
        if (m.abandoned) {
            return;
        }
        m.abandoned = true;
        for (int t = m.firstTsn; Bytes.tsnLe(t, m.lastTsn); t++) {
            OutChunk c = chunk(t);
            if (c == null) {
                continue;
            }
            switch (c.state) {
                case OutChunk.IN_FLIGHT:
                    flight -= c.len;
                    c.state = OutChunk.ABANDONED;
                    break;
                case OutChunk.LOST:
                    lostCount--;
                    c.state = OutChunk.ABANDONED;
                    break;
                case OutChunk.UNSENT:
                    c.state = OutChunk.ABANDONED;
                    break;
                default:
                    break;
            }
        }
        if (m.accountRemaining > 0) {
            listener.onBufferedDecrease(m.stream, m.accountRemaining);
            m.accountRemaining = 0;
        }
        if (Bytes.tsnLe(nextUnsent, m.lastTsn) && Bytes.tsnLe(m.firstTsn, nextUnsent)) {
            nextUnsent = m.lastTsn + 1;
        }
        advanceAckPoint();
    }

    private void advanceAckPoint() {
        if (Bytes.tsnLt(ackPoint, cumAck)) {
            ackPoint = cumAck;
        }
        while (true) {
            OutChunk c = chunk(ackPoint + 1);
            if (c == null || (c.state != OutChunk.ABANDONED && c.state != OutChunk.ACKED)) {
                break;
            }
            ackPoint++;
        }
        // Only abandoned data needs a FORWARD-TSN; gap-acked chunks alone do not.
        forwardTsnNeeded = false;
        for (int t = cumAck + 1; Bytes.tsnLe(t, ackPoint); t++) {
            if (chunk(t).state == OutChunk.ABANDONED) {
                forwardTsnNeeded = true;
                break;
            }
        }
    }

    /**
     * Encodes a FORWARD-TSN chunk for the current Advanced.Peer.Ack.Point, listing the highest
     * abandoned SSN of each ordered stream.
     */
    byte[] forwardTsnChunk() {
        Map<Integer, Integer> ssns = new LinkedHashMap<>();
        for (int t = cumAck + 1; Bytes.tsnLe(t, ackPoint); t++) {
            OutChunk c = chunk(t);
            if (c.state == OutChunk.ABANDONED && !c.msg.unordered) {
                ssns.put(c.msg.stream, c.msg.ssn);
            }
        }
        int entries = Math.min(ssns.size(), (mtu - 64) / 4);
        byte[] v = new byte[4 + 4 * entries];
        Bytes.put32(v, 0, ackPoint);
        int p = 4;
        for (Map.Entry<Integer, Integer> e : ssns.entrySet()) {
            if (p >= v.length) {
                break;
            }
            Bytes.put16(v, p, e.getKey());
            Bytes.put16(v, p + 2, e.getValue());
            p += 4;
        }
        return ChunkCodec.chunk(Chunks.FORWARD_TSN, 0, v);
    }

    private void rttSample(long r) {
        double m = Math.max(0, r);
        // HyStart-style delay check: a rising RTT during slow start means a queue is building
        // at the bottleneck; leave slow start before it overflows and drops a whole window.
        if (m < minRtt) {
            minRtt = m;
        }
        if (cwnd <= ssthresh && cwnd >= 16L * mtu
                && m > minRtt + Math.min(16, Math.max(4, minRtt / 8))) {
            ssthresh = cwnd;
        }
        if (!hasRtt) {
            srtt = m;
            rttvar = m / 2;
            hasRtt = true;
        } else {
            rttvar = 0.75 * rttvar + 0.25 * Math.abs(srtt - m);
            srtt = 0.875 * srtt + 0.125 * m;
        }
        rto = Math.min(rtoMax, Math.max(rtoMin, srtt + Math.max(1, 4 * rttvar)));
    }

    /** An RTT measured outside the data path (HEARTBEAT-ACK). */
    void heartbeatRtt(long r) {
        rttSample(r);
    }

    /**
     * Processes a SACK chunk value in place (already length-checked).
     *
     * @return {@link #SACK_OK}, {@link #SACK_STALE} (older than what we know, ignored) or
     *         {@link #SACK_VIOLATION} (acknowledges data never sent)
     */
    int onSack(byte[] b, int off, long now) {
        int cumTsnAck = Bytes.i32(b, off);
        long aRwnd = Bytes.u32(b, off + 4);
        int gaps = Bytes.u16(b, off + 8);
        if (Bytes.tsnLt(cumTsnAck, cumAck)) {
            return SACK_STALE;
        }
        if (!Bytes.tsnLt(cumTsnAck, nextUnsent)) {
            return SACK_VIOLATION;
        }
        long flightBefore = flight;
        long bytesAcked = 0;
        boolean cumAdvanced = cumTsnAck != cumAck;
        boolean newlyAcked = cumAdvanced;
        int htna = cumTsnAck;
        while (cumAck != cumTsnAck) {
            OutChunk c = at(0);
            switch (c.state) {
                case OutChunk.IN_FLIGHT:
                    flight -= c.len;
                    bytesAcked += c.len;
                    break;
                case OutChunk.LOST:
                    lostCount--;
                    bytesAcked += c.len;
                    break;
                default:
                    break;
            }
            if (rttTiming && rttTsn == c.tsn) {
                rttTiming = false;
                rttSample(now - rttSentAt);
            }
            ring[head] = null;
            head = (head + 1) & (ring.length - 1);
            size--;
            c.clear();
            pool.addLast(c);
            cumAck++;
        }
        for (int g = 0; g < gaps; g++) {
            int start = Bytes.u16(b, off + 12 + 4 * g);
            int end = Bytes.u16(b, off + 14 + 4 * g);
            if (start == 0 || end < start) {
                continue;
            }
            for (int d = start; d <= end && d <= size; d++) {
                OutChunk c = at(d - 1);
                if (c.state == OutChunk.IN_FLIGHT || c.state == OutChunk.LOST) {
                    if (c.state == OutChunk.IN_FLIGHT) {
                        flight -= c.len;
                    } else {
                        lostCount--;
                    }
                    c.state = OutChunk.ACKED;
                    bytesAcked += c.len;
                    newlyAcked = true;
                    if (Bytes.tsnLt(htna, c.tsn)) {
                        htna = c.tsn;
                    }
                    if (rttTiming && rttTsn == c.tsn) {
                        rttTiming = false;
                        rttSample(now - rttSentAt);
                    }
                }
            }
        }
        if (gaps > 0) {
            boolean lossDetected = false;
            for (int i = 0; i < size; i++) {
                OutChunk c = at(i);
                if (!Bytes.tsnLt(c.tsn, htna)) {
                    break;
                }
                if (c.state == OutChunk.IN_FLIGHT && !c.fastRetransmitted) {
                    if (++c.misses >= 3) {
                        c.fastRetransmitted = true;
                        c.state = OutChunk.LOST;
                        flight -= c.len;
                        lostCount++;
                        lossDetected = true;
                    }
                }
            }
            if (lossDetected && !fastRecovery) {
                ssthresh = Math.max(cwnd / 2, 4L * mtu);
                cwnd = ssthresh;
                partialBytesAcked = 0;
                fastRecovery = true;
                recoverTsn = nextUnsent - 1;
                bypassCwndOnce = true;
            }
        }
        if (fastRecovery && Bytes.tsnLe(recoverTsn, cumAck)) {
            fastRecovery = false;
        }
        if (cumAdvanced && bytesAcked > 0 && !fastRecovery) {
            if (cwnd <= ssthresh) {
                cwnd += Math.min(bytesAcked, mtu);
            } else {
                partialBytesAcked += bytesAcked;
                if (partialBytesAcked >= cwnd && flightBefore >= cwnd - mtu) {
                    partialBytesAcked -= cwnd;
                    cwnd += mtu;
                }
            }
        }
        peerRwnd = Math.max(0, aRwnd - flight);
        if (newlyAcked) {
            errorCount = 0;
        }
        advanceAckPoint();
        if (size == 0 || (flight == 0 && lostCount == 0 && !forwardTsnNeeded && nextUnsent == nextTsn
                && allAckedOrAbandoned())) {
            t3Deadline = Long.MAX_VALUE;
        } else if (cumAdvanced) {
            t3Deadline = now + (long) rto;
        }
        return SACK_OK;
    }

    static final int SACK_OK = 0;
    static final int SACK_STALE = 1;
    static final int SACK_VIOLATION = 2;

    private boolean allAckedOrAbandoned() {
        for (int i = 0; i < size; i++) {
            byte s = at(i).state;
            if (s != OutChunk.ACKED && s != OutChunk.ABANDONED) {
                return false;
            }
        }
        return true;
    }

    /** T3-rtx expiry (RFC 9260 §6.3.3). */
    void onT3Expired(long now) {
        t3Deadline = Long.MAX_VALUE;
        if (size == 0) {
            return;
        }
        errorCount++;
        rto = Math.min(rtoMax, rto * 2);
        ssthresh = Math.max(cwnd / 2, 4L * mtu);
        cwnd = mtu;
        partialBytesAcked = 0;
        fastRecovery = false;
        rttTiming = false;
        for (int i = 0; i < size; i++) {
            OutChunk c = at(i);
            if (c.state == OutChunk.IN_FLIGHT) {
                c.state = OutChunk.LOST;
                flight -= c.len;
                lostCount++;
            }
        }
        // Abandon what partial reliability allows before anything is resent.
        for (int i = 0; i < size; i++) {
            OutChunk c = at(i);
            OutMessage m = c.msg;
            if (c.state == OutChunk.LOST && ((m.maxRetransmits >= 0 && c.sends > m.maxRetransmits) || expired(m, now))) {
                abandon(m);
            }
        }
        advanceAckPoint();
        t3Deadline = now + (long) rto;
    }

    /** Forgets everything queued (association ended); returns nothing to the listener. */
    void clear() {
        roundRobin.clear();
        for (OutStream s : streams) {
            if (s != null) {
                s.queue.clear();
                s.scheduled = false;
            }
        }
        size = 0;
        queuedBytes = 0;
        t3Deadline = Long.MAX_VALUE;
    }
}
