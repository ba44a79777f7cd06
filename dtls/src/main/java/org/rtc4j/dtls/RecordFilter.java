package org.rtc4j.dtls;

/**
 * Splits a datagram into its records and drops those BouncyCastle would turn into a fatal error
 * although nobody authenticated them.
 *
 * <p>BouncyCastle 1.84 fails the whole connection (decode_error) when an encrypted record is
 * shorter than the AEAD's explicit nonce plus tag, before any authentication; one forged 14-byte
 * datagram would then tear down a working connection. RFC 6347 4.1.2.1 says invalid records are
 * to be discarded silently, so they are removed here, as are records of other versions and bytes
 * after a record whose length runs past the datagram.
 *
 * <p>Records are handed on one at a time (RFC 6347 4.1.1 lets a datagram carry several). The
 * endpoint then knows exactly how many records BouncyCastle still has to read, so after the
 * handshake it asks for each one and never for one more: an empty read would cost an exception
 * thrown through BouncyCastle's record layer, which used to be the most expensive thing per packet.
 * It also lets application data be opened straight from the datagram ({@link GcmRecordReader}).
 */
final class RecordFilter {
    static final int HEADER = 13;

    private RecordFilter() {
    }

    /**
     * DTLS 1.2 records carry {0xFE, 0xFD}; a first ClientHello may say DTLS 1.0, {0xFE, 0xFF}. Any
     * other version is dropped here: BouncyCastle 1.84 throws an IllegalArgumentException for some
     * ({0xFE, 0xFE} is "reserved") and turns it into a fatal internal_error, so one forged datagram
     * would end the connection (found by DtlsFuzzTest).
     */
    private static boolean plausibleVersion(byte major, byte minor) {
        return major == (byte) 0xFE && (minor == (byte) 0xFD || minor == (byte) 0xFF);
    }

    /** Receives the records of a datagram, each as a slice of the datagram's array. */
    @FunctionalInterface
    interface RecordSink {
        /**
         * @param datagram the datagram's array (not to be kept)
         * @param offset   where the record's header starts
         * @param fragment the header's length field; the record ends at offset + 13 + fragment
         */
        void record(byte[] datagram, int offset, int fragment);
    }

    /**
     * @param datagram      the array holding one datagram
     * @param offset        where the datagram starts
     * @param length        its length
     * @param minCiphertext smallest valid length of a record in an encrypted epoch (nonce + tag)
     * @param sink          receives each plausible record, in order
     * @return how many records were handed to {@code sink}
     */
    static int split(byte[] datagram, int offset, int length, int minCiphertext, RecordSink sink) {
        int off = offset;
        int end = offset + length;
        int records = 0;
        while (end - off >= HEADER) {
            int epoch = ((datagram[off + 3] & 0xFF) << 8) | (datagram[off + 4] & 0xFF);
            int fragment = ((datagram[off + 11] & 0xFF) << 8) | (datagram[off + 12] & 0xFF);
            int recordEnd = off + HEADER + fragment;
            if (recordEnd > end) {
                break;
            }
            if (plausibleVersion(datagram[off + 1], datagram[off + 2]) && (epoch == 0 || fragment >= minCiphertext)) {
                sink.record(datagram, off, fragment);
                records++;
            }
            off = recordEnd;
        }
        return records;
    }
}
