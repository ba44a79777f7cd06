package org.rtc4j.jsep;

import java.util.List;
import java.util.Objects;
import org.rtc4j.sdp.Fingerprint;
import org.rtc4j.sdp.SdpCandidate;
import org.rtc4j.sdp.Setup;

/**
 * What our side says about its transport in a description it writes: ICE credentials, the
 * certificate fingerprints, the DTLS setup role, SCTP parameters and the candidates gathered
 * so far.
 *
 * @param iceUfrag        our ICE username fragment
 * @param icePwd          our ICE password
 * @param fingerprints    our certificate fingerprints (at least one)
 * @param setup           {@code actpass} in offers; {@code active} or {@code passive} in answers
 * @param sctpPort        our SCTP port (5000 by convention)
 * @param maxMessageSize  the largest message we accept, or 0 for no limit (RFC 8841)
 * @param candidates      local candidates gathered so far
 * @param endOfCandidates whether gathering is complete
 */
public record LocalTransport(String iceUfrag, String icePwd, List<Fingerprint> fingerprints, Setup setup,
        int sctpPort, long maxMessageSize, List<SdpCandidate> candidates, boolean endOfCandidates) {

    /**
     * Validates and copies the lists.
     *
     * @param iceUfrag        our ICE username fragment; not null
     * @param icePwd          our ICE password; not null
     * @param fingerprints    our certificate fingerprints; at least one
     * @param setup           our DTLS setup role; not null
     * @param sctpPort        our SCTP port
     * @param maxMessageSize  the largest message we accept, or 0 for no limit
     * @param candidates      local candidates gathered so far
     * @param endOfCandidates whether gathering is complete
     * @throws IllegalArgumentException if there is no fingerprint
     */
    public LocalTransport {
        Objects.requireNonNull(iceUfrag, "iceUfrag");
        Objects.requireNonNull(icePwd, "icePwd");
        Objects.requireNonNull(setup, "setup");
        fingerprints = List.copyOf(fingerprints);
        candidates = List.copyOf(candidates);
        if (fingerprints.isEmpty()) {
            throw new IllegalArgumentException("at least one fingerprint");
        }
    }

    /**
     * The same with another setup role.
     *
     * @param role the DTLS setup role to write
     * @return a copy with {@code setup} set to {@code role}
     */
    public LocalTransport withSetup(Setup role) {
        return new LocalTransport(iceUfrag, icePwd, fingerprints, role, sctpPort, maxMessageSize, candidates,
                endOfCandidates);
    }
}
