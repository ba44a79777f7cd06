/**
 * Engine.IO / Socket.IO server and client, and the WebRTC signaling service.
 */
package org.rtc4j.signaling;
