package org.rtc4j;

import static org.rtc4j.RTCSignalingState.CLOSED;
import static org.rtc4j.RTCSignalingState.HAVE_LOCAL_OFFER;
import static org.rtc4j.RTCSignalingState.HAVE_LOCAL_PRANSWER;
import static org.rtc4j.RTCSignalingState.HAVE_REMOTE_OFFER;
import static org.rtc4j.RTCSignalingState.HAVE_REMOTE_PRANSWER;
import static org.rtc4j.RTCSignalingState.STABLE;

/**
 * The signaling-state machine of JSEP (RFC 8829 §3.2) as the W3C spec applies it: which
 * description may be set in which state, and where it leads.
 *
 * <p>A remote offer that arrives while our own offer is outstanding (glare) is taken after an
 * implicit rollback of ours, as the W3C spec does for "perfect negotiation"; a local offer set
 * while a remote one is pending is an {@code InvalidStateError}.
 */
final class SignalingTransitions {

    private SignalingTransitions() {
    }

    /**
     * The state after setting a description of {@code type}, local or remote, in {@code from}.
     *
     * @throws RTCException {@code InvalidStateError} if that description is not allowed there
     */
    static RTCSignalingState next(RTCSignalingState from, boolean local, RTCSdpType type) {
        if (from == CLOSED) {
            throw RTCException.invalidState("the connection is closed");
        }
        RTCSignalingState to = local ? nextLocal(from, type) : nextRemote(from, type);
        if (to == null) {
            throw RTCException.invalidState("cannot set " + (local ? "local " : "remote ") + type
                    + " in signaling state " + from);
        }
        return to;
    }

    /** Whether setting a remote {@code type} in {@code from} first rolls back our own offer. */
    static boolean needsImplicitRollback(RTCSignalingState from, boolean local, RTCSdpType type) {
        return !local && type == RTCSdpType.OFFER && from == HAVE_LOCAL_OFFER;
    }

    private static RTCSignalingState nextLocal(RTCSignalingState from, RTCSdpType type) {
        switch (type) {
            case OFFER:
                return from == STABLE || from == HAVE_LOCAL_OFFER ? HAVE_LOCAL_OFFER : null;
            case ANSWER:
                return from == HAVE_REMOTE_OFFER || from == HAVE_LOCAL_PRANSWER ? STABLE : null;
            case PRANSWER:
                return from == HAVE_REMOTE_OFFER || from == HAVE_LOCAL_PRANSWER ? HAVE_LOCAL_PRANSWER : null;
            case ROLLBACK:
                return rollback(from);
            default:
                return null;
        }
    }

    private static RTCSignalingState nextRemote(RTCSignalingState from, RTCSdpType type) {
        switch (type) {
            case OFFER:
                return from == STABLE || from == HAVE_REMOTE_OFFER || from == HAVE_LOCAL_OFFER
                        ? HAVE_REMOTE_OFFER : null;
            case ANSWER:
                return from == HAVE_LOCAL_OFFER || from == HAVE_REMOTE_PRANSWER ? STABLE : null;
            case PRANSWER:
                return from == HAVE_LOCAL_OFFER || from == HAVE_REMOTE_PRANSWER ? HAVE_REMOTE_PRANSWER : null;
            case ROLLBACK:
                return rollback(from);
            default:
                return null;
        }
    }

    // W3C: rolling back is only meaningful while an offer (ours or theirs) is pending.
    private static RTCSignalingState rollback(RTCSignalingState from) {
        return from == HAVE_LOCAL_OFFER || from == HAVE_REMOTE_OFFER ? STABLE : null;
    }
}
