package org.rtc4j;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rtc4j.jsep.CodecCatalog;
import org.rtc4j.jsep.DescriptionWriter;
import org.rtc4j.jsep.MediaCodec;
import org.rtc4j.jsep.RemoteTransport;
import org.rtc4j.jsep.SectionPlan;
import org.rtc4j.rtp.ext.ExtensionUris;
import org.rtc4j.sdp.Direction;
import org.rtc4j.sdp.ExtMap;
import org.rtc4j.sdp.MediaDescription;
import org.rtc4j.sdp.Msid;
import org.rtc4j.sdp.SessionDescription;
import org.rtc4j.sdp.SsrcAttribute;
import org.rtc4j.sdp.SsrcGroup;

/**
 * The m= sections of one connection and what is in each (JSEP, RFC 8829): which transceiver or
 * the data channels a section carries, which mids exist, how offers grow (new sections at the
 * end, a stopped section's slot recycled), how a remote offer maps onto transceivers (creating
 * them for new sections), and what each side may send and receive once an answer settles it.
 * Runs on the connection's loop; {@link RTCPeerConnection} calls it and stays a facade.
 */
final class Negotiator {

    /** One m= line and what it carries. */
    static final class Slot {
        String mid;
        String media;
        RTCRtpTransceiver transceiver;
        boolean rejected;
        String protocol;
        List<String> formats = List.of();
        boolean legacyData;

        Slot copy() {
            Slot s = new Slot();
            s.mid = mid;
            s.media = media;
            s.transceiver = transceiver;
            s.rejected = rejected;
            s.protocol = protocol;
            s.formats = formats;
            s.legacyData = legacyData;
            return s;
        }

        boolean isData() {
            return "application".equals(media);
        }
    }

    private final RTCPeerConnection pc;
    private final List<RTCRtpTransceiver> transceivers;
    private List<Slot> slots = new ArrayList<>();
    private List<Slot> stableSlots = new ArrayList<>();
    private List<Slot> offered;
    private int nextMid;

    Negotiator(RTCPeerConnection pc, List<RTCRtpTransceiver> transceivers) {
        this.pc = pc;
        this.transceivers = transceivers;
    }

    List<Slot> slots() {
        return slots;
    }

    /** Whether a data section is part of the current negotiation (accepted). */
    boolean hasDataSection() {
        return slots.stream().anyMatch(s -> s.isData() && !s.rejected);
    }

    /** The first accepted section: its mid tags the BUNDLE group and names the candidates. */
    Slot transportSlot() {
        for (Slot s : slots) {
            if (!s.rejected) {
                return s;
            }
        }
        return null;
    }

    int indexOf(Slot s) {
        return slots.indexOf(s);
    }

    // ================================================================== offers

    /**
     * The sections of a new offer (JSEP §5.2.1, §5.2.2): the current ones, stopped ones
     * rejected, new transceivers in recycled or new slots, and the data section when
     * {@code wantData} and none exists.
     */
    List<SectionPlan> planOffer(boolean wantData) {
        List<Slot> plan = new ArrayList<>();
        for (Slot s : slots) {
            Slot c = s.copy();
            if (c.transceiver != null && (c.transceiver.stopping() || c.transceiver.stopped())) {
                c.rejected = true;
            }
            plan.add(c);
        }
        for (RTCRtpTransceiver t : transceivers) {
            if (t.stopping() || t.stopped() || plan.stream().anyMatch(s -> s.transceiver == t)) {
                continue;
            }
            Slot target = null;
            for (Slot s : plan) {
                // A slot rejected in the current negotiation, whose transceiver (if any) is
                // gone, may carry a new one under a new mid.
                Slot settled = findByMid(s.mid);
                if (s.rejected && (s.transceiver == null || s.transceiver.stopped()) && !s.isData()
                        && settled != null && settled.rejected) {
                    target = s;
                    break;
                }
            }
            if (target == null) {
                target = new Slot();
                plan.add(target);
            }
            target.mid = t.mid() != null ? t.mid() : newMidAvoiding(plan);
            target.media = t.kind();
            target.transceiver = t;
            target.rejected = false;
            target.protocol = DescriptionWriter.RTP_PROTOCOL;
        }
        if (wantData && plan.stream().noneMatch(s -> s.isData() && !s.rejected)) {
            Slot d = new Slot();
            d.mid = newMidAvoiding(plan);
            d.media = "application";
            d.protocol = DescriptionWriter.SCTP_PROTOCOL;
            plan.add(d);
        }
        offered = plan;
        List<SectionPlan> out = new ArrayList<>();
        for (Slot s : plan) {
            out.add(offerSection(s));
        }
        return out;
    }

