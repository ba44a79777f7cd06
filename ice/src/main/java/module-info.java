/**
 * STUN (RFC 8489), the TURN client (RFC 8656) and the ICE agent (RFC 8445), sans-IO: no sockets,
 * no threads, no clock of their own.
 */
module org.rtc4j.ice {
    requires org.slf4j;

    exports org.rtc4j.ice;
    exports org.rtc4j.ice.stun;
    exports org.rtc4j.ice.turn;
}
