/**
 * Sans-IO per-stream RTCP machines (RFC 3550): {@link org.rtc4j.rtp.session.SendStream} builds
 * sender reports and digests the peer's reception reports about our SSRC,
 * {@link org.rtc4j.rtp.session.ReceiveStream} counts a remote SSRC's packets and keeps its SR
 * clock mapping, {@link org.rtc4j.rtp.session.RtcpInterval} says when the next compound packet
 * is due and {@link org.rtc4j.rtp.session.RtcpCompound} orders one. Time is always passed in, in
 * microseconds; nothing here reads a clock, opens a socket or starts a thread.
 */
package org.rtc4j.rtp.session;
