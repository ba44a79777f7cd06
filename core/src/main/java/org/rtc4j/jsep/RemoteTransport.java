package org.rtc4j.jsep;

import java.util.List;
import java.util.Optional;
import org.rtc4j.RTCException;
import org.rtc4j.sdp.Fingerprint;
import org.rtc4j.sdp.Group;
import org.rtc4j.sdp.MediaDescription;
import org.rtc4j.sdp.SdpCandidate;
import org.rtc4j.sdp.SessionDescription;
import org.rtc4j.sdp.Setup;

/**
 * What a remote description says about the data transport: the section that carries SCTP, its
 * ICE credentials and candidates, the certificate fingerprints, the DTLS setup role and the SCTP
 * parameters. {@link #read} refuses what cannot be used with the W3C error names.
 *
 * @param dataMid         the mid of the SCTP section, or null when there is none
 * @param dataIndex       the index of the SCTP section among the m= sections, or -1
 * @param legacySctp      whether the section uses the pre-RFC 8841 form ({@code DTLS/SCTP 5000}
 *                        with {@code a=sctpmap}), which the answer must mirror
 * @param iceUfrag        the remote ICE username fragment
 * @param icePwd          the remote ICE password
 * @param iceLite         whether the remote agent is ICE-lite
 * @param fingerprints    the certificate fingerprints the DTLS peer must match
 * @param setup           the remote DTLS setup role
 * @param sctpPort        the remote SCTP port
 * @param maxMessageSize  the largest message the remote accepts; 0 means no limit (RFC 8841)
 * @param candidates      candidates given inline
 * @param endOfCandidates whether the description says its candidates are complete
 * @param bundleMids      the mids of the BUNDLE group, empty when there is none
 */
public record RemoteTransport(String dataMid, int dataIndex, boolean legacySctp, String iceUfrag, String icePwd,
        boolean iceLite, List<Fingerprint> fingerprints, Setup setup, int sctpPort, long maxMessageSize,
        List<SdpCandidate> candidates, boolean endOfCandidates, List<String> bundleMids) {

    /** RFC 8841 §6.1: without {@code a=max-message-size} the peer is assumed to take 64 KiB. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 65536;

    /** Whether the description has a usable data-channel section. */
    public boolean hasData() {
        return dataMid != null || dataIndex >= 0;
    }

    /**
     * Reads the remote transport from a description of the given kind.
     *
     * @param sdp     the parsed remote description
     * @param isOffer whether it is an offer (setup {@code actpass} allowed) or an answer
     * @throws RTCException {@code InvalidAccessError} when ICE credentials or fingerprints are
     *                      missing or the setup role is unusable
     */
    public static RemoteTransport read(SessionDescription sdp, boolean isOffer) {
        List<MediaDescription> media = sdp.media();
        int index = -1;
        for (int i = 0; i < media.size(); i++) {
            MediaDescription m = media.get(i);
            if (isSctp(m) && m.port() != 0) {
                index = i;
                break;
            }
        }
        List<String> bundle = sdp.bundleGroup().map(Group::mids).orElse(List.of());
        if (index < 0) {
            return new RemoteTransport(null, -1, false, null, null, sdp.iceLite(), List.of(), null, -1,
                    DEFAULT_MAX_MESSAGE_SIZE, List.of(), false, bundle);
        }
        MediaDescription m = media.get(index);
        String what = "m=" + m.media() + " section " + index;
        Optional<String> ufrag = sdp.effectiveIceUfrag(m);
        Optional<String> pwd = sdp.effectiveIcePwd(m);
        if (ufrag.isEmpty() || pwd.isEmpty()) {
            throw new RTCException(RTCException.Name.InvalidAccessError,
                    what + " has no ICE credentials (a=ice-ufrag and a=ice-pwd)");
        }
        List<Fingerprint> fingerprints = sdp.effectiveFingerprints(m);
        if (fingerprints.isEmpty()) {
            throw new RTCException(RTCException.Name.InvalidAccessError,
                    what + " has no a=fingerprint: DTLS could not be authenticated");
        }
        Setup setup = sdp.effectiveSetup(m).orElse(isOffer ? Setup.ACTPASS : Setup.ACTIVE);
        if (setup == Setup.HOLDCONN || (!isOffer && setup == Setup.ACTPASS)) {
            throw new RTCException(RTCException.Name.InvalidAccessError,
                    what + " has a=setup:" + setup.format() + ", which cannot be used in an "
                            + (isOffer ? "offer" : "answer"));
        }
        int port = m.effectiveSctpPort();
        if (port < 1 || port > 65535) {
            throw new RTCException(RTCException.Name.InvalidAccessError, what + " has no usable SCTP port");
        }
        long maxMessageSize = m.maxMessageSize().orElse(DEFAULT_MAX_MESSAGE_SIZE);
        boolean legacy = m.sctpMap().isPresent() || !m.formats().contains("webrtc-datachannel");
        return new RemoteTransport(m.mid().orElse(null), index, legacy, ufrag.get(), pwd.get(), sdp.iceLite(),
                fingerprints, setup, port, maxMessageSize, m.candidates(), m.endOfCandidates(), bundle);
    }

    static boolean isSctp(MediaDescription m) {
        return m.media().equals("application") && m.protocol().endsWith("SCTP");
    }
}
