package org.rtc4j.signaling.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.rtc4j.signaling.engineio.EngineRequest;

/**
 * What a socket's connection carried: the Socket.IO CONNECT auth payload and the Engine.IO
 * handshake request (query, headers, address).
 *
 * @param auth    the CONNECT payload (an object; empty when the client sent none)
 * @param request the HTTP handshake
 */
public record Handshake(JsonNode auth, EngineRequest request) {
}
