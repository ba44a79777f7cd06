package org.rtc4j.sctp;

/** A user message waiting for or undergoing transmission, with its partial-reliability limits. */
final class OutMessage {
    final int stream;
    final int ppid;
    final byte[] data;
    final boolean unordered;
    /** Retransmissions allowed per fragment, or -1 for fully reliable. */
    final int maxRetransmits;
    /** Absolute time after which the message is abandoned, or Long.MAX_VALUE. */
    final long expiresAt;
    /** Bytes still counted in the channel's bufferedAmount. */
    int accountRemaining;
    int ssn;
    int firstTsn;
    int lastTsn;
    boolean assigned;
    boolean abandoned;

    OutMessage(int stream, int ppid, byte[] data, boolean unordered, int maxRetransmits, long expiresAt,
            int accounted) {
        this.stream = stream;
        this.ppid = ppid;
        this.data = data;
        this.unordered = unordered;
        this.maxRetransmits = maxRetransmits;
        this.expiresAt = expiresAt;
        this.accountRemaining = accounted;
    }
}
