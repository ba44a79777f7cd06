package org.rtc4j.examples.sdp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.rtc4j.sdp.Attribute;
import org.rtc4j.sdp.Codec;
import org.rtc4j.sdp.ExtMap;
import org.rtc4j.sdp.Fingerprint;
import org.rtc4j.sdp.Group;
import org.rtc4j.sdp.MediaDescription;
import org.rtc4j.sdp.Origin;
import org.rtc4j.sdp.Parameter;
import org.rtc4j.sdp.RtcpFb;
import org.rtc4j.sdp.Rid;
import org.rtc4j.sdp.SdpCandidate;
import org.rtc4j.sdp.SdpSection;
import org.rtc4j.sdp.SessionDescription;
import org.rtc4j.sdp.Simulcast;
import org.rtc4j.sdp.SsrcAttribute;
import org.rtc4j.sdp.SsrcGroup;

/** The typed SDP model as JSON, for {@code rtc4j sdp check --json}. Absent values are left out. */
public final class SdpJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Attributes shown in typed form; any other attribute is listed under {@code otherAttributes}. */
    private static final Set<String> TYPED = Set.of("group", "msid-semantic", "ice-ufrag", "ice-pwd", "ice-options",
            "ice-lite", "fingerprint", "setup", "mid", "extmap", "extmap-allow-mixed", "sendrecv", "sendonly",
            "recvonly", "inactive", "rtcp", "rtcp-mux", "rtcp-mux-only", "rtcp-rsize", "rtpmap", "fmtp", "rtcp-fb",
            "ssrc", "ssrc-group", "msid", "rid", "simulcast", "sctp-port", "max-message-size", "candidate",
            "end-of-candidates", "sctpmap");

    private SdpJson() {
    }

    /**
     * Converts a parsed description.
     *
     * @param sdp the description
     * @return the description as a JSON object
     */
    public static ObjectNode toJson(SessionDescription sdp) {
        ObjectNode n = F.objectNode();
        n.put("version", sdp.version());
        Origin o = sdp.origin();
        ObjectNode origin = n.putObject("origin");
        origin.put("username", o.username());
        origin.put("sessionId", o.sessionId());
        origin.put("sessionVersion", o.sessionVersion());
        origin.put("netType", o.netType());
        origin.put("addrType", o.addrType());
        origin.put("address", o.address());
        n.put("sessionName", sdp.sessionName());
        ArrayNode timing = n.putArray("timing");
        sdp.timings().forEach(t -> timing.addObject().put("start", t.start()).put("stop", t.stop()));
        if (!sdp.groups().isEmpty()) {
            ArrayNode groups = n.putArray("groups");
            for (Group g : sdp.groups()) {
                ObjectNode gn = groups.addObject().put("semantics", g.semantics());
                strings(gn.putArray("mids"), g.mids());
            }
        }
        sdp.msidSemantic().ifPresent(m -> {
            ObjectNode mn = n.putObject("msidSemantic").put("semantic", m.semantic());
            strings(mn.putArray("streamIds"), m.streamIds());
        });
        section(n, sdp);
        ArrayNode media = n.putArray("media");
        for (MediaDescription m : sdp.media()) {
            media.add(media(m));
        }
        return n;
    }

    private static ObjectNode media(MediaDescription m) {
        ObjectNode n = F.objectNode();
        n.put("media", m.media());
        n.put("port", m.port());
        n.put("protocol", m.protocol());
        strings(n.putArray("formats"), m.formats());
        m.mid().ifPresent(v -> n.put("mid", v));
        section(n, m);
        m.rtcp().ifPresent(r -> n.put("rtcp", r.format()));
        flag(n, "rtcpMux", m.rtcpMux());
        flag(n, "rtcpMuxOnly", m.rtcpMuxOnly());
        flag(n, "rtcpRsize", m.rtcpRsize());
        List<Codec> codecs = m.codecs();
        if (!codecs.isEmpty()) {
            ArrayNode cs = n.putArray("codecs");
            for (Codec c : codecs) {
                ObjectNode cn = cs.addObject();
                cn.put("payloadType", c.payloadType());
                cn.put("name", c.name());
                cn.put("clockRate", c.clockRate());
                cn.put("channels", c.channels());
                if (!c.parameters().isEmpty()) {
                    parameters(cn.putObject("parameters"), c.parameters());
                }
                if (!c.feedback().isEmpty()) {
                    ArrayNode fb = cn.putArray("feedback");
                    for (RtcpFb f : c.feedback()) {
                        fb.add(f.parameter() == null ? f.type() : f.type() + " " + f.parameter());
                    }
                }
            }
        }
        if (!m.ssrcs().isEmpty()) {
            ArrayNode ss = n.putArray("ssrcs");
            for (long id : m.ssrcIds()) {
                ObjectNode sn = ss.addObject().put("ssrc", id);
                for (SsrcAttribute a : m.ssrcs()) {
                    if (a.ssrc() == id) {
                        sn.put(a.attribute(), a.value());
                    }
                }
            }
        }
        if (!m.ssrcGroups().isEmpty()) {
            ArrayNode gs = n.putArray("ssrcGroups");
            for (SsrcGroup g : m.ssrcGroups()) {
                ObjectNode gn = gs.addObject().put("semantics", g.semantics());
                ArrayNode ids = gn.putArray("ssrcs");
                g.ssrcs().forEach(ids::add);
            }
        }
        if (!m.msids().isEmpty()) {
            ArrayNode ms = n.putArray("msids");
            m.msids().forEach(x -> ms.addObject().put("streamId", x.streamId()).put("trackId", x.trackId()));
        }
        if (!m.rids().isEmpty()) {
            ArrayNode rs = n.putArray("rids");
            for (Rid r : m.rids()) {
                ObjectNode rn = rs.addObject().put("id", r.id()).put("direction", r.direction());
                if (!r.restrictions().isEmpty()) {
                    parameters(rn.putObject("restrictions"), r.restrictions());
                }
            }
        }
        m.simulcast().ifPresent(s -> {
            ObjectNode sn = n.putObject("simulcast");
            simulcast(sn.putArray("send"), s.send());
            simulcast(sn.putArray("recv"), s.recv());
        });
        m.sctpMap().ifPresent(s -> n.putObject("sctpmap").put("port", s.port()).put("protocol", s.protocol())
                .put("streams", s.streams()));
        if (m.mediaLine().isSctp()) {
            n.put("effectiveSctpPort", m.effectiveSctpPort());
        }
        return n;
    }

    /** Fields every section may carry (session or media level). */
    private static void section(ObjectNode n, SdpSection s) {
        s.connection().ifPresent(c -> n.put("connection", c.format()));
        s.iceUfrag().ifPresent(v -> n.put("iceUfrag", v));
        s.icePwd().ifPresent(v -> n.put("icePwd", v));
        if (!s.iceOptions().isEmpty()) {
            strings(n.putArray("iceOptions"), s.iceOptions());
        }
        flag(n, "iceLite", s.iceLite());
        if (!s.fingerprints().isEmpty()) {
            ArrayNode fs = n.putArray("fingerprints");
            for (Fingerprint f : s.fingerprints()) {
                fs.addObject().put("hashFunction", f.hashFunction()).put("fingerprint", f.fingerprint());
            }
        }
        s.setup().ifPresent(v -> n.put("setup", v.format()));
        s.direction().ifPresent(v -> n.put("direction", v.sdpName()));
        flag(n, "extmapAllowMixed", s.extmapAllowMixed());
        if (!s.extMaps().isEmpty()) {
            ArrayNode es = n.putArray("extmaps");
            for (ExtMap e : s.extMaps()) {
                ObjectNode en = es.addObject().put("id", e.id()).put("uri", e.uri());
                if (e.direction() != null) {
                    en.put("direction", e.direction().sdpName());
                }
                if (e.attributes() != null) {
                    en.put("attributes", e.attributes());
                }
            }
        }
        s.sctpPort().ifPresent(v -> n.put("sctpPort", v));
        s.maxMessageSize().ifPresent(v -> n.put("maxMessageSize", v));
        if (!s.candidates().isEmpty()) {
            ArrayNode cs = n.putArray("candidates");
            for (SdpCandidate c : s.candidates()) {
                cs.add(candidate(c));
            }
        }
        flag(n, "endOfCandidates", s.endOfCandidates());
        ArrayNode other = F.arrayNode();
        for (Attribute a : s.attributes()) {
            if (!TYPED.contains(a.name())) {
                ObjectNode an = other.addObject().put("name", a.name());
                if (a.value() != null) {
                    an.put("value", a.value());
                }
            }
        }
        if (!other.isEmpty()) {
            n.set("otherAttributes", other);
        }
    }

    private static ObjectNode candidate(SdpCandidate c) {
        ObjectNode n = F.objectNode();
        n.put("foundation", c.foundation());
        n.put("component", c.component());
        n.put("transport", c.transport());
        n.put("priority", c.priority());
        n.put("address", c.address());
        n.put("port", c.port());
        n.put("type", c.type());
        if (c.relatedAddress() != null) {
            n.put("relatedAddress", c.relatedAddress());
        }
        if (c.relatedPort() >= 0) {
            n.put("relatedPort", c.relatedPort());
        }
        if (c.tcpType() != null) {
            n.put("tcpType", c.tcpType());
        }
        if (!c.extensions().isEmpty()) {
            parameters(n.putObject("extensions"), c.extensions());
        }
        return n;
    }

    private static void parameters(ObjectNode n, List<Parameter> params) {
        for (Parameter p : params) {
            n.put(p.key(), p.value());
        }
    }

    private static void simulcast(ArrayNode arr, List<List<Simulcast.Stream>> streams) {
        for (List<Simulcast.Stream> alts : streams) {
            ArrayNode a = arr.addArray();
            alts.forEach(s -> a.add(s.toString()));
        }
    }

    private static void flag(ObjectNode n, String name, boolean value) {
        if (value) {
            n.put(name, true);
        }
    }

    private static void strings(ArrayNode arr, List<String> values) {
        values.forEach(arr::add);
    }
}
