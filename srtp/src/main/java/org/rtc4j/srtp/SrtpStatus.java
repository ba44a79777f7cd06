package org.rtc4j.srtp;

/**
 * Outcome of unprotecting one packet. Anything but {@link #OK} means the packet must be dropped;
 * its bytes are then left as they were received.
 */
public enum SrtpStatus {
    /** Authenticated (and decrypted); the plaintext is in place. */
    OK,
    /** Too short to hold the header, the index word or the authentication tag. */
    TOO_SHORT,
    /** Not an RTP/RTCP version 2 packet, or its header is inconsistent with its length. */
    MALFORMED,
    /** The authentication tag does not match: tampered, or protected with another key. */
    AUTH_FAILED,
    /** This packet index was already received and accepted. */
    REPLAYED,
    /** The packet index is older than the replay window can judge. */
    TOO_OLD,
    /** The packet would open a new remote SSRC context beyond the configured limit. */
    SSRC_LIMIT
}
