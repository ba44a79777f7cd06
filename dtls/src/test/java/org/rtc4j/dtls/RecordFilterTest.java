package org.rtc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecordFilterTest {
    private static byte[] record(int type, int epoch, int length) {
        byte[] r = new byte[13 + length];
        r[0] = (byte) type;
        r[1] = (byte) 0xFE;
        r[2] = (byte) 0xFD;
        r[4] = (byte) epoch;
        r[11] = (byte) (length >> 8);
        r[12] = (byte) length;
        for (int i = 13; i < r.length; i++) {
            r[i] = (byte) (i * 7 + type);
        }
        return r;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n + 3];
        int off = 3; // the datagram sits at an offset inside a larger array
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    private static List<byte[]> split(byte[] withOffset, int minCiphertext) {
        List<byte[]> out = new ArrayList<>();
        int n = RecordFilter.split(withOffset, 3, withOffset.length - 3, minCiphertext,
                (d, off, fragment) -> out.add(java.util.Arrays.copyOfRange(d, off, off + 13 + fragment)));
        assertThat(n).isEqualTo(out.size());
        return out;
    }

    @Test
    void everyRecordComesOutAlone() {
        byte[] ccs = record(20, 0, 1);
        byte[] finished = record(22, 1, 40);
        byte[] data = record(23, 1, 100);
        assertThat(split(concat(ccs, finished, data), 24)).containsExactly(ccs, finished, data);
        assertThat(split(concat(data), 24)).containsExactly(data);
    }

    @Test
    void shortEncryptedRecordsAreRemoved() {
        byte[] good = record(23, 1, 30);
        assertThat(split(concat(record(23, 1, 9), good), 24)).containsExactly(good);
        assertThat(split(concat(record(21, 1, 18)), 24)).isEmpty();
        assertThat(split(concat(record(21, 1, 18)), 16)).singleElement().satisfies(r -> assertThat(r).hasSize(31));
        // Epoch 0 records are plaintext and may be short.
        assertThat(split(concat(record(21, 0, 2)), 24)).singleElement().satisfies(r -> assertThat(r).hasSize(15));
    }

    @Test
    void recordsOfOtherVersionsAreRemoved() {
        byte[] good = record(23, 1, 30);
        byte[] reserved = record(23, 0, 0);
        reserved[2] = (byte) 0xFE; // {0xFE, 0xFE}: BouncyCastle throws on it
        byte[] tls = record(22, 0, 10);
        tls[1] = 3;
        tls[2] = 3;
        byte[] dtls10 = record(22, 0, 10);
        dtls10[2] = (byte) 0xFF; // a DTLS 1.0 ClientHello record is fine
        assertThat(split(concat(reserved, good, tls, dtls10), 24)).containsExactly(good, dtls10);
    }

    @Test
    void truncatedTailIsCut() {
        byte[] first = record(22, 0, 10);
        byte[] d = concat(first, new byte[] {22, (byte) 0xFE, (byte) 0xFD, 0, 0});
        assertThat(split(d, 24)).containsExactly(first);
        byte[] overlong = record(22, 0, 10);
        overlong[12] = 50;
        assertThat(split(concat(overlong), 24)).isEmpty();
        assertThat(split(concat(new byte[] {22}), 24)).isEmpty();
        assertThat(split(concat(), 24)).isEmpty();
    }
}
