package org.rtc4j.examples;

import java.util.function.Consumer;

/**
 * The application's own parts that documentation fragments talk to — what a page leaves to the
 * reader (their signaling channel, their decoder) — so that a fragment naming them compiles with
 * a {@code <!-- snippet: given ... -->} marker. Fragments import these by simple name.
 */
public final class DocGiven {
    private DocGiven() {
    }

    /** The app's own way of reaching the other peer (a WebSocket, an HTTP API, a message bus). */
    public interface AppSignaling {
        /** Sends one JSON message to the other peer. */
        void send(String json);

        /** Waits for the other peer's answer and returns its JSON form. */
        String receiveAnswer();

        /** Calls {@code listener} with each candidate's JSON the other peer sends. */
        void onCandidate(Consumer<String> listener);
    }

    /** The app's video or audio decoder. */
    public interface AppDecoder {
        /** Decodes one encoded frame. */
        void decode(byte[] frame, long rtpTimestamp, boolean keyFrame);
    }
}
