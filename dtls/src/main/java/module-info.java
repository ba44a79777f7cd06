/**
 * DTLS 1.2 for WebRTC (RFC 8827, RFC 5764 key export for SRTP) on BouncyCastle, behind a sans-IO
 * endpoint.
 */
module org.rtc4j.dtls {
    requires org.slf4j;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.tls;
    requires org.bouncycastle.util;

    exports org.rtc4j.dtls;
}
