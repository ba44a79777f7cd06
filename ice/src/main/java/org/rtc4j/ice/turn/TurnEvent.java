package org.rtc4j.ice.turn;

import java.net.InetSocketAddress;

/**
 * Something a {@link TurnClient} reports.
 */
public sealed interface TurnEvent {
    /**
     * The allocation succeeded.
     *
     * @param relayed relayed transport address on the server
     * @param mapped our address as the server saw it (server-reflexive)
     * @param lifetimeSeconds granted lifetime
     */
    record Allocated(InetSocketAddress relayed, InetSocketAddress mapped, long lifetimeSeconds) implements TurnEvent {
    }

    /**
     * The allocation failed or was lost; the client will not retry by itself.
     *
     * @param code STUN error code (401 for bad credentials), or 0 for a timeout
     * @param reason human-readable reason
     */
    record Failed(int code, String reason) implements TurnEvent {
    }

    /**
     * Data relayed from a peer (Data indication or ChannelData).
     *
     * @param peer the peer's address
     * @param data payload
     */
    record PeerData(InetSocketAddress peer, byte[] data) implements TurnEvent {
    }

    /**
     * A CreatePermission or ChannelBind succeeded.
     *
     * @param peer peer address
     * @param channel channel number, or 0 for a plain permission
     */
    record PermissionInstalled(InetSocketAddress peer, int channel) implements TurnEvent {
    }

    /** The allocation was released (Refresh with LIFETIME 0 answered or timed out). */
    record Closed() implements TurnEvent {
    }
}
