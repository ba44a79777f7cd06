package org.rtc4j;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rtc4j.dtls.DtlsEndpoint;
import org.rtc4j.dtls.RTCDtlsFingerprint;
import org.rtc4j.ice.CandidatePair;
import org.rtc4j.ice.IceCandidate;
import org.rtc4j.sctp.SctpStats;
import org.rtc4j.transport.UdpSocket;

/**
 * Builds a {@link RTCStatsReport} from a connection's state on its loop, with the W3C stats
 * types ({@code peer-connection}, {@code transport}, {@code candidate-pair},
 * {@code local-candidate}, {@code remote-candidate}, {@code data-channel}, {@code certificate},
 * {@code sctp-transport}, and the media types of {@link MediaStats})
 * and their member names, so dashboards written for browsers read it unchanged.
 */
final class StatsCollector {

    private StatsCollector() {
    }

    static RTCStatsReport collect(RTCPeerConnection pc, TransportStack stack, long nowMs) {
        double ts = System.currentTimeMillis();
        List<RTCStats> out = new ArrayList<>();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataChannelsOpened", pc.dataChannelsOpened());
        m.put("dataChannelsClosed", pc.dataChannelsClosed());
        out.add(new RTCStats("P", "peer-connection", ts, m));

        RTCDtlsFingerprint fp = pc.certificate().getFingerprint("sha-256");
        m = new LinkedHashMap<>();
        m.put("fingerprint", fp.getValue());
        m.put("fingerprintAlgorithm", fp.getAlgorithm());
        m.put("base64Certificate", Base64.getEncoder().encodeToString(pc.certificate().getEncoded()));
        out.add(new RTCStats("CF" + fp.getValue().replace(":", ""), "certificate", ts, m));

        if (stack == null) {
            return new RTCStatsReport(out);
        }
        long bytesSent = 0;
        long bytesReceived = 0;
        long packetsSent = 0;
        long packetsReceived = 0;
        for (UdpSocket s : stack.sockets()) {
            bytesSent += s.bytesSent();
            bytesReceived += s.bytesReceived();
            packetsSent += s.datagramsSent();
            packetsReceived += s.datagramsReceived();
        }
        CandidatePair selected = stack.selectedPair();
        m = new LinkedHashMap<>();
        m.put("bytesSent", bytesSent);
        m.put("bytesReceived", bytesReceived);
        m.put("packetsSent", packetsSent);
        m.put("packetsReceived", packetsReceived);
        m.put("iceRole", stack.ice().role().name().toLowerCase(Locale.ROOT));
        m.put("iceLocalUsernameFragment", stack.ice().localUfrag());
        m.put("iceState", pc.iceConnectionState().value());
        m.put("dtlsState", dtlsState(stack.dtls()));
        if (stack.dtls() != null) {
            m.put("dtlsRole", stack.dtls().role().name().toLowerCase(Locale.ROOT));
        }
        if (pc.dtlsCipherSuite() != null) {
            m.put("tlsVersion", "FEFD");
            m.put("dtlsCipher", pc.dtlsCipherSuite());
        }
        if (selected != null) {
            m.put("selectedCandidatePairId", pairId(selected));
        }
        m.put("localCertificateId", "CF" + fp.getValue().replace(":", ""));
        MediaStats.dropped(pc.media(), stack.mediaDropped(), m);
        out.add(new RTCStats("T01", "transport", ts, m));
        MediaStats.collect(pc.getTransceivers(), pc.media(), ts, out);

        Map<String, IceCandidate> candidates = new LinkedHashMap<>();
        List<CandidatePair> pairs = new ArrayList<>(stack.ice().checklist());
        if (selected != null && !pairs.contains(selected)) {
            // A valid pair with a peer-reflexive local candidate (the address the peer saw) is not
            // on the checklist, yet it is the one in use: selectedCandidatePairId must resolve.
            pairs.add(selected);
        }
        for (CandidatePair p : pairs) {
            m = new LinkedHashMap<>();
            m.put("transportId", "T01");
            m.put("localCandidateId", candidateId("L", p.local()));
            m.put("remoteCandidateId", candidateId("R", p.remote()));
            m.put("state", p.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            m.put("nominated", p.isNominated());
            m.put("priority", p.priority());
            if (p == selected) {
                m.put("bytesSent", bytesSent);
                m.put("bytesReceived", bytesReceived);
            }
            out.add(new RTCStats(pairId(p), "candidate-pair", ts, m));
            candidates.put(candidateId("L", p.local()), p.local());
            candidates.put(candidateId("R", p.remote()), p.remote());
        }
        for (IceCandidate c : stack.ice().localCandidates()) {
            candidates.putIfAbsent(candidateId("L", c), c);
        }
        for (IceCandidate c : stack.ice().remoteCandidates()) {
            candidates.putIfAbsent(candidateId("R", c), c);
        }
        for (Map.Entry<String, IceCandidate> e : candidates.entrySet()) {
            IceCandidate c = e.getValue();
            m = new LinkedHashMap<>();
            m.put("transportId", "T01");
            m.put("address", c.host());
            m.put("port", c.port());
            m.put("protocol", c.transport());
            m.put("candidateType", c.type().sdpName());
            m.put("priority", c.priority());
            m.put("foundation", c.foundation());
            if (c.relatedHost() != null) {
                m.put("relatedAddress", c.relatedHost());
                m.put("relatedPort", c.relatedPort());
            }
            out.add(new RTCStats(e.getKey(), e.getKey().startsWith("L") ? "local-candidate" : "remote-candidate",
                    ts, m));
        }

        if (stack.sctp() != null) {
            out.add(sctp(pc, stack, ts));
        }
        for (RTCDataChannel c : stack.channels().values()) {
            m = new LinkedHashMap<>();
            m.put("label", c.label());
            m.put("protocol", c.protocol());
            m.put("dataChannelIdentifier", c.id());
            m.put("state", c.readyState().value());
            m.put("messagesSent", c.messagesSent());
            m.put("bytesSent", c.bytesSent());
            m.put("messagesReceived", c.messagesReceived());
            m.put("bytesReceived", c.bytesReceived());
            out.add(new RTCStats("D" + c.id(), "data-channel", ts, m));
        }
        return new RTCStatsReport(out);
    }

    /**
     * The association under the data channels: the members of the webrtc-stats draft's
     * {@code RTCSctpTransportStats} (smoothedRoundTripTime, congestionWindow, receiverWindow, mtu)
     * and the counters that tell why a transfer stalls (retransmissions, the window we advertise,
     * what waits for reassembly, what was discarded).
     */
    private static RTCStats sctp(RTCPeerConnection pc, TransportStack stack, double ts) {
        SctpStats s = stack.sctp().stats();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transportId", "T01");
        RTCSctpTransport t = pc.sctp();
        if (t != null) {
            m.put("state", t.state().value());
            if (t.maxChannels() != null) {
                m.put("maxChannels", t.maxChannels());
            }
            m.put("maxMessageSize", t.maxMessageSize());
        }
        m.put("smoothedRoundTripTime", s.smoothedRttMs() / 1000.0);
        m.put("retransmissionTimeout", s.rtoMs() / 1000.0);
        m.put("congestionWindow", s.cwnd());
        m.put("slowStartThreshold", s.ssthresh());
        m.put("bytesInFlight", s.flightSize());
        m.put("receiverWindow", s.peerReceiveWindow());
        m.put("localReceiverWindow", s.ourReceiveWindow());
        m.put("receiveBufferedBytes", s.receiveBufferedBytes());
        m.put("mtu", TransportStack.SCTP_MTU);
        m.put("packetsSent", s.packetsSent());
        m.put("packetsReceived", s.packetsReceived());
        m.put("packetsDiscarded", s.packetsDropped());
        m.put("messagesDelivered", s.messagesDelivered());
        m.put("retransmissions", s.retransmissions());
        m.put("outboundStreams", s.outboundStreams());
        m.put("inboundStreams", s.inboundStreams());
        m.put("zeroChecksum", s.zeroChecksum());
        return new RTCStats("SCTP01", "sctp-transport", ts, m);
    }

    private static String dtlsState(DtlsEndpoint dtls) {
        if (dtls == null) {
            return "new";
        }
        switch (dtls.state()) {
            case NEW: return "new";
            case HANDSHAKING: return "connecting";
            case CONNECTED: return "connected";
            case FAILED: return "failed";
            default: return "closed";
        }
    }

    private static String pairId(CandidatePair p) {
        return "CP" + candidateId("", p.local()) + "_" + candidateId("", p.remote());
    }

    private static String candidateId(String prefix, IceCandidate c) {
        return prefix + "I" + Integer.toHexString((c.host() + ":" + c.port() + "/" + c.transport() + "/"
                + c.type().sdpName()).hashCode());
    }
}
