package org.rtc4j.dtls;

import static org.assertj.core.api.Assertions.assertThat;

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
        return r;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    @Test
    void validDatagramIsPassedThroughUntouched() {
        byte[] d = concat(record(20, 0, 1), record(22, 1, 40));
        assertThat(RecordFilter.sanitize(d, 24)).isSameAs(d);
    }

    @Test
    void shortEncryptedRecordsAreRemoved() {
        byte[] good = record(23, 1, 30);
        byte[] d = concat(record(23, 1, 9), good);
        assertThat(RecordFilter.sanitize(d, 24)).isEqualTo(good);
        assertThat(RecordFilter.sanitize(record(21, 1, 18), 24)).isNull();
        assertThat(RecordFilter.sanitize(record(21, 1, 18), 16)).hasSize(31);
        // Epoch 0 records are plaintext and may be short.
        assertThat(RecordFilter.sanitize(record(21, 0, 2), 24)).hasSize(15);
    }

    @Test
    void truncatedTailIsCut() {
        byte[] first = record(22, 0, 10);
        byte[] d = concat(first, new byte[] {22, (byte) 0xFE, (byte) 0xFD, 0, 0});
        assertThat(RecordFilter.sanitize(d, 24)).isEqualTo(first);
        byte[] overlong = record(22, 0, 10);
        overlong[12] = 50;
        assertThat(RecordFilter.sanitize(overlong, 24)).isNull();
        assertThat(RecordFilter.sanitize(new byte[] {22}, 24)).isNull();
    }
}