    private Slot findByMid(String mid) {
        for (Slot s : slots) {
            if (mid != null && mid.equals(s.mid)) {
                return s;
            }
        }
        return null;
    }

    private String newMidAvoiding(List<Slot> plan) {
        Set<String> used = new HashSet<>();
        for (Slot s : plan) {
            if (s.mid != null) {
                used.add(s.mid);
            }
        }
        for (Slot s : slots) {
            if (s.mid != null) {
                used.add(s.mid);
            }
        }
        while (used.contains(Integer.toString(nextMid))) {
            nextMid++;
        }
        return Integer.toString(nextMid++);
    }

    private SectionPlan offerSection(Slot s) {
        if (s.rejected) {
            List<String> formats = s.formats.isEmpty() ? List.of(s.isData() ? DescriptionWriter.DATA_CHANNEL_FORMAT : "0")
                    : s.formats;
            return new SectionPlan.Rejected(s.mid, s.media, s.protocol == null ? DescriptionWriter.RTP_PROTOCOL
                    : s.protocol, formats);
        }
        if (s.isData()) {
            return new SectionPlan.Data(s.mid, false);
        }
        RTCRtpTransceiver t = s.transceiver;
        RTCRtpTransceiverDirection d = t.wantedDirection();
        return new SectionPlan.Media(s.mid, t.kind(), d.value(), t.offerCodecs(), CodecCatalog.offeredExtensions(t.kind()),
                d.sends() ? source(t) : null);
    }

    private SectionPlan.SendSource source(RTCRtpTransceiver t) {
        RtpSendStream st = t.sender().stream();
        LocalTrack track = t.sender().track();
        String trackId = track != null ? track.id() : "track-" + Long.toHexString(st.ssrc());
        return new SectionPlan.SendSource(st.ssrc(), "video".equals(t.kind()) ? st.rtxSsrc() : 0,
                pc.media().cname(), t.sender().streamIds(), trackId);
    }

    /** Our offer was set: its slots become the negotiation's, transceivers get their mids. */
    void localOfferSet(SessionDescription sdp) {
        List<Slot> plan = offered != null && offered.size() == sdp.media().size() ? offered : slotsOf(sdp);
        stableSlots = slots;
        slots = plan;
        for (Slot s : slots) {
            if (s.transceiver != null && !s.rejected) {
                s.transceiver.mid(s.mid);
            }
        }
        offered = null;
    }

    private List<Slot> slotsOf(SessionDescription sdp) {
        List<Slot> out = new ArrayList<>();
        for (MediaDescription m : sdp.media()) {
            Slot s = new Slot();
            s.mid = m.mid().orElse(null);
            s.media = m.media();
            s.protocol = m.protocol();
            s.formats = m.formats();
            s.rejected = m.port() == 0;
            for (RTCRtpTransceiver t : transceivers) {
                if (s.mid != null && s.mid.equals(t.mid())) {
                    s.transceiver = t;
                }
            }
            out.add(s);
        }
        return out;
    }

    /** A rollback: back to the sections of the last stable state. */
    void rollback() {
        for (Slot s : slots) {
            RTCRtpTransceiver t = s.transceiver;
            if (t != null && stableSlots.stream().noneMatch(x -> x.transceiver == t)) {
                t.mid(null);
            }
        }
        slots = stableSlots;
    }

    // ================================================================== remote offers

