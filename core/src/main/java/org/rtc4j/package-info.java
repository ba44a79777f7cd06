/**
 * RTCPeerConnection and the Netty transport that carries it.
 */
package org.rtc4j;
