/**
 * DTLS 1.2 endpoints and DTLS-SRTP keying over BouncyCastle.
 */
package org.rtc4j.dtls;