    /**
     * Maps a remote offer's sections onto transceivers (JSEP §5.10, W3C "set the remote
     * description"): a section keeps its transceiver while the mid stays; a new media section
     * takes an unassociated transceiver of its kind made by addTrack, or a new recvonly one.
     *
     * @return transceivers created for the offer
     */
    List<RTCRtpTransceiver> remoteOfferSet(SessionDescription sdp, RemoteTransport remote) {
        stableSlots = slots;
        List<Slot> next = new ArrayList<>();
        List<RTCRtpTransceiver> created = new ArrayList<>();
        List<MediaDescription> media = sdp.media();
        for (int i = 0; i < media.size(); i++) {
            MediaDescription m = media.get(i);
            Slot s = new Slot();
            s.mid = m.mid().orElse(Integer.toString(i));
            s.media = m.media();
            s.protocol = m.protocol();
            s.formats = m.formats();
            s.rejected = !remote.bundled(sdp, i);
            Slot old = i < slots.size() ? slots.get(i) : null;
            if ("audio".equals(m.media()) || "video".equals(m.media())) {
                RTCRtpTransceiver t = old != null && s.mid.equals(old.mid) ? old.transceiver : null;
                if (t == null && !s.rejected) {
                    t = unassociated(m.media(), next);
                    if (t == null) {
                        t = pc.newTransceiver(m.media(), null, RTCRtpTransceiverDirection.RECVONLY, List.of(), false);
                        created.add(t);
                    }
                }
                if (t != null) {
                    t.mid(s.mid);
                }
                s.transceiver = t;
            } else if (isData(m)) {
                s.legacyData = m.sctpMap().isPresent() || !m.formats().contains(DescriptionWriter.DATA_CHANNEL_FORMAT);
            } else {
                s.rejected = true;
            }
            next.add(s);
        }
        slots = next;
        return created;
    }

    private RTCRtpTransceiver unassociated(String kind, List<Slot> taken) {
        for (RTCRtpTransceiver t : transceivers) {
            if (t.kind().equals(kind) && t.mid() == null && !t.stopping() && t.createdByAddTrack()
                    && taken.stream().noneMatch(x -> x.transceiver == t)) {
                return t;
            }
        }
        return null;
    }

