/**
 * SRTP and SRTCP protection contexts.
 */
package org.rtc4j.srtp;
