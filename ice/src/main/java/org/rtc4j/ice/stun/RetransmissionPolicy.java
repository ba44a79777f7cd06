package org.rtc4j.ice.stun;

/**
 * STUN request retransmission parameters (RFC 8489 section 6.2.1): over UDP a request is sent at
 * 0, RTO, 3 RTO, 7 RTO, ... (doubling) up to {@code rc} times, then the client waits
 * {@code rm * RTO} for a response. Over reliable transports it is sent once and times out after
 * {@code reliableTimeoutMillis} (Ti, 39.5 s).
 *
 * @param rtoMillis initial retransmission timeout
 * @param rc maximum number of transmissions
 * @param rm multiplier for the final wait
 * @param maxRtoMillis cap on the doubled RTO (0 for none)
 * @param reliable true over TCP/TLS (no retransmission)
 * @param reliableTimeoutMillis Ti for reliable transports
 */
public record RetransmissionPolicy(long rtoMillis, int rc, int rm, long maxRtoMillis, boolean reliable,
                                   long reliableTimeoutMillis) {
    /** RFC defaults over UDP: RTO 500 ms, Rc 7, Rm 16 (39.5 s total). */
    public static final RetransmissionPolicy UDP_DEFAULT = new RetransmissionPolicy(500, 7, 16, 0, false, 39_500);
    /** RFC defaults over TCP/TLS: one transmission, Ti 39.5 s. */
    public static final RetransmissionPolicy RELIABLE_DEFAULT = new RetransmissionPolicy(500, 1, 16, 0, true, 39_500);

    /**
     * @param attempt transmissions so far (1 after the first send)
     * @return milliseconds from the previous transmission to the next transmission (or to the
     *     timeout if {@code attempt == rc})
     */
    public long waitAfter(int attempt) {
        if (reliable) {
            return reliableTimeoutMillis;
        }
        if (attempt >= rc) {
            return rm * rtoMillis;
        }
        long rto = rtoMillis << Math.min(attempt - 1, 20);
        return maxRtoMillis > 0 ? Math.min(rto, maxRtoMillis) : rto;
    }
}
