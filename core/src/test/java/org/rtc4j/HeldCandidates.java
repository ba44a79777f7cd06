package org.rtc4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Trickled candidates for one connection, held until its remote description is set: a
 * candidate added before that is refused (InvalidStateError), and a test that drops it may
 * leave both sides with nothing to check.
 */
final class HeldCandidates {

    private final RTCPeerConnection pc;
    private final List<RTCIceCandidate> held = new ArrayList<>();
    private boolean ready;

    HeldCandidates(RTCPeerConnection pc) {
        this.pc = pc;
    }

    synchronized void add(RTCIceCandidate c) {
        if (ready) {
            pc.addIceCandidate(c);
        } else {
            held.add(c);
        }
    }

    /** The remote description is set: hand over what was held, and the rest as it comes. */
    synchronized void release() {
        ready = true;
        held.forEach(pc::addIceCandidate);
        held.clear();
    }
}
