package org.rtc4j.sctp;

import java.util.HashMap;
import java.util.Map;

/**
 * Receive side of an association: TSN bookkeeping for SACKs (gap blocks, duplicates),
 * reassembly of fragmented messages, per-stream ordered delivery, FORWARD-TSN (RFC 3758) and
 * incoming stream resets. Fragments are copied into pooled buffers, so the only allocation on the
 * path is the delivered message itself.
 */
final class DataReceiver {
    /** Where complete messages go. */
    interface Sink {
        void deliver(int stream, int ppid, byte[] data, boolean unordered);
    }

    static final int ACCEPTED = 0;
    static final int DUPLICATE = 1;
    static final int DROPPED = 2;
    static final int INVALID_STREAM = 3;
    static final int OVERRUN = 4;

    private static final int MAX_DUPS = 16;

    private static final class Frag {
        int tsn;
        int stream;
        int ssn;
        int ppid;
        int flags;
        byte[] data;
        int len;
    }

    private static final class InStream {
        int next;
        Map<Integer, byte[]> pending;
        Map<Integer, Integer> pendingPpid;
    }

    private final Sink sink;
    private final int window;
    private final int maxMessageSize;
    private final int poolBufSize;
    private final int maxCap;
    private int inboundStreams = 65535;

    private int cum;
    private int highest;
    private int cap;
    private int mask;
    private long[] bits;
    private Frag[] slots;
    private int heldFrags;
    private int minHeld;
    private long heldBytes;
    /** Bytes delivered to the application but not yet taken (the association's event queue). */
    long queuedBytes;

    private final int[] dups = new int[MAX_DUPS];
    private final int[] gapStarts = new int[4096];
    private final int[] gapEnds = new int[4096];
    private int dupCount;

    private InStream[] streams = new InStream[16];

    private Frag[] fragPool = new Frag[64];
    private int fragPoolSize;
    private byte[][] bufPool = new byte[64][];
    private int bufPoolSize;

    DataReceiver(Sink sink, int window, int maxMessageSize, int mtu) {
        this.sink = sink;
        this.window = window;
        this.maxMessageSize = maxMessageSize;
        this.poolBufSize = mtu;
        int want = Integer.highestOneBit(Math.max(1024, window / 16) - 1) << 1;
        this.maxCap = Math.min(1 << 20, want);
        this.cap = 1024;
        this.mask = cap - 1;
        this.bits = new long[cap / 64];
        this.slots = new Frag[cap];
    }

    void start(int peerInitialTsn, int inboundStreams) {
        this.cum = peerInitialTsn - 1;
        this.highest = cum;
        this.inboundStreams = inboundStreams;
    }

    int cumulativeTsn() {
        return cum;
    }

    long advertisedWindow() {
        return Math.max(0, window - heldBytes - queuedBytes);
    }

    boolean hasGapsOrDups() {
        return highest != cum || dupCount > 0;
    }

    long heldBytes() {
        return heldBytes;
    }

