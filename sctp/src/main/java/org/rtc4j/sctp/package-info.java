/**
 * SCTP associations over DTLS and WebRTC data channels.
 */
package org.rtc4j.sctp;
