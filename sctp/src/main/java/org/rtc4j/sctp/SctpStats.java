package org.rtc4j.sctp;

/**
 * Counters and congestion state of one association (for W3C getStats and logs).
 *
 * @param packetsSent          SCTP packets returned by pollTransmit
 * @param packetsReceived      packets accepted by handle (checksum and ports fine)
 * @param packetsDropped       packets or chunk runs dropped as malformed or out of the blue
 * @param messagesDelivered    user and DCEP messages reassembled and delivered
 * @param retransmissions      DATA chunks sent again
 * @param cwnd                 congestion window in bytes
 * @param ssthresh             slow-start threshold in bytes
 * @param flightSize           bytes in flight
 * @param peerReceiveWindow    the peer's window as last computed
 * @param smoothedRttMs        SRTT
 * @param rtoMs                current retransmission timeout
 * @param ourReceiveWindow     what we advertise now
 * @param receiveBufferedBytes received bytes held for reassembly/ordering or not yet polled as events
 * @param outboundStreams      negotiated outgoing streams
 * @param inboundStreams       negotiated incoming streams
 * @param zeroChecksum         RFC 9653 zero checksum in use for our packets
 */
public record SctpStats(long packetsSent, long packetsReceived, long packetsDropped, long messagesDelivered,
        long retransmissions, long cwnd, long ssthresh, long flightSize, long peerReceiveWindow, long smoothedRttMs,
        long rtoMs, long ourReceiveWindow, long receiveBufferedBytes, int outboundStreams, int inboundStreams, boolean zeroChecksum) {
}