    private boolean isSet(int tsn) {
        int i = tsn & mask;
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    private void setBit(int tsn) {
        int i = tsn & mask;
        bits[i >>> 6] |= 1L << i;
    }

    private void clearBit(int tsn) {
        int i = tsn & mask;
        bits[i >>> 6] &= ~(1L << i);
    }

    private Frag slot(int tsn) {
        Frag f = slots[tsn & mask];
        return f != null && f.tsn == tsn ? f : null;
    }

    /** Handles one DATA chunk whose value (TSN onwards) is at {@code off}, already length-checked. */
    int onData(byte[] b, int off, int len, int flags) {
        int tsn = Bytes.i32(b, off);
        if (Bytes.tsnLe(tsn, cum)) {
            addDup(tsn);
            return DUPLICATE;
        }
        int dist = tsn - cum;
        if (dist >= cap && !grow(dist)) {
            return DROPPED;
        }
        if (isSet(tsn)) {
            addDup(tsn);
            return DUPLICATE;
        }
        int payloadLen = len - 12;
        boolean fillsHole = tsn == cum + 1;
        if (heldBytes + queuedBytes > (long) window + maxMessageSize) {
            return fillsHole ? OVERRUN : DROPPED;
        }
        if (!fillsHole && heldBytes + queuedBytes + payloadLen > window) {
            return DROPPED;
        }
        int stream = Bytes.u16(b, off + 4);
        boolean whole = (flags & (Chunks.FLAG_BEGIN | Chunks.FLAG_END)) == (Chunks.FLAG_BEGIN | Chunks.FLAG_END);
        if (!whole && slots[tsn & mask] != null) {
            // An old partial fragment still occupies the slot; let the sender retransmit later.
            return DROPPED;
        }
        setBit(tsn);
        if (Bytes.tsnLt(highest, tsn)) {
            highest = tsn;
        }
        while (isSet(cum + 1)) {
            clearBit(cum + 1);
            cum++;
        }
        if (stream >= inboundStreams) {
            return INVALID_STREAM;
        }
        int ssn = Bytes.u16(b, off + 6);
        int ppid = Bytes.i32(b, off + 8);
        boolean unordered = (flags & Chunks.FLAG_UNORDERED) != 0;
        if (whole) {
            byte[] msg = new byte[payloadLen];
            System.arraycopy(b, off + 12, msg, 0, payloadLen);
            complete(stream, ssn, ppid, msg, unordered);
            return ACCEPTED;
        }
        Frag f = obtainFrag();
        f.tsn = tsn;
        f.stream = stream;
        f.ssn = ssn;
        f.ppid = ppid;
        f.flags = flags;
        f.data = payloadLen <= poolBufSize ? obtainBuf() : new byte[payloadLen];
        f.len = payloadLen;
        System.arraycopy(b, off + 12, f.data, 0, payloadLen);
        slots[tsn & mask] = f;
        if (heldFrags == 0 || Bytes.tsnLt(tsn, minHeld)) {
            minHeld = tsn;
        }
        heldFrags++;
        heldBytes += payloadLen;
        // Only a fragment that can end a run is worth a scan: it carries E, or fills a hole below one.
        if ((flags & Chunks.FLAG_END) != 0 || slot(tsn + 1) != null) {
            tryAssemble(f);
        }
        return ACCEPTED;
    }

    private boolean sameMessage(Frag a, Frag f) {
        return a.stream == f.stream && ((a.flags ^ f.flags) & Chunks.FLAG_UNORDERED) == 0
                && ((f.flags & Chunks.FLAG_UNORDERED) != 0 || a.ssn == f.ssn);
    }

    private boolean tryAssemble(Frag f) {
        // Look for the END first: fragments mostly arrive in order, so the newest one is usually
        // the last so far and this fails at once, rather than walking back over the whole message
        // on every arrival (quadratic in the fragments of a 64 KiB message).
        int last = f.tsn;
        Frag cur = f;
        long total = f.len;
        while ((cur.flags & Chunks.FLAG_END) == 0) {
            Frag n = slot(last + 1);
            if (n == null || (n.flags & Chunks.FLAG_BEGIN) != 0 || !sameMessage(n, f)) {
                return false;
            }
            last++;
            total += n.len;
            cur = n;
        }
        int first = f.tsn;
        cur = f;
        while ((cur.flags & Chunks.FLAG_BEGIN) == 0) {
            Frag p = slot(first - 1);
            if (p == null || (p.flags & Chunks.FLAG_END) != 0 || !sameMessage(p, f)) {
                return false;
            }
            first--;
            total += p.len;
            cur = p;
        }
        if (total > Integer.MAX_VALUE - 16) {
            return false;
        }
        byte[] msg = new byte[(int) total];
        int p = 0;
        for (int t = first; ; t++) {
            Frag x = slot(t);
            System.arraycopy(x.data, 0, msg, p, x.len);
            p += x.len;
            release(x);
            if (t == last) {
                break;
            }
        }
        complete(f.stream, f.ssn, f.ppid, msg, (f.flags & Chunks.FLAG_UNORDERED) != 0);
        return true;
    }

    private void release(Frag x) {
        slots[x.tsn & mask] = null;
        heldFrags--;
        heldBytes -= x.len;
        if (x.data.length == poolBufSize && bufPoolSize < bufPool.length) {
            bufPool[bufPoolSize++] = x.data;
        }
        x.data = null;
        if (fragPoolSize < fragPool.length) {
            fragPool[fragPoolSize++] = x;
        }
    }

    private Frag obtainFrag() {
        return fragPoolSize > 0 ? fragPool[--fragPoolSize] : new Frag();
    }

    private byte[] obtainBuf() {
        return bufPoolSize > 0 ? bufPool[--bufPoolSize] : new byte[poolBufSize];
    }

    private InStream in(int stream) {
        if (stream >= streams.length) {
            int n = streams.length;
            while (n <= stream) {
                n <<= 1;
            }
            streams = java.util.Arrays.copyOf(streams, n);
        }
        InStream s = streams[stream];
        if (s == null) {
            s = new InStream();
            streams[stream] = s;
        }
        return s;
    }

    private void complete(int stream, int ssn, int ppid, byte[] msg, boolean unordered) {
        if (unordered) {
            sink.deliver(stream, ppid, msg, true);
            return;
        }
        InStream s = in(stream);
        if (ssn == s.next) {
            s.next = (s.next + 1) & 0xffff;
            sink.deliver(stream, ppid, msg, false);
            drain(stream, s);
        } else if (Bytes.ssnLe(ssn, s.next)) {
            // Older than what we already delivered: only a confused peer sends this.
            return;
        } else {
            if (s.pending == null) {
                s.pending = new HashMap<>();
                s.pendingPpid = new HashMap<>();
            }
            if (s.pending.putIfAbsent(ssn, msg) == null) {
                s.pendingPpid.put(ssn, ppid);
                heldBytes += msg.length;
            }
        }
    }

    private void drain(int stream, InStream s) {
        if (s.pending == null || s.pending.isEmpty()) {
            return;
        }
        byte[] m;
        while ((m = s.pending.remove(s.next)) != null) {
            int ppid = s.pendingPpid.remove(s.next);
            heldBytes -= m.length;
            s.next = (s.next + 1) & 0xffff;
            sink.deliver(stream, ppid, m, false);
        }
    }

    private void addDup(int tsn) {
        if (dupCount < MAX_DUPS) {
            dups[dupCount++] = tsn;
        }
    }

    private boolean grow(int dist) {
        if (dist >= maxCap) {
            return false;
        }
        int n = cap;
        while (n <= dist) {
            n <<= 1;
        }
        if (n > maxCap) {
            return false;
        }
        long[] nb = new long[n / 64];
        Frag[] ns = new Frag[n];
        int nm = n - 1;
        for (int t = cum + 1; Bytes.tsnLe(t, highest); t++) {
            if (isSet(t)) {
                int i = t & nm;
                nb[i >>> 6] |= 1L << i;
            }
        }
        for (Frag f : slots) {
            if (f != null) {
                ns[f.tsn & nm] = f;
            }
        }
        bits = nb;
        slots = ns;
        cap = n;
        mask = nm;
        return true;
    }

    /** FORWARD-TSN (RFC 3758 §3.6): skip abandoned TSNs and SSNs. */
    boolean onForwardTsn(byte[] b, int off, int len) {
        int newCum = Bytes.i32(b, off);
        if (Bytes.tsnLe(newCum, cum)) {
            return true;
        }
        if (newCum - cum > maxCap + 65536) {
            // Further than the peer could have sent within our window: a broken or hostile peer.
            return false;
        }
        purgeAbandoned(newCum);
        if (newCum - cum >= cap) {
            java.util.Arrays.fill(bits, 0);
        } else {
            for (int t = cum + 1; Bytes.tsnLe(t, newCum); t++) {
                clearBit(t);
            }
        }
        cum = newCum;
        if (Bytes.tsnLt(highest, cum)) {
            highest = cum;
        }
        while (Bytes.tsnLt(cum, highest) && isSet(cum + 1)) {
            clearBit(cum + 1);
            cum++;
        }
        for (int p = off + 4; p + 4 <= off + len; p += 4) {
            int stream = Bytes.u16(b, p);
            int ssn = Bytes.u16(b, p + 2);
            if (stream >= inboundStreams) {
                continue;
            }
            InStream s = in(stream);
            if (!Bytes.ssnLe(s.next, ssn)) {
                continue;
            }
            // Stranded complete messages up to the skipped SSN are delivered in order.
            while (Bytes.ssnLe(s.next, ssn)) {
                byte[] m = s.pending == null ? null : s.pending.remove(s.next);
                if (m != null) {
                    int ppid = s.pendingPpid.remove(s.next);
                    heldBytes -= m.length;
                    sink.deliver(stream, ppid, m, false);
                }
                s.next = (s.next + 1) & 0xffff;
            }
            drain(stream, s);
        }
        return true;
    }

    /**
     * Drops held fragments of abandoned messages: everything at or below the new cumulative TSN
     * except a run ending exactly there without an E bit, which is a live message continuing above.
     */
    private void purgeAbandoned(int newCum) {
        if (heldFrags == 0) {
            return;
        }
        int keepFrom = newCum + 1;
        Frag top = slot(newCum);
        if (top != null && (top.flags & Chunks.FLAG_END) == 0) {
            keepFrom = newCum;
            Frag cur = top;
            while ((cur.flags & Chunks.FLAG_BEGIN) == 0) {
                Frag p = slot(keepFrom - 1);
                if (p == null || (p.flags & Chunks.FLAG_END) != 0 || !sameMessage(p, top)) {
                    break;
                }
                keepFrom--;
                cur = p;
            }
        }
        if (Bytes.tsnLt(keepFrom, minHeld) || keepFrom == minHeld) {
            return;
        }
        if (keepFrom - minHeld >= cap) {
            for (Frag f : slots) {
                if (f != null && Bytes.tsnLt(f.tsn, keepFrom)) {
                    release(f);
                }
            }
        } else {
            for (int t = minHeld; Bytes.tsnLt(t, keepFrom); t++) {
                Frag f = slot(t);
                if (f != null) {
                    release(f);
                }
            }
        }
        minHeld = keepFrom;
    }

    /** RFC 6525: the peer reset its outgoing stream, so our expected SSN restarts at 0. */
    void resetStream(int stream) {
        if (stream < inboundStreams) {
            InStream s = in(stream);
            s.next = 0;
            drain(stream, s);
        }
    }

    /**
     * Writes a SACK chunk (header included) into {@code out} at {@code off}, at most
     * {@code room} bytes, and clears the duplicate list.
     *
     * @return bytes written
     */
    int writeSack(byte[] out, int off, int room) {
        int maxEntries = Math.max(0, (room - 16) / 4);
        int limit = Bytes.tsnLt(highest - cum, 65536) ? highest : cum + 65535;
        int found = 0;
        int t = cum + 1;
        while (Bytes.tsnLe(t, limit) && found < gapStarts.length) {
            if (!isSet(t)) {
                t++;
                continue;
            }
            int begin = t;
            while (Bytes.tsnLt(t, limit) && isSet(t + 1)) {
                t++;
            }
            gapStarts[found] = begin - cum;
            gapEnds[found] = t - cum;
            found++;
            t++;
        }
        // More holes than one SACK can describe (mass loss): report the blocks next to the
        // cumulative TSN and the newest ones, so the sender keeps seeing fresh arrivals and
        // fast-retransmits instead of waiting for T3 and collapsing its window.
        int gaps = Math.min(found, maxEntries);
        int head = found > gaps ? gaps - gaps / 4 : gaps;
        int p = off + 16;
        for (int i = 0; i < gaps; i++) {
            int k = i < head ? i : found - (gaps - i);
            Bytes.put16(out, p, gapStarts[k]);
            Bytes.put16(out, p + 2, gapEnds[k]);
            p += 4;
        }
        int nd = Math.min(dupCount, maxEntries - gaps);
        for (int i = 0; i < nd; i++) {
            Bytes.put32(out, p, dups[i]);
            p += 4;
        }
        dupCount = 0;
        out[off] = (byte) Chunks.SACK;
        out[off + 1] = 0;
        Bytes.put16(out, off + 2, p - off);
        Bytes.put32(out, off + 4, cum);
        Bytes.put32(out, off + 8, (int) advertisedWindow());
        Bytes.put16(out, off + 12, gaps);
        Bytes.put16(out, off + 14, nd);
        return p - off;
    }
}
