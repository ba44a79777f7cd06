/**
 * SRTP and SRTCP (RFC 3711, AES-GCM per RFC 7714) on the JDK's own crypto, with replay protection.
 */
module org.rtc4j.srtp {
    requires org.slf4j;

    exports org.rtc4j.srtp;
}
