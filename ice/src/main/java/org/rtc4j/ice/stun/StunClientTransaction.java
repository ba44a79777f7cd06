package org.rtc4j.ice.stun;

/**
 * One outstanding STUN request with its retransmission schedule; sans-IO. The owner sends
 * {@link #request()} when created and whenever {@link #handleTimeout(long)} says
 * {@link Action#RETRANSMIT}; it completes the transaction when a response with the same ID arrives.
 *
 * @param <C> caller context carried with the transaction (e.g. the candidate pair being checked)
 */
public final class StunClientTransaction<C> {
    /** What the owner must do after a timeout. */
    public enum Action {
        /** Nothing yet. */
        NONE,
        /** Send {@link #request()} again. */
        RETRANSMIT,
        /** Give up: no response arrived in time. */
        TIMED_OUT
    }

    private final TransactionId id;
    private final byte[] request;
    private final RetransmissionPolicy policy;
    private final C context;
    private int attempts = 1;
    private long deadline;
    private boolean done;
    private boolean quiet;

    /**
     * @param id transaction ID inside {@code request}
     * @param request encoded request, already sent once at {@code now}
     * @param policy retransmission policy
     * @param context caller context
     * @param now time of the first transmission (ms)
     */
    public StunClientTransaction(TransactionId id, byte[] request, RetransmissionPolicy policy, C context, long now) {
        this.id = id;
        this.request = request;
        this.policy = policy;
        this.context = context;
        this.deadline = now + policy.waitAfter(1);
    }

    /** @return the transaction ID */
    public TransactionId id() {
        return id;
    }

    /** @return the encoded request */
    public byte[] request() {
        return request;
    }

    /** @return the caller context */
    public C context() {
        return context;
    }

    /** @return number of transmissions so far */
    public int attempts() {
        return attempts;
    }

    /** @return when {@link #handleTimeout(long)} should next be called, or Long.MAX_VALUE when done */
    public long nextTimeout() {
        return done ? Long.MAX_VALUE : deadline;
    }

    /** @return true once completed, cancelled or timed out */
    public boolean isDone() {
        return done;
    }

    /** Marks the transaction complete (a response arrived) or cancelled. */
    public void complete() {
        done = true;
    }

    /**
     * Stops retransmitting but keeps accepting a response for a last wait (RFC 8445 7.3.1.4:
     * a triggered check replaces an in-progress one).
     *
     * @param now current time (ms)
     */
    public void stopRetransmitting(long now) {
        if (!done && !quiet) {
            quiet = true;
            deadline = now + policy.waitAfter(policy.rc());
        }
    }

    /**
     * @param now current time (ms)
     * @return what to do
     */
    public Action handleTimeout(long now) {
        if (done || now < deadline) {
            return Action.NONE;
        }
        if (quiet || policy.reliable() || attempts >= policy.rc()) {
            done = true;
            return Action.TIMED_OUT;
        }
        attempts++;
        deadline = now + policy.waitAfter(attempts);
        return Action.RETRANSMIT;
    }
}
