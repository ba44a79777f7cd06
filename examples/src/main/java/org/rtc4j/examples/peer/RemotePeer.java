package org.rtc4j.examples.peer;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.RTCIceCandidate;
import org.rtc4j.RTCPeerConnection;

/**
 * One connection to one peer in the room. Remote candidates that arrive before the remote
 * description is applied are held back, as the W3C API requires.
 */
public final class RemotePeer {
    private final String id;
    private final RTCPeerConnection pc;
    private final boolean offerer;
    private final List<RTCIceCandidate> pending = new ArrayList<>();
    private boolean remoteSet;
    private volatile long offerStartNanos;
    private volatile long channelOpenNanos;

    RemotePeer(String id, RTCPeerConnection pc, boolean offerer) {
        this.id = id;
        this.pc = pc;
        this.offerer = offerer;
    }

    /**
     * The peer's signaling id.
     *
     * @return its socket id on the signaling server
     */
    public String id() {
        return id;
    }

    /**
     * The connection to it.
     *
     * @return the peer connection
     */
    public RTCPeerConnection connection() {
        return pc;
    }

    /**
     * Whether this side sent the offer.
     *
     * @return true when this side joined after the peer and offered to it
     */
    public boolean offerer() {
        return offerer;
    }

    /**
     * Milliseconds from createOffer to the first open channel, or -1 (answerer or not open).
     *
     * @return the setup time in ms, or -1
     */
    public double setupMillis() {
        long start = offerStartNanos;
        long open = channelOpenNanos;
        return start == 0 || open == 0 ? -1 : (open - start) / 1e6;
    }

    void markOfferStart() {
        offerStartNanos = System.nanoTime();
    }

    /** @return true the first time */
    synchronized boolean markChannelOpen() {
        if (channelOpenNanos != 0) {
            return false;
        }
        channelOpenNanos = System.nanoTime();
        return true;
    }

    synchronized void addRemoteCandidate(RTCIceCandidate c) {
        if (remoteSet) {
            pc.addIceCandidate(c);
        } else {
            pending.add(c);
        }
    }

    synchronized void remoteDescriptionSet() {
        remoteSet = true;
        for (RTCIceCandidate c : pending) {
            pc.addIceCandidate(c);
        }
        pending.clear();
    }
}
