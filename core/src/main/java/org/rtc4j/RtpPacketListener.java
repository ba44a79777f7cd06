package org.rtc4j;

/**
 * Receives RTP packets lent from the receive path ({@link RemoteTrack#onRtpPacket}): the packet
 * is {@code buffer[offset..offset+length)}, decrypted, and valid only until the call returns —
 * the array is reused for the next datagram. Runs on the connection's event loop.
 */
@FunctionalInterface
public interface RtpPacketListener {

    /**
     * One RTP packet: header, extensions and payload.
     *
     * @param buffer holds the packet; not to be kept
     * @param offset where the packet starts
     * @param length its length
     */
    void onRtp(byte[] buffer, int offset, int length);
}
