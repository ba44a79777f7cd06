package org.rtc4j.sctp;

/** Association states of RFC 9260 §4, plus {@link #CLOSED} before the start and after the end. */
public enum SctpAssociationState {
    /** No association: listening for INIT / COOKIE-ECHO, or finished (see {@link SctpAssociation#isFinished()}). */
    CLOSED,
    /** INIT sent. */
    COOKIE_WAIT,
    /** COOKIE-ECHO sent. */
    COOKIE_ECHOED,
    /** Data flows. */
    ESTABLISHED,
    /** shutdown() called; waiting for outstanding data to be acknowledged. */
    SHUTDOWN_PENDING,
    /** SHUTDOWN sent. */
    SHUTDOWN_SENT,
    /** SHUTDOWN received; finishing our outstanding data. */
    SHUTDOWN_RECEIVED,
    /** SHUTDOWN-ACK sent. */
    SHUTDOWN_ACK_SENT
}