    /** The sections of our answer to the remote offer (JSEP §5.3.1). */
    List<SectionPlan> planAnswer(SessionDescription offer) {
        List<SectionPlan> out = new ArrayList<>();
        List<MediaDescription> media = offer.media();
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            MediaDescription m = media.get(i);
            SectionPlan p = s.rejected ? null : answerSection(s, offer, m);
            if (p == null) {
                out.add(new SectionPlan.Rejected(m.mid().orElse(null), m.media(), m.protocol(), m.formats()));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private SectionPlan answerSection(Slot s, SessionDescription offer, MediaDescription m) {
        if (s.isData()) {
            return new SectionPlan.Data(s.mid, s.legacyData);
        }
        RTCRtpTransceiver t = s.transceiver;
        if (t == null || t.stopping() || !m.rtcpMux()) {
            return null; // RFC 8843 bundles onto one transport, which needs rtcp-mux
        }
        List<MediaCodec> accepted = CodecCatalog.accept(t.kind(), m.codecs());
        if (accepted.stream().allMatch(MediaCodec::isTelephoneEvent)) {
            return null; // no codec in common: refuse the section, not the call
        }
        List<MediaCodec> codecs = t.orderAnswerCodecs(accepted);
        if (codecs.stream().allMatch(MediaCodec::isTelephoneEvent)) {
            return null; // the application's codec preferences exclude all offered codecs
        }
        Direction offered = offer.effectiveDirection(m);
        RTCRtpTransceiverDirection wanted = t.wantedDirection();
        RTCRtpTransceiverDirection d = RTCRtpTransceiverDirection.of(wanted.sends() && offered.receives(),
                wanted.receives() && offered.sends());
        List<ExtMap> ext = new ArrayList<>();
        for (ExtMap e : m.extMaps()) {
            if (CodecCatalog.supportsExtension(t.kind(), e.uri()) && e.id() <= 14) {
                ext.add(new ExtMap(e.id(), e.uri()));
            }
        }
        return new SectionPlan.Media(s.mid, t.kind(), d.value(), codecs, ext, d.sends() ? source(t) : null);
    }

    // ================================================================== settled

    /**
     * An answer completed the negotiation: each transceiver takes its codecs, extensions,
     * direction and remote SSRCs; sections rejected on either side stop theirs.
     *
     * @param local    our description (offer or answer) of this negotiation
     * @param remote   theirs
     * @param offerer  whether we made the offer
     */
    void settle(SessionDescription local, SessionDescription remote, boolean offerer) {
        MediaSession session = pc.media();
        for (int i = 0; i < slots.size() && i < local.media().size() && i < remote.media().size(); i++) {
            Slot s = slots.get(i);
            MediaDescription l = local.media().get(i);
            MediaDescription r = remote.media().get(i);
            if (l.port() == 0 || r.port() == 0) {
                s.rejected = true;
            }
            RTCRtpTransceiver t = s.transceiver;
            if (t == null) {
                continue;
            }
            if (s.rejected || t.stopping()) {
                s.rejected = true;
                session.bye(t.sender().stream());
                session.forget(t.receiver());
                t.markStopped();
                continue;
            }
            MediaDescription answer = offerer ? r : l;
            Direction ours = offerer ? remote.effectiveDirection(r).reverse() : local.effectiveDirection(l);
            RTCRtpTransceiverDirection current = RTCRtpTransceiverDirection.of(ours.sends(), ours.receives());
            RTCRtpTransceiverDirection before = t.currentDirection();
            t.currentDirection(current);
            List<RTCRtpHeaderExtensionParameters> ext = new ArrayList<>();
            for (ExtMap e : answer.extMaps()) {
                if (CodecCatalog.supportsExtension(t.kind(), e.uri())) {
                    ext.add(new RTCRtpHeaderExtensionParameters(e.uri(), e.id()));
                }
            }
            t.midExtensionId(ext.stream().filter(e -> ExtensionUris.MID.equals(e.uri())).mapToInt(
                    RTCRtpHeaderExtensionParameters::id).findFirst().orElse(-1));
            Set<Integer> ourPts = new HashSet<>();
            for (MediaCodec c : CodecCatalog.accept(t.kind(), l.codecs())) {
                ourPts.add(c.payloadType());
            }
            List<MediaCodec> send = new ArrayList<>();
            for (MediaCodec c : CodecCatalog.accept(t.kind(), r.codecs())) {
                if (ourPts.contains(c.payloadType())) {
                    send.add(c);
                }
            }
            if (before != null && before.sends() && !current.sends()) {
                session.bye(t.sender().stream());
            }
            t.sender().stream().negotiated(session, send, ext, s.mid, current.sends());
            t.receiver().negotiated(CodecCatalog.accept(t.kind(), l.codecs()), ext);
            session.reducedSize(l.rtcpRsize() && r.rtcpRsize());
            session.forget(t.receiver());
            long media = -1;
            long rtx = -1;
            for (SsrcGroup g : r.ssrcGroups()) {
                if ("FID".equals(g.semantics()) && g.ssrcs().size() == 2) {
                    media = g.ssrcs().get(0);
                    rtx = g.ssrcs().get(1);
                }
            }
            for (SsrcAttribute a : r.ssrcs()) {
                session.announce(a.ssrc(), t.receiver());
                if (media < 0) {
                    media = a.ssrc();
                }
            }
            t.receiver().stream().expectSsrcs(media, rtx);
        }
    }

    /**
     * The tracks a remote description starts (W3C "process remote tracks"): transceivers the
     * peer now sends on, with the stream ids of their msid.
     */
    List<RTCTrackEvent> remoteTracks(SessionDescription remote) {
        List<RTCTrackEvent> out = new ArrayList<>();
        for (int i = 0; i < slots.size() && i < remote.media().size(); i++) {
            Slot s = slots.get(i);
            RTCRtpTransceiver t = s.transceiver;
            MediaDescription m = remote.media().get(i);
            if (t == null || s.rejected || m.port() == 0) {
                continue;
            }
            boolean sends = remote.effectiveDirection(m).sends();
            if (sends && !t.remoteSending()) {
                List<String> streams = new ArrayList<>();
                for (Msid id : m.msids()) {
                    if (!"-".equals(id.streamId())) {
                        streams.add(id.streamId());
                    }
                }
                out.add(new RTCTrackEvent(t.receiver(), t.receiver().track(), streams, t));
            }
            t.remoteSending(sends);
        }
        return out;
    }

    private static boolean isData(MediaDescription m) {
        return m.media().equals("application") && m.protocol().endsWith("SCTP");
    }
}
