package org.rtc4j.signaling.socketio;

/** Handles one event: its arguments and the ack to answer (a no-op when none was requested). */
@FunctionalInterface
public interface EventHandler {
    void handle(Args args, Ack ack);
}
