package org.rtc4j.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RtpPacketTest {
    private final RtpPacket view = new RtpPacket();

    @Test
    void parsesFixedHeaderCsrcsMarkerAndPayload() {
        byte[] pkt = Hex.bytes("82 e0 1234 00bc614e deadbeef 00000001 00000002 cafe");
        view.wrap(pkt, 0, pkt.length);
        assertThat(view.csrcCount()).isEqualTo(2);
        assertThat(view.csrc(0)).isEqualTo(1);
        assertThat(view.csrc(1)).isEqualTo(2);
        assertThat(view.marker()).isTrue();
        assertThat(view.payloadType()).isEqualTo(96);
        assertThat(view.sequenceNumber()).isEqualTo(0x1234);
        assertThat(view.timestamp()).isEqualTo(12345678L);
        assertThat(view.ssrc()).isEqualTo(0xdeadbeefL);
        assertThat(view.headerLength()).isEqualTo(20);
        assertThat(view.payloadCopy()).containsExactly(0xca, 0xfe);
        assertThat(view.hasExtension()).isFalse();
        assertThat(view.extensionProfile()).isEqualTo(-1);
    }

    @Test
    void parsesOneByteExtensionsFromRfc8285Figure() {
        // RFC 8285 section 4.2 example: ids 1 (1 byte), 2 (2 bytes), two padding bytes, 3 (4 bytes)
        byte[] pkt = Hex.bytes("90 60 0001 00000001 00000002 bede0003 10aa 21bbbb 0000 33cccccccc 99");
        view.wrap(pkt, 0, pkt.length);
        assertThat(view.extensionProfile()).isEqualTo(0xBEDE);
        assertThat(view.extensionCount()).isEqualTo(3);
        assertThat(view.extensionLength(1)).isEqualTo(1);
        assertThat(pkt[view.extensionOffset(1)] & 0xFF).isEqualTo(0xaa);
        assertThat(view.extensionLength(2)).isEqualTo(2);
        assertThat(view.extensionLength(3)).isEqualTo(4);
        assertThat(Hex.of(pkt, view.extensionOffset(3), 4)).isEqualTo("cccccccc");
        assertThat(view.extensionOffset(4)).isEqualTo(-1);
        assertThat(view.payloadLength()).isEqualTo(1);
    }

    @Test
    void parsesTwoByteExtensionsFromRfc8285FigureIncludingEmptyElement() {
        // RFC 8285 section 4.3 example: id 1 empty, id 2 (1 byte), padding, id 3 (4 bytes)
        byte[] pkt = Hex.bytes("90 60 0001 00000001 00000002 10000003 0100 0201aa 00 0304dddddddd 77");
        view.wrap(pkt, 0, pkt.length);
        assertThat(view.extensionProfile()).isEqualTo(0x1000);
        assertThat(view.extensionCount()).isEqualTo(3);
        assertThat(view.extensionLength(1)).isZero();
        assertThat(view.extensionLength(2)).isEqualTo(1);
        assertThat(Hex.of(pkt, view.extensionOffset(3), 4)).isEqualTo("dddddddd");
    }

    @Test
    void oneByteIdFifteenStopsParsing() {
        byte[] pkt = Hex.bytes("90 60 0001 00000001 00000002 bede0001 10aa f0 00 99");
        view.wrap(pkt, 0, pkt.length);
        assertThat(view.extensionCount()).isEqualTo(1);
    }

    @Test
    void oneByteIdZeroIsPaddingWhateverItsLengthNibble() {
        byte[] pkt = Hex.bytes("90 60 0001 00000001 00000002 bede0001 02 10aa 00 99");
        view.wrap(pkt, 0, pkt.length);
        assertThat(view.extensionCount()).isEqualTo(1);
        assertThat(view.extensionLength(1)).isEqualTo(1);
    }

    @Test
    void paddingIsExcludedFromPayload() {
        byte[] pkt = Hex.bytes("a0 00 0001 00000001 00000002 0102 000003");
        view.wrap(pkt, 0, pkt.length);
        assertThat(view.paddingLength()).isEqualTo(3);
        assertThat(view.payloadLength()).isEqualTo(2);
    }

    @Test
    void roundTripsEveryExtensionForm() {
        byte[] a = {1}, b = {2, 3}, big = new byte[20], empty = {};
        Arrays.fill(big, (byte) 7);
        for (ExtensionForm form : ExtensionForm.values()) {
            RtpHeader h = new RtpHeader().payloadType(111).sequenceNumber(65535).timestamp(0xFFFFFFFFL)
                    .ssrc(0x11223344L).marker(true).addCsrc(9).extensionForm(form)
                    .addExtension(1, a).addExtension(14, b);
            byte[] payload = {9, 8, 7, 6, 5};
            byte[] out = new byte[200];
            int n = h.write(out, 3, payload, 0, payload.length, 4);
            view.wrap(out, 3, n);
            assertThat(view.extensionProfile()).isEqualTo(form == ExtensionForm.TWO_BYTE ? 0x1000 : 0xBEDE);
            assertThat(view.marker()).isTrue();
            assertThat(view.payloadType()).isEqualTo(111);
            assertThat(view.sequenceNumber()).isEqualTo(65535);
            assertThat(view.timestamp()).isEqualTo(0xFFFFFFFFL);
            assertThat(view.ssrc()).isEqualTo(0x11223344L);
            assertThat(view.csrc(0)).isEqualTo(9);
            assertThat(view.extensionLength(1)).isEqualTo(1);
            assertThat(Hex.of(out, view.extensionOffset(14), 2)).isEqualTo("0203");
            assertThat(view.paddingLength()).isEqualTo(4);
            assertThat(view.payloadCopy()).containsExactly(payload);
            assertThat(view.headerLength()).isEqualTo(h.length());
        }
        // mixed: elements that only the two-byte form can carry switch AUTO to it
        RtpHeader mixed = new RtpHeader().addExtension(3, a).addExtension(200, big).addExtension(5, empty);
        byte[] pkt = mixed.toPacket(new byte[] {1});
        view.wrap(pkt, 0, pkt.length);
        assertThat(view.extensionProfile()).isEqualTo(0x1000);
        assertThat(view.extensionLength(200)).isEqualTo(20);
        assertThat(view.extensionLength(5)).isZero();
        assertThat(view.extensionLength(3)).isEqualTo(1);
        assertThatThrownBy(() -> new RtpHeader().extensionForm(ExtensionForm.ONE_BYTE)
                .addExtension(20, a).length()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void copyFromRewritesAnIdenticalPacket() {
        byte[] pkt = Hex.bytes("90 60 0001 00000001 00000002 bede0003 10aa 21bbbb 33cccccccc 000000 99");
        view.wrap(pkt, 0, pkt.length);
        RtpHeader h = new RtpHeader().copyFrom(view);
        byte[] out = new byte[100];
        int n = h.write(out, 0, pkt, view.payloadOffset(), view.payloadLength(), 0);
        assertThat(Arrays.copyOf(out, n)).containsExactly(pkt);
    }

    @Test
    void settersRewriteInPlace() {
        byte[] pkt = new RtpHeader().payloadType(96).toPacket(new byte[] {1, 2});
        view.wrap(pkt, 0, pkt.length);
        view.setMarker(true);
        view.setPayloadType(100);
        view.setSequenceNumber(0xABCD);
        view.setTimestamp(0x80000001L);
        view.setSsrc(0xFEEDFACEL);
        view.wrap(pkt, 0, pkt.length);
        assertThat(view.marker()).isTrue();
        assertThat(view.payloadType()).isEqualTo(100);
        assertThat(view.sequenceNumber()).isEqualTo(0xABCD);
        assertThat(view.timestamp()).isEqualTo(0x80000001L);
        assertThat(view.ssrc()).isEqualTo(0xFEEDFACEL);
        view.setMarker(false);
        assertThat(view.marker()).isFalse();
    }

    @Test
    void opaqueProfileBlockIsKeptButNotIndexed() {
        byte[] pkt = Hex.bytes("90 60 0001 00000001 00000002 abcd0001 01020304 ff");
        view.wrap(pkt, 0, pkt.length);
        assertThat(view.extensionProfile()).isEqualTo(0xabcd);
        assertThat(view.extensionDataLength()).isEqualTo(4);
        assertThat(view.extensionCount()).isZero();
        assertThat(view.payloadLength()).isEqualTo(1);
    }

    @Test
    void rejectsMalformedPackets() {
        String[] bad = {
            "80 00 0001 00000001",                               // short
            "40 00 0001 00000001 00000002",                      // version 1
            "81 00 0001 00000001 00000002",                      // CSRC missing
            "90 00 0001 00000001 00000002 bede",                 // ext header cut
            "90 00 0001 00000001 00000002 bede0002 00000000",    // ext body cut
            "90 00 0001 00000001 00000002 bede0001 3f000000",    // element longer than block
            "90 00 0001 00000001 00000002 10000001 0105 0000",   // two-byte element cut
            "a0 00 0001 00000001 00000002 0100",                 // padding count 0
            "a0 00 0001 00000001 00000002 0109",                 // padding longer than packet
        };
        for (String s : bad) {
            byte[] p = Hex.bytes(s);
            assertThatThrownBy(() -> view.wrap(p, 0, p.length)).as(s).isInstanceOf(RtpParseException.class);
        }
        assertThatThrownBy(() -> view.wrap(new byte[20], 10, 20)).isInstanceOf(RtpParseException.class);
    }

    @Test
    void unwrapsSequenceNumbersAndTimestampsAcrossWrapAndReordering() {
        SequenceUnwrapper u = SequenceUnwrapper.forSequenceNumbers();
        long a = u.unwrap(65534);
        assertThat(u.unwrap(65535)).isEqualTo(a + 1);
        assertThat(u.unwrap(1)).isEqualTo(a + 3);
        assertThat(u.unwrap(0)).isEqualTo(a + 2); // late packet from before the wrap
        assertThat(u.unwrap(65533)).isEqualTo(a - 1);
        assertThat(u.unwrap(2)).isEqualTo(a + 4);
        SequenceUnwrapper t = SequenceUnwrapper.forTimestamps();
        long t0 = t.unwrap(0xFFFFFF00L);
        assertThat(t.unwrap(0x100)).isEqualTo(t0 + 0x200);
        assertThat(t.peek(0xFFFFFFF0L)).isEqualTo(t0 + 0xF0);
    }
}
