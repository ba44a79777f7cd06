/**
 * SCTP (RFC 9260) over DTLS (RFC 8261) with WebRTC data channels (RFC 8831, DCEP RFC 8832), as a
 * sans-IO association.
 */
module org.rtc4j.sctp {
    requires org.slf4j;

    exports org.rtc4j.sctp;
}
