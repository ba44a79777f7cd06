/**
 * SRTP and SRTCP protection (RFC 3711, RFC 7714) on the JDK's own crypto providers.
 *
 * <p>Start at {@link org.rtc4j.srtp.SrtpSession}: one session per DTLS-SRTP association, built
 * from the exported keying material, protects outgoing RTP/RTCP and unprotects incoming packets in
 * place. The hot path allocates nothing for the AES-CM profiles and reports bad packets with a
 * {@link org.rtc4j.srtp.SrtpStatus} instead of an exception.
 */
package org.rtc4j.srtp;
