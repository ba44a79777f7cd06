/** DTMF over RTP: RFC 4733 telephone-event packets, sender and receiver. */
package org.rtc4j.rtp.dtmf;
