package org.rtc4j.rtp.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.rtp.Hex;
import org.rtc4j.rtp.RtpParseException;

class RtcpParserTest {
    private static RtcpPacket roundTrip(RtcpPacket p) {
        byte[] b = p.toBytes();
        assertThat(b.length).isEqualTo(p.length()).matches(n -> n % 4 == 0);
        List<RtcpPacket> parsed = RtcpParser.parse(b);
        assertThat(parsed).hasSize(1);
        assertThat(parsed.get(0)).isEqualTo(p);
        assertThat(parsed.get(0).toBytes()).containsExactly(b);
        return parsed.get(0);
    }

    private static final ReportBlock BLOCK = new ReportBlock(0x11111111L, 25, -3, 0x0001FFFFL, 120, 0xAABBCCDDL, 65536);

    @Test
    void everyPacketTypeRoundTrips() {
        roundTrip(new SenderReport(1, 0xE1234567_89ABCDEFL, 0xFFFFFFFFL, 100, 20000, List.of(BLOCK, BLOCK)));
        roundTrip(new SenderReport(1, 0, 0, 0, 0, List.of()));
        roundTrip(new ReceiverReport(2, List.of(BLOCK)));
        roundTrip(new ReceiverReport(2, List.of()));
        roundTrip(SourceDescription.cname(3, "user@example.com"));
        roundTrip(new SourceDescription(List.of(
                new SourceDescription.Chunk(4, List.of(new SourceDescription.Item(1, "abc"), new SourceDescription.Item(2, "Name"))),
                new SourceDescription.Chunk(5, List.of(new SourceDescription.Item(1, "abcd"))))));
        roundTrip(new Bye(List.of(6L, 7L), "done"));
        roundTrip(new Bye(List.of(6L), null));
        roundTrip(new App(3, 8, "TEST", new byte[] {1, 2, 3, 4}));
        roundTrip(new GenericNack(9, 10, List.of(100, 101, 105, 116, 117, 200, 65535, 0)));
        roundTrip(new PictureLossIndication(11, 12));
        roundTrip(new FullIntraRequest(13, List.of(new FullIntraRequest.Entry(14, 1), new FullIntraRequest.Entry(15, 255))));
        roundTrip(new Remb(16, 0x3FFFFL << 3, List.of(17L, 18L)));
        roundTrip(new ExtendedReport(19, List.of(new ExtendedReport.Rrtr(0x0102030405060708L),
                new ExtendedReport.Dlrr(List.of(new ExtendedReport.DlrrEntry(20, 21, 22), new ExtendedReport.DlrrEntry(23, 24, 25))),
                new ExtendedReport.UnknownBlock(42, 7, new byte[] {9, 9, 9, 9}))));
        roundTrip(new UnknownRtcp(5, 210, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        roundTrip(new UnknownRtcp(3, RtcpPacket.PSFB, new byte[] {0, 0, 0, 1, 0, 0, 0, 2})); // unmodelled FMT
        roundTrip(TransportCcFeedback.fromArrivals(1, 2, 65530, 7,
                new long[] {1_000_000, 1_000_250, -1, -1, 1_100_000, 1_099_000, 1_099_250, -1}));
    }

    @Test
    void nackPacksIntoPidAndBitmask() {
        GenericNack n = new GenericNack(1, 2, List.of(100, 101, 103, 116, 117));
        // 100 with bits for 101 (bit0), 103 (bit2), 116 (bit15); then 117 alone
        assertThat(Hex.of(n.toBytes(), 12, 8)).isEqualTo("0064" + "8005" + "0075" + "0000");
        assertThat(n.toBytes()[0] & 0xFF).isEqualTo(0x81);
        assertThat(n.toBytes()[1] & 0xFF).isEqualTo(205);
    }

    @Test
    void rembRoundsLargeBitratesToItsMantissa() {
        Remb r = new Remb(1, 10_000_000_000L, List.of(5L));
        Remb back = (Remb) RtcpParser.parse(r.toBytes()).get(0);
        assertThat(back.bitrate()).isLessThanOrEqualTo(10_000_000_000L).isGreaterThan(9_999_000_000L);
        // Chrome's REMB example: exp 4, mantissa 0x3A0A8 -> 237736 << 4
        byte[] chrome = Hex.bytes("8f ce 0005 00000001 00000000 52454d42 01 13a0a8 11223344");
        Remb c = (Remb) RtcpParser.parse(chrome).get(0);
        assertThat(c.bitrate()).isEqualTo(0x3A0A8L << 4);
        assertThat(c.ssrcs()).containsExactly(0x11223344L);
    }

    @Test
    void compoundAndReducedSizeDatagrams() {
        List<RtcpPacket> compound = List.of(new ReceiverReport(1, List.of(BLOCK)), SourceDescription.cname(1, "c"),
                new Remb(1, 300_000, List.of(2L)), new Bye(List.of(1L), null));
        byte[] d = RtcpParser.write(compound);
        assertThat(RtcpParser.parse(d)).isEqualTo(compound);
        assertThat(RtcpParser.isRtcp(d, 0, d.length)).isTrue();
        // RFC 5506: a lone feedback packet, no leading SR/RR
        byte[] pli = new PictureLossIndication(1, 2).toBytes();
        assertThat(RtcpParser.parse(pli)).containsExactly(new PictureLossIndication(1, 2));
    }

    @Test
    void paddedPacketIsUnpadded() {
        // RR with no blocks, P bit and 4 bytes of padding
        byte[] d = Hex.bytes("a0 c9 0002 00000005 00000004");
        assertThat(RtcpParser.parse(d)).containsExactly(new ReceiverReport(5, List.of()));
    }

    @Test
    void twccChromeCaptureParses() {
        // Chrome capture (vector chunk of 2-bit symbols, then a run-length chunk longer than the count)
        byte[] d = Hex.bytes("afcd0007 9b74f61f 9371dcbc 853c0009 63f916b3 d5520030 9baa6aaa 7b010901");
        TransportCcFeedback t = (TransportCcFeedback) RtcpParser.parse(d).get(0);
        assertThat(t.senderSsrc()).isEqualTo(2608133663L);
        assertThat(t.mediaSsrc()).isEqualTo(2473712828L);
        assertThat(t.baseSequence()).isEqualTo(34108);
        assertThat(t.referenceTime()).isEqualTo(6551830);
        assertThat(t.feedbackCount()).isEqualTo(179);
        assertThat(t.statuses()).containsExactly(1, 1, 1, 1, 1, 0, 2, 0, 0);
        assertThat(t.deltas()).containsExactly(155, 170, 106, 170, 123, 265);
    }

    @Test
    void twccWriterMatchesLibwebrtcBytes() {
        // run-length chunk of 7 small deltas, padded with P bit: as libwebrtc and Pion emit it
        TransportCcFeedback t = new TransportCcFeedback(4195875351L, 423483579L, 4, 1074030, 1,
                new int[] {1, 1, 1, 1, 1, 1, 1}, new int[] {76, 36, 36, 16, 12, 12, 16});
        assertThat(Hex.of(t.toBytes(), 0, t.length()))
                .isEqualTo("afcd0007fa17fa17193dd8bb00040007" + "10636e0120074c2424100c0c10000003");
        // 1-bit status vector with 12 used symbols
        TransportCcFeedback v = new TransportCcFeedback(4195875351L, 1124282272L, 39956, 7701536, 0,
                new int[] {1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0}, new int[] {193, 63, 59, 63, 83, 144, 59});
        assertThat(Hex.of(v.toBytes(), 0, v.length()))
                .isEqualTo("afcd0007fa17fa1743032fa09c14000c" + "75842000bec0c13f3b3f53903b000003");
        assertThat(RtcpParser.parse(v.toBytes()).get(0)).isEqualTo(v);
    }

    @Test
    void twccFromArrivalsReconstructsTimesTo250us() {
        long[] arrivals = {5_000_000, -1, 5_010_000, 5_009_000, 5_500_000, -1, -1, 5_500_250};
        long[] statusesRun = new long[40];
        java.util.Arrays.fill(statusesRun, -1);
        statusesRun[39] = 9_000_000;
        for (long[] a : new long[][] {arrivals, statusesRun}) {
            TransportCcFeedback t = TransportCcFeedback.fromArrivals(1, 2, 0, 0, a);
            TransportCcFeedback back = (TransportCcFeedback) roundTrip(t);
            long[] rec = back.arrivalMicros();
            for (int i = 0; i < a.length; i++) {
                if (a[i] < 0) {
                    assertThat(rec[i]).isEqualTo(-1);
                } else {
                    assertThat(rec[i]).isBetween(a[i] - 250, a[i]);
                }
            }
        }
    }

    @Test
    void malformedDatagramsRaiseTheDeclaredError() {
        String[] bad = {
            "",                                   // empty
            "80c9",                               // header cut
            "40c9 0001 00000001",                 // version 1
            "81c9 0001 00000001",                 // RR claims a block it lacks
            "80c9 0005 00000001",                 // length beyond datagram
            "a0c9 0001 00000000",                 // padding count 0
            "81ca 0001 00000001",                 // SDES item list not terminated
            "81cd 0001 00000001",                 // NACK without FCI
            "8fcd 0004 00000001 00000002 00000005 00000000", // TWCC claims 5 statuses, no chunks
            "84ce 0002 00000001 00000000",        // FIR without entries
            "80cf 0002 00000001 05000003",        // XR block cut
        };
        for (String s : bad) {
            byte[] d = Hex.bytes(s);
            assertThatThrownBy(() -> RtcpParser.parse(d)).as(s).isInstanceOf(RtpParseException.class);
        }
    }
}
