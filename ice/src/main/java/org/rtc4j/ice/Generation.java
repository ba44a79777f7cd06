package org.rtc4j.ice;

import java.nio.charset.StandardCharsets;

/**
 * Credentials of one ICE generation (changed by an ICE restart). Pairs keep the generation they
 * were formed in, so the old selected pair keeps answering and sending consent with the old
 * credentials until a pair of the new generation is selected.
 */
final class Generation {
    final String localUfrag;
    final String localPassword;
    final byte[] localUfragBytes;
    final byte[] localKey;
    String remoteUfrag;
    String remotePassword;
    byte[] remoteKey;

    Generation(String localUfrag, String localPassword) {
        this.localUfrag = localUfrag;
        this.localPassword = localPassword;
        this.localUfragBytes = localUfrag.getBytes(StandardCharsets.UTF_8);
        this.localKey = localPassword.getBytes(StandardCharsets.UTF_8);
    }

    boolean hasRemote() {
        return remoteUfrag != null;
    }

    void setRemote(String ufrag, String password) {
        remoteUfrag = ufrag;
        remotePassword = password;
        remoteKey = password.getBytes(StandardCharsets.UTF_8);
    }
}
