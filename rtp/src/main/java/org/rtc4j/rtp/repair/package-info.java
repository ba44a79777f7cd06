/** Loss repair: the receive-side {@link org.rtc4j.rtp.repair.NackGenerator} and the send-side
 * {@link org.rtc4j.rtp.repair.RtxSendBuffer} (RFC 4585 NACK, RFC 4588 RTX). */
package org.rtc4j.rtp.repair;
