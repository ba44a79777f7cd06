package org.rtc4j.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataReceiverTest {
    private record Got(int stream, int ppid, String text, boolean unordered) {
    }

    private final List<Got> got = new ArrayList<>();
    private final DataReceiver r = new DataReceiver((s, p, d, u) -> got.add(new Got(s, p, new String(d), u)),
            1 << 20, 256 * 1024, 1200);

    private static byte[] data(int tsn, int stream, int ssn, String payload) {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length());
        b.putInt(tsn).putShort((short) stream).putShort((short) ssn).putInt(51).put(payload.getBytes());
        return b.array();
    }

    private int feed(int tsn, int stream, int ssn, String payload, int flags) {
        byte[] v = data(tsn, stream, ssn, payload);
        return r.onData(v, 0, v.length, flags);
    }

    private static final int BE = Chunks.FLAG_BEGIN | Chunks.FLAG_END;

    private ByteBuffer sack() {
        byte[] out = new byte[1200];
        int n = r.writeSack(out, 0, 1200);
        return ByteBuffer.wrap(out, 0, n);
    }

    @Test
    void sackReportsGapBlocksAndDuplicates() {
        r.start(100, 10);
        feed(100, 0, 0, "a", BE);
        feed(102, 0, 2, "c", BE);
        feed(103, 0, 3, "d", BE);
        feed(105, 0, 5, "f", BE);
        assertThat(feed(102, 0, 2, "c", BE)).isEqualTo(DataReceiver.DUPLICATE);
        assertThat(feed(100, 0, 0, "a", BE)).isEqualTo(DataReceiver.DUPLICATE);
        assertThat(r.hasGapsOrDups()).isTrue();
        ByteBuffer s = sack();
        assertThat(s.get(0)).isEqualTo((byte) Chunks.SACK);
        assertThat(s.getInt(4)).isEqualTo(100);
        assertThat(s.getShort(12)).isEqualTo((short) 2);
        assertThat(s.getShort(14)).isEqualTo((short) 2);
        assertThat(s.getShort(16)).isEqualTo((short) 2);
        assertThat(s.getShort(18)).isEqualTo((short) 3);
        assertThat(s.getShort(20)).isEqualTo((short) 5);
        assertThat(s.getShort(22)).isEqualTo((short) 5);
        assertThat(s.getInt(24)).isEqualTo(102);
        assertThat(s.getInt(28)).isEqualTo(100);
        // Ordered stream 0 delivered only "a" so far; the rest wait for SSN 1.
        assertThat(got).extracting(Got::text).containsExactly("a");
        feed(101, 0, 1, "b", BE);
        assertThat(got).extracting(Got::text).containsExactly("a", "b", "c", "d");
        feed(104, 0, 4, "e", BE);
        assertThat(got).extracting(Got::text).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(r.cumulativeTsn()).isEqualTo(105);
        assertThat(r.heldBytes()).isZero();
    }

    @Test
    void fragmentsReassembleInAnyOrderAndUnorderedSkipsTheQueue() {
        r.start(1, 10);
        feed(3, 1, 0, "lo", Chunks.FLAG_END);
        feed(1, 1, 0, "he", Chunks.FLAG_BEGIN);
        assertThat(got).isEmpty();
        feed(4, 2, 0, "now", BE | Chunks.FLAG_UNORDERED);
        assertThat(got).extracting(Got::text).containsExactly("now");
        feed(2, 1, 0, "l", 0);
        assertThat(got).extracting(Got::text).containsExactly("now", "hello");
        assertThat(got.get(0).unordered()).isTrue();
    }

    @Test
    void forwardTsnSkipsAbandonedAndDeliversStranded() {
        r.start(10, 10);
        // SSN 0 (TSN 10) is lost and abandoned; SSN 1 (TSN 11) arrived and waits.
        feed(11, 3, 1, "second", BE);
        // A fragment of an abandoned unordered message, never completed.
        feed(12, 4, 0, "part", Chunks.FLAG_BEGIN | Chunks.FLAG_UNORDERED);
        // A live message crossing the new cumulative TSN: fragments 14 (B) .. 15 (E).
        feed(14, 5, 0, "li", Chunks.FLAG_BEGIN);
        assertThat(got).isEmpty();
        ByteBuffer f = ByteBuffer.allocate(8).putInt(14).putShort((short) 3).putShort((short) 0);
        assertThat(r.onForwardTsn(f.array(), 0, 8)).isTrue();
        assertThat(r.cumulativeTsn()).isEqualTo(14);
        assertThat(got).extracting(Got::text).containsExactly("second");
        feed(15, 5, 0, "ve", Chunks.FLAG_END);
        assertThat(got).extracting(Got::text).containsExactly("second", "live");
        assertThat(r.heldBytes()).isZero();
        ByteBuffer absurd = ByteBuffer.allocate(4).putInt(14 + (1 << 30));
        assertThat(r.onForwardTsn(absurd.array(), 0, 4)).isFalse();
    }

    @Test
    void invalidStreamIsAckedButNotDelivered() {
        r.start(1, 2);
        assertThat(feed(1, 7, 0, "x", BE)).isEqualTo(DataReceiver.INVALID_STREAM);
        assertThat(r.cumulativeTsn()).isEqualTo(1);
        assertThat(got).isEmpty();
    }

    @Test
    void windowShrinksWithHeldDataAndDropsBeyondIt() {
        DataReceiver small = new DataReceiver((s, p, d, u) -> { }, 4000, 4000, 1200);
        small.start(1, 10);
        byte[] big = data(3, 0, 1, "x".repeat(1000));
        byte[] big2 = data(4, 0, 2, "x".repeat(1000));
        byte[] big3 = data(5, 0, 3, "x".repeat(1000));
        byte[] big4 = data(6, 0, 4, "x".repeat(1000));
        byte[] big5 = data(7, 0, 5, "x".repeat(1000));
        assertThat(small.onData(big, 0, big.length, BE)).isEqualTo(DataReceiver.ACCEPTED);
        small.onData(big2, 0, big2.length, BE);
        small.onData(big3, 0, big3.length, BE);
        small.onData(big4, 0, big4.length, BE);
        assertThat(small.advertisedWindow()).isZero();
        assertThat(small.onData(big5, 0, big5.length, BE)).isEqualTo(DataReceiver.DROPPED);
    }

    @Test
    void streamResetRestartsSsn() {
        r.start(1, 10);
        feed(1, 2, 0, "a", BE);
        feed(2, 2, 1, "b", BE);
        r.resetStream(2);
        feed(3, 2, 0, "c", BE);
        assertThat(got).extracting(Got::text).containsExactly("a", "b", "c");
    }
}
