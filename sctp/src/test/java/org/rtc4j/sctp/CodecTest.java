package org.rtc4j.sctp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CodecTest {
    @Test
    void crc32cMatchesTheRfc3720Vector() {
        // RFC 3720 B.4: 32 bytes of zeros -> CRC32c 0x8A9136AA.
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(new byte[32]);
        assertThat((int) c.getValue()).isEqualTo(0x8A9136AA);
    }

    @Test
    void checksumIsStoredLittleEndianAndVerified() throws Exception {
        SctpAssociation a = new SctpAssociation(SimNetwork.config(true, 1).zeroChecksum(false));
        a.connect(0);
        byte[] init = a.pollTransmit(0);
        int crc = SctpPacket.checksum(init, 0, init.length);
        assertThat(init[8]).isEqualTo((byte) crc);
        assertThat(init[11]).isEqualTo((byte) (crc >>> 24));
        SctpPacket.Parsed p = SctpPacket.parse(init, 0, init.length, false);
        assertThat(p.srcPort()).isEqualTo(5000);
        assertThat(p.verificationTag()).isZero();
        assertThat(p.chunks()).hasSize(1);
        InitChunk ic = InitChunk.parse(p.chunks().get(0).value(), 0, p.chunks().get(0).value().length, false);
        assertThat(ic.outboundStreams()).isEqualTo(65535);
        assertThat(ic.forwardTsn()).isTrue();
        assertThat(ic.reconfig()).isTrue();
        assertThat(ic.zeroChecksum()).isFalse();
        assertThat(ic.aRwnd()).isEqualTo(4L * 1024 * 1024);
        init[20] ^= 1;
        assertThatThrownBy(() -> SctpPacket.parse(init, 0, init.length, false)).isInstanceOf(SctpParseException.class)
                .hasMessageContaining("CRC32c");
    }

    @Test
    void dcepOpenRoundTrip() throws Exception {
        byte[] m = Dcep.encodeOpen(false, null, 300, 512, "läbel", "proto");
        Dcep.Open o = Dcep.parseOpen(m);
        assertThat(o.channelType()).isEqualTo(0x82);
        assertThat(o.ordered()).isFalse();
        assertThat(o.maxPacketLifeTime()).isEqualTo(300);
        assertThat(o.maxRetransmits()).isNull();
        assertThat(o.priority()).isEqualTo(512);
        assertThat(o.label()).isEqualTo("läbel");
        assertThat(o.protocol()).isEqualTo("proto");
        byte[] truncated = java.util.Arrays.copyOf(m, m.length - 1);
        assertThatThrownBy(() -> Dcep.parseOpen(truncated)).isInstanceOf(SctpParseException.class);
    }

    @Test
    void errorCausesAreDescribed() {
        byte[] abort = ChunkCodec.abort(Chunks.CAUSE_USER_ABORT, "bye", false);
        String s = ChunkCodec.describeCauses(abort, 4, 4 + 3);
        assertThat(s).isEqualTo("User-Initiated Abort: bye");
        byte[] cause = ChunkCodec.errorCause(Chunks.CAUSE_INVALID_STREAM, new byte[] {0, 9, 0, 0});
        assertThat(ChunkCodec.describeCauses(cause, 0, cause.length)).isEqualTo("Invalid Stream Identifier 9");
        assertThat(new String(ChunkCodec.chunk(Chunks.COOKIE_ACK, 0, null), StandardCharsets.ISO_8859_1)).hasSize(4);
    }

    @Test
    void malformedChunksAreDeclaredErrors() {
        byte[] sack = new byte[12];
        sack[9] = 5; // five gap blocks but no room
        assertThatThrownBy(() -> ChunkCodec.validate(Chunks.SACK, 0, sack, 0, 12)).isInstanceOf(SctpParseException.class);
        assertThatThrownBy(() -> ChunkCodec.validate(Chunks.DATA, 0, new byte[12], 0, 12))
                .hasMessageContaining("without user data");
        assertThatThrownBy(() -> ChunkCodec.validate(Chunks.FORWARD_TSN, 0, new byte[6], 0, 6))
                .isInstanceOf(SctpParseException.class);
    }
}
