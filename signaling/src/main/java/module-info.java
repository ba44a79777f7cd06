/**
 * An Engine.IO v4 / Socket.IO v5 server and client on Netty, with rooms, broadcast and the WebRTC
 * signaling service (join, leave, signal; HS256 tokens).
 *
 * <p>Jackson's databind and Netty's transport and HTTP codec come with this module
 * ({@code requires transitive}): event arguments are Jackson trees, and the Engine.IO handlers
 * and event loops are Netty's. {@code Args.as(int, Class)} binds arguments to an application's
 * classes, whose package must then be open to {@code com.fasterxml.jackson.databind}.
 */
module org.rtc4j.signaling {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive io.netty.codec.http;
    requires transitive io.netty.transport;
    requires org.slf4j;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.handler;

    exports org.rtc4j.signaling.client;
    exports org.rtc4j.signaling.engineio;
    exports org.rtc4j.signaling.server;
    exports org.rtc4j.signaling.service;
    exports org.rtc4j.signaling.socketio;
}
