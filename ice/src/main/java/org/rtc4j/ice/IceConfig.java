package org.rtc4j.ice;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.rtc4j.ice.stun.RetransmissionPolicy;
import org.rtc4j.ice.turn.TurnServer;

/**
 * Agent settings. Defaults follow RFC 8445/7675 and what browsers do; tests shorten nothing but
 * may tune pacing.
 */
public final class IceConfig {
    /** Creates settings with every default (RFC 8445/7675, as browsers behave). */
    public IceConfig() {
    }

    /** Initial role (a role conflict may change it). */
    public IceRole role = IceRole.CONTROLLING;
    /** Local ufrag; random if null. */
    public String ufrag;
    /** Local password; random if null. */
    public String password;
    /** STUN servers for server-reflexive candidates (UDP). */
    public List<InetSocketAddress> stunServers = new ArrayList<>();
    /** TURN servers; UDP ones allocate from every UDP socket, TCP/TLS ones need {@link IceAgent#addTurnStreamSocket}. */
    public List<TurnServer> turnServers = new ArrayList<>();
    /** W3C iceTransportPolicy "relay": only relay candidates are signalled and paired. */
    public boolean relayOnly;
    /**
     * ICE-lite (servers with a public address): host candidates only, always controlled, sends no
     * checks and no consent requests; signal {@code a=ice-lite}.
     */
    public boolean lite;
    /** Ta: pacing between checks (ms). */
    public long taMillis = 50;
    /** Retransmission of connectivity checks (RFC 8445 uses RTO 500 ms over UDP). */
    public RetransmissionPolicy checkPolicy = RetransmissionPolicy.UDP_DEFAULT;
    /** Retransmission of STUN binding requests to STUN servers while gathering. */
    public RetransmissionPolicy gatherPolicy = new RetransmissionPolicy(500, 5, 4, 0, false, 39_500);
    /** Controlling: nominate the best valid pair at most this long after the first one appeared. */
    public long nominationDelayMillis = 1000;
    /** Controlled: re-check the best valid pair this often until the peer nominates. */
    public long validPingIntervalMillis = 2500;
    /** Mean consent check interval (randomized 0.8-1.2x, RFC 7675). */
    public long consentIntervalMillis = 5000;
    /** Consent expiry (RFC 7675: 30 s). */
    public long consentTimeoutMillis = 30_000;
    /**
     * Report "disconnected" when nothing (STUN, DTLS, SCTP or media) has arrived on the selected
     * pair for this long; "connected" again as soon as something does. Browsers show it after a
     * few seconds of silence (libwebrtc: 2.5 s not receiving, then unanswered pings).
     */
    public long disconnectedAfterMillis = 5_000;
    /**
     * When the selected pair has been silent this long, send a consent check at once instead of
     * at the next interval, so that a live but idle path answers well before
     * {@link #disconnectedAfterMillis} and a dead one is noticed.
     */
    public long probeAfterMillis = 2_500;
    /** Where mDNS queries go (sent on {@link IceAgent#MDNS_SOCKET_ID}). */
    public InetSocketAddress mdnsDestination = new InetSocketAddress("224.0.0.251", 5353);
    /** Give up on an mDNS name after this long. */
    public long mdnsTimeoutMillis = 5000;
    /** Tie-breaker; random if null. */
    public Long tieBreaker;
}
