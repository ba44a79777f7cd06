package org.rtc4j.signaling.socketio;

/** Handles one event: its arguments and the ack to answer (a no-op when none was requested). */
@FunctionalInterface
public interface EventHandler {
    /**
     * Handles one received event.
     *
     * @param args the event's arguments, without its name
     * @param ack  the ack to answer with; {@link Ack#NONE} when the sender asked for none
     */
    void handle(Args args, Ack ack);
}
