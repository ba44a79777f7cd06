package org.rtc4j.ice;

/**
 * Something the {@link IceAgent} reports; poll with {@link IceAgent#pollEvent()}.
 */
public sealed interface IceEvent {
    /**
     * A local candidate to signal to the peer (trickle).
     *
     * @param candidate the candidate
     */
    record LocalCandidate(IceCandidate candidate) implements IceEvent {
    }

    /**
     * The gathering state changed; COMPLETE means end-of-candidates.
     *
     * @param state new state
     */
    record GatheringStateChanged(IceGatheringState state) implements IceEvent {
    }

    /**
     * The transport state changed.
     *
     * @param state new state
     */
    record StateChanged(IceTransportState state) implements IceEvent {
    }

    /**
     * A new pair carries application data from now on.
     *
     * @param pair the selected pair
     */
    record SelectedPairChanged(CandidatePair pair) implements IceEvent {
    }

    /**
     * Application data (anything not STUN) arrived on a valid or authenticated pair.
     *
     * @param data the datagram
     * @param pair the pair it arrived on
     */
    record DataReceived(byte[] data, CandidatePair pair) implements IceEvent {
    }

    /**
     * The role changed because of a role conflict (RFC 8445 section 7.3.1.1).
     *
     * @param role new role
     */
    record RoleChanged(IceRole role) implements IceEvent {
    }

    /**
     * A TURN server refused or lost our allocation (401 = wrong credentials). No retry follows.
     *
     * @param server the server
     * @param code STUN error code, 0 for a timeout
     * @param reason reason
     */
    record TurnError(String server, int code, String reason) implements IceEvent {
    }
}
