package org.rtc4j.signaling.socketio;

/** Answers an event that asked for an acknowledgement. Only the first call sends. */
public interface Ack {
    /** An ack for an event that did not ask for one: {@link #send} does nothing. */
    Ack NONE = new Ack() {
        @Override
        public boolean requested() {
            return false;
        }

        @Override
        public void send(Object... args) {
        }
    };

    /** Whether the sender asked for an acknowledgement. */
    boolean requested();

    /** Sends the acknowledgement with these arguments (byte[] arguments travel as binary). */
    void send(Object... args);
}
