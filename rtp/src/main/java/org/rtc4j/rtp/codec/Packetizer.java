package org.rtc4j.rtp.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rtc4j.rtp.RtpHeader;
import org.rtc4j.rtp.RtpPacket;

/**
 * Turns frames into complete RTP packets: one {@link Payloader} plus payload type, SSRC, running
 * sequence numbers and an MTU (default {@value #DEFAULT_MTU} bytes for the whole RTP packet).
 * Every packet of a frame shares its timestamp; for video the last one has the marker bit.
 */
public final class Packetizer {
    /** Default RTP packet size limit (leaves room for SRTP, UDP, IP and TURN overhead). */
    public static final int DEFAULT_MTU = 1200;

    private final Payloader payloader;
    private final int payloadType;
    private final long ssrc;
    private final int mtu;
    private int sequenceNumber;
    private final RtpHeader header = new RtpHeader();
    private int extensionReserve;
    private Consumer<RtpHeader> headerHook;

    /**
     * @param payloader       splits frames into payloads of the codec's payload format
     * @param payloadType     RTP payload type, 0-127 (checked when packets are built)
     * @param ssrc            synchronization source of the stream (low 32 bits used)
     * @param initialSequence first sequence number (use a random value, RFC 3550); low 16 bits used
     * @param mtu             largest RTP packet in bytes, header included; must exceed 28
     * @throws IllegalArgumentException if {@code mtu} is 28 or less
     */
    public Packetizer(Payloader payloader, int payloadType, long ssrc, int initialSequence, int mtu) {
        if (mtu <= RtpPacket.FIXED_HEADER + 16) {
            throw new IllegalArgumentException("MTU " + mtu);
        }
        this.payloader = payloader;
        this.payloadType = payloadType;
        this.ssrc = ssrc;
        this.sequenceNumber = initialSequence & 0xFFFF;
        this.mtu = mtu;
    }

    /**
     * A packetizer with the default MTU of {@value #DEFAULT_MTU} bytes.
     *
     * @param payloader       splits frames into payloads of the codec's payload format
     * @param payloadType     RTP payload type, 0-127 (checked when packets are built)
     * @param ssrc            synchronization source of the stream (low 32 bits used)
     * @param initialSequence first sequence number (use a random value, RFC 3550); low 16 bits used
     */
    public Packetizer(Payloader payloader, int payloadType, long ssrc, int initialSequence) {
        this(payloader, payloadType, ssrc, initialSequence, DEFAULT_MTU);
    }

    /**
     * Lets the caller add header extensions (mid, transport-wide sequence number, ...) to every
     * packet. {@code reserveBytes} is subtracted from each payload's budget and must cover what the
     * hook adds: the 4-byte extension block header plus the elements and their padding.
     *
     * @param reserveBytes extension bytes to keep free per packet
     * @param hook         called with each packet's header after the fixed fields are set, or null
     * @return this packetizer
     * @throws IllegalArgumentException if {@code reserveBytes} is negative or leaves less than 16
     *                                  payload bytes per packet
     */
    public Packetizer withHeaderExtensions(int reserveBytes, Consumer<RtpHeader> hook) {
        if (reserveBytes < 0 || mtu - RtpPacket.FIXED_HEADER - reserveBytes < 16) {
            throw new IllegalArgumentException("extension reserve " + reserveBytes + " for MTU " + mtu);
        }
        this.extensionReserve = reserveBytes;
        this.headerHook = hook;
        return this;
    }

    /** @return the sequence number the next packet will carry */
    public int nextSequenceNumber() {
        return sequenceNumber;
    }

    /**
     * Packetizes one frame, advancing the sequence number by one per packet.
     *
     * @param frame     the array holding the encoded frame
     * @param off       start of the frame in {@code frame}
     * @param len       frame length in bytes
     * @param timestamp RTP timestamp of the frame, in clock-rate units
     * @return RTP packets for {@code frame}, all with {@code timestamp}, each a new array no
     *         longer than the MTU
     * @throws IllegalArgumentException if the payloader cannot carry the frame or the payload type
     *                                  is outside 0-127
     * @throws IllegalStateException    if the header hook added more than the reserved extension
     *                                  bytes
     */
    public List<byte[]> packetize(byte[] frame, int off, int len, long timestamp) {
        List<byte[]> payloads = payloader.payload(mtu - RtpPacket.FIXED_HEADER - extensionReserve, frame, off, len);
        List<byte[]> out = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            header.clear().payloadType(payloadType).ssrc(ssrc).timestamp(timestamp)
                    .sequenceNumber(sequenceNumber)
                    .marker(payloader.markerOnLastPacket() && i == payloads.size() - 1);
            if (headerHook != null) {
                headerHook.accept(header);
            }
            sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
            byte[] pkt = header.toPacket(payloads.get(i));
            if (pkt.length > mtu) {
                throw new IllegalStateException("header extensions exceed the reserved " + extensionReserve + " bytes");
            }
            out.add(pkt);
        }
        return out;
    }

    /**
     * Packetizes all of {@code frame}; see {@link #packetize(byte[], int, int, long)}.
     *
     * @param frame     the encoded frame
     * @param timestamp RTP timestamp of the frame, in clock-rate units
     * @return RTP packets for the whole of {@code frame}
     */
    public List<byte[]> packetize(byte[] frame, long timestamp) {
        return packetize(frame, 0, frame.length, timestamp);
    }
}
