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
 * What a remote description says about the one transport every section shares (BUNDLE): the
 * section that names it (the first accepted section of the BUNDLE group), its ICE credentials
 * and candidates, the certificate fingerprints and DTLS setup role, and the data-channel section
 * with its SCTP parameters when there is one. {@link #read} refuses what cannot be used with the
 * W3C error names.
 *
 * @param transportMid    the mid of the section whose transport all use, or null when none is accepted
 * @param transportIndex  its index among the m= sections, or -1
 * @param dataMid         the mid of the SCTP section, or null when there is none
 * @param dataIndex       the index of the SCTP section among the m= sections, or -1
 * @param legacySctp      whether the section uses the pre-RFC 8841 form ({@code DTLS/SCTP 5000}
 *                        with {@code a=sctpmap}), which the answer must mirror
 * @param iceUfrag        the remote ICE username fragment
 * @param icePwd          the remote ICE password
 * @param iceLite         whether the remote agent is ICE-lite
 * @param fingerprints    the certificate fingerprints the DTLS peer must match
 * @param setup           the remote DTLS setup role
 * @param sctpPort        the remote SCTP port, or -1 without a data section
 * @param maxMessageSize  the largest message the remote accepts; 0 means no limit (RFC 8841)
 * @param candidates      candidates given inline
 * @param endOfCandidates whether the description says its candidates are complete
 * @param bundleMids      the mids of the BUNDLE group, empty when there is none
 */
public record RemoteTransport(String transportMid, int transportIndex, String dataMid, int dataIndex,
        boolean legacySctp, String iceUfrag, String icePwd, boolean iceLite, List<Fingerprint> fingerprints,
        Setup setup, int sctpPort, long maxMessageSize, List<SdpCandidate> candidates, boolean endOfCandidates,
        List<String> bundleMids) {

    /** RFC 8841 §6.1: without {@code a=max-message-size} the peer is assumed to take 64 KiB. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 65536;

    /**
     * Whether the description has a usable data-channel section.
     *
     * @return true if an accepted SCTP section rides the shared transport
     */
    public boolean hasData() {
        return dataIndex >= 0;
    }

    /**
     * Whether any section is accepted, so there is a transport to run.
     *
     * @return true if {@link #transportIndex()} names a section
     */
    public boolean hasTransport() {
        return transportIndex >= 0;
    }

    /**
     * Whether section {@code index} rides the shared transport: it is accepted (port not 0) and
     * in the BUNDLE group, or it is the only transport section of a description without one.
     *
     * @param sdp   the description this was read from
     * @param index the section's index among its m= sections
     * @return true if the section uses the shared transport
     */
    public boolean bundled(SessionDescription sdp, int index) {
        MediaDescription m = sdp.media().get(index);
        if (m.port() == 0) {
            return false;
        }
        if (bundleMids.isEmpty()) {
            return index == transportIndex;
        }
        return m.mid().map(bundleMids::contains).orElse(false);
    }

    /**
     * Reads the remote transport from a description of the given kind.
     *
     * @param sdp     the parsed remote description
     * @param isOffer whether it is an offer (setup {@code actpass} allowed) or an answer
     * @return what the description says; without an accepted section, a transport with index -1
     *         and no credentials
     * @throws RTCException {@code InvalidAccessError} when ICE credentials or fingerprints are
     *                      missing or the setup role is unusable
     */
    public static RemoteTransport read(SessionDescription sdp, boolean isOffer) {
        List<MediaDescription> media = sdp.media();
        List<String> bundle = sdp.bundleGroup().map(Group::mids).orElse(List.of());
        int transport = -1;
        for (int i = 0; i < media.size() && transport < 0; i++) {
            MediaDescription m = media.get(i);
            boolean usable = m.port() != 0 && (isSctp(m) || m.mediaLine().isRtp());
            if (usable && (bundle.isEmpty() || m.mid().map(bundle::contains).orElse(false))) {
                transport = i;
            }
        }
        if (transport < 0) {
            return new RemoteTransport(null, -1, null, -1, false, null, null, sdp.iceLite(), List.of(), null, -1,
                    DEFAULT_MAX_MESSAGE_SIZE, List.of(), false, bundle);
        }
        int data = -1;
        for (int i = 0; i < media.size(); i++) {
            MediaDescription m = media.get(i);
            if (isSctp(m) && m.port() != 0
                    && (i == transport || m.mid().map(bundle::contains).orElse(false))) {
                data = i;
                break;
            }
        }
        MediaDescription t = media.get(transport);
        String what = "m=" + t.media() + " section " + transport;
        Optional<String> ufrag = sdp.effectiveIceUfrag(t);
        Optional<String> pwd = sdp.effectiveIcePwd(t);
        if (ufrag.isEmpty() || pwd.isEmpty()) {
            throw new RTCException(RTCException.Name.InvalidAccessError,
                    what + " has no ICE credentials (a=ice-ufrag and a=ice-pwd)");
        }
        List<Fingerprint> fingerprints = sdp.effectiveFingerprints(t);
        if (fingerprints.isEmpty()) {
            throw new RTCException(RTCException.Name.InvalidAccessError,
                    what + " has no a=fingerprint: DTLS could not be authenticated");
        }
        Setup setup = sdp.effectiveSetup(t).orElse(isOffer ? Setup.ACTPASS : Setup.ACTIVE);
        if (setup == Setup.HOLDCONN || (!isOffer && setup == Setup.ACTPASS)) {
            throw new RTCException(RTCException.Name.InvalidAccessError,
                    what + " has a=setup:" + setup.format() + ", which cannot be used in an "
                            + (isOffer ? "offer" : "answer"));
        }
        int sctpPort = -1;
        long maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        boolean legacy = false;
        String dataMid = null;
        if (data >= 0) {
            MediaDescription d = media.get(data);
            sctpPort = d.effectiveSctpPort();
            if (sctpPort < 1 || sctpPort > 65535) {
                throw new RTCException(RTCException.Name.InvalidAccessError,
                        "m=application section " + data + " has no usable SCTP port");
            }
            maxMessageSize = d.maxMessageSize().orElse(DEFAULT_MAX_MESSAGE_SIZE);
            legacy = d.sctpMap().isPresent() || !d.formats().contains("webrtc-datachannel");
            dataMid = d.mid().orElse(null);
        }
        return new RemoteTransport(t.mid().orElse(null), transport, dataMid, data, legacy, ufrag.get(), pwd.get(),
                sdp.iceLite(), fingerprints, setup, sctpPort, maxMessageSize, t.candidates(), t.endOfCandidates(),
                bundle);
    }

    static boolean isSctp(MediaDescription m) {
        return m.media().equals("application") && m.protocol().endsWith("SCTP");
    }
}
