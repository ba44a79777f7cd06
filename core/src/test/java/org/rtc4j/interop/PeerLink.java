package org.rtc4j.interop;

import java.util.function.Consumer;

/** The signaling path between the test's rtc4j peer and a real peer in another process. */
interface PeerLink extends AutoCloseable {

    /** Sends one message to the real peer. */
    void send(Envelope message);

    /** Where messages from the real peer go (called on the link's own thread, one at a time). */
    void onMessage(Consumer<Envelope> handler);

    /** What the peer printed so far, for failure messages. */
    String transcript();

    @Override
    void close();
}
