package org.rtc4j.ice;

import org.rtc4j.ice.turn.StreamFramer;
import org.rtc4j.ice.turn.TurnClient;

/**
 * The agent's record of one TURN allocation: which caller socket reaches the server and, for
 * TCP/TLS, the stream framer.
 */
final class TurnRelay {
    final TurnClient client;
    final int socketId;
    final StreamFramer framer;
    IceCandidate candidate;
    boolean gatheringDone;

    TurnRelay(TurnClient client, int socketId) {
        this.client = client;
        this.socketId = socketId;
        this.framer = client.server().transport().isStream() ? new StreamFramer() : null;
    }
}
