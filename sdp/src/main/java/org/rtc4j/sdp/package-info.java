/**
 * SDP (RFC 8866) parsing, formatting and the typed JSEP model.
 */
package org.rtc4j.sdp;
