package org.rtc4j.srtp;

/**
 * SSRC to stream map with open addressing on primitive keys (no boxing per lookup), a bound on
 * entries, and a one-entry cache for the common case of consecutive packets of one stream.
 */
final class SsrcTable {
    private final int limit;
    private int[] keys;
    private SrtpStream[] values;
    private int count;
    private SrtpStream last;

    SsrcTable(int limit) {
        this.limit = limit;
        int capacity = 16;
        keys = new int[capacity];
        values = new SrtpStream[capacity];
    }

    int size() {
        return count;
    }

    boolean isFull() {
        return count >= limit;
    }

    SrtpStream get(int ssrc) {
        SrtpStream l = last;
        if (l != null && l.ssrc == ssrc) {
            return l;
        }
        int mask = keys.length - 1;
        for (int i = mix(ssrc) & mask; ; i = (i + 1) & mask) {
            SrtpStream v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == ssrc) {
                last = v;
                return v;
            }
        }
    }

    /** Adds a stream for an SSRC not yet present; the caller checked {@link #isFull()}. */
    void put(SrtpStream stream) {
        if ((count + 1) * 2 > keys.length) {
            grow();
        }
        insert(stream);
        count++;
        last = stream;
    }

    /** Removes the stream of {@code ssrc}, if any (backward-shift deletion keeps probes short). */
    boolean remove(int ssrc) {
        int mask = keys.length - 1;
        int i = mix(ssrc) & mask;
        while (values[i] != null && keys[i] != ssrc) {
            i = (i + 1) & mask;
        }
        if (values[i] == null) {
            return false;
        }
        if (last == values[i]) {
            last = null;
        }
        values[i] = null;
        count--;
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = mix(keys[j]) & mask;
            // move entry j into the hole at i unless its home lies cyclically in (i, j]
            boolean stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!stays) {
                keys[i] = keys[j];
                values[i] = values[j];
                values[j] = null;
                i = j;
            }
        }
        return true;
    }

    private void insert(SrtpStream stream) {
        int mask = keys.length - 1;
        int i = mix(stream.ssrc) & mask;
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = stream.ssrc;
        values[i] = stream;
    }

    private void grow() {
        SrtpStream[] old = values;
        keys = new int[old.length * 2];
        values = new SrtpStream[old.length * 2];
        for (SrtpStream s : old) {
            if (s != null) {
                insert(s);
            }
        }
    }

    private static int mix(int ssrc) {
        int h = ssrc * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
