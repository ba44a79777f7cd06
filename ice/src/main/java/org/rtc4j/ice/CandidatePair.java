package org.rtc4j.ice;

/**
 * A local/remote candidate pair on the checklist or valid list.
 */
public final class CandidatePair {
    /** RFC 8445 checklist pair states. */
    public enum State {
        /** Waiting for a pair with the same foundation to succeed. */
        FROZEN,
        /** Ready to be checked. */
        WAITING,
        /** A check is outstanding. */
        IN_PROGRESS,
        /** A check succeeded. */
        SUCCEEDED,
        /** Checks failed. */
        FAILED
    }

    private final IceCandidate local;
    // Replaced once when the peer signals the candidate it was learnt as peer-reflexive from.
    private IceCandidate remote;
    long priority;
    State state = State.FROZEN;
    boolean valid;
    boolean nominated;
    /** Controlling: the next check carries USE-CANDIDATE. */
    boolean nominating;
    /** Controlled: the peer sent USE-CANDIDATE; nominate when our check succeeds. */
    boolean nominateOnSuccess;
    /** The peer proved it knows our password on this path (so its data is acceptable). */
    boolean remoteAuthenticated;
    boolean triggered;
    /** Checklist pair whose check produced this valid pair (itself unless the local side was peer-reflexive). */
    CandidatePair checkedFrom;
    final Generation generation;
    long lastConsentAt;
    /** When anything last arrived on this pair while selected: consent, a check, DTLS, SCTP, media. */
    long lastReceivedAt;
    long nextConsentAt;
    boolean consentInFlight;

    CandidatePair(IceCandidate local, IceCandidate remote, Generation generation, boolean controlling) {
        this.local = local;
        this.remote = remote;
        this.generation = generation;
        updatePriority(controlling);
    }

    /**
     * The peer signalled {@code signalled}, at the address this pair's peer-reflexive remote
     * candidate was learnt from: the pair now names the signalled candidate (type, foundation,
     * priority), as browsers then report it.
     */
    void upgradeRemote(IceCandidate signalled, boolean controlling) {
        this.remote = signalled;
        updatePriority(controlling);
    }

    void updatePriority(boolean controlling) {
        long g = controlling ? local.priority() : remote.priority();
        long d = controlling ? remote.priority() : local.priority();
        priority = (Math.min(g, d) << 32) + 2 * Math.max(g, d) + (g > d ? 1 : 0);
    }

    /** @return the local candidate */
    public IceCandidate local() {
        return local;
    }

    /** @return the remote candidate */
    public IceCandidate remote() {
        return remote;
    }

    /** @return pair priority (RFC 8445 section 6.1.2.3) */
    public long priority() {
        return priority;
    }

    /** @return checklist state */
    public State state() {
        return state;
    }

    /** @return true once on the valid list */
    public boolean isValid() {
        return valid;
    }

    /** @return true once nominated */
    public boolean isNominated() {
        return nominated;
    }

    /** @return the caller socket id that carries this pair's traffic */
    public int socketId() {
        IceCandidate b = local.base != null ? local.base : local;
        return b.relay != null ? b.relay.socketId : b.socketId;
    }

    /** @return true if traffic goes through a TURN relay */
    public boolean isRelayed() {
        IceCandidate b = local.base != null ? local.base : local;
        return b.relay != null;
    }

    String foundation() {
        return local.foundation() + ":" + remote.foundation();
    }

    @Override
    public String toString() {
        return local.type().sdpName() + " " + local.host() + ":" + local.port() + " <-> " + remote.type().sdpName() + " "
                + remote.host() + ":" + remote.port() + " " + state + (nominated ? " nominated" : "");
    }
}
