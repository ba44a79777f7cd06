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

    /**
     * Whether the sender asked for an acknowledgement.
     *
     * @return true when the event carried an ack id, false for {@link #NONE}
     */
    boolean requested();

    /**
     * Sends the acknowledgement with these arguments (byte[] arguments travel as binary). Calls
     * after the first, and calls when none was requested, do nothing.
     *
     * @param args the ack arguments, each converted as by {@link SioCodec#toNode(Object)}
     */
    void send(Object... args);
}
