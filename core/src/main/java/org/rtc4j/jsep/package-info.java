/**
 * JSEP (RFC 8829) for rtc4j's transports: reading what a remote description says about ICE,
 * DTLS and SCTP, and writing offers and answers a browser accepts. Used by
 * {@link org.rtc4j.RTCPeerConnection}; public for tests and tools, not a stable API.
 */
package org.rtc4j.jsep;
