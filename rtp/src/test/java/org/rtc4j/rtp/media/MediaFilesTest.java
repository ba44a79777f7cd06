package org.rtc4j.rtp.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.rtp.Hex;
import org.rtc4j.rtp.RtpParseException;

class MediaFilesTest {
    @Test
    void oggCrcIsTheNonReflectedPolynomialWithZeroInit() {
        // CRC-32/CKSUM (same polynomial, init 0, not reflected) checks to 0x765E7680 with a final
        // inversion; Ogg skips the inversion
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(OggCrc.compute(check, 0, check.length)).isEqualTo(~0x765E7680);
    }

    @Test
    void ivfRoundTrips() throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (IvfWriter w = new IvfWriter(o, "VP80", 640, 480, 30, 1, 2)) {
            w.writeFrame(0, new byte[] {1, 2, 3});
            w.writeFrame(1, new byte[0]);
        }
        byte[] file = o.toByteArray();
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("DKIF");
        try (IvfReader r = new IvfReader(new ByteArrayInputStream(file))) {
            assertThat(r.header()).isEqualTo(new IvfReader.Header("VP80", 640, 480, 30, 1, 2));
            IvfReader.IvfFrame f = r.next();
            assertThat(f.pts()).isZero();
            assertThat(f.data()).containsExactly(1, 2, 3);
            assertThat(r.next().data()).isEmpty();
            assertThat(r.next()).isNull();
        }
        byte[] truncated = java.util.Arrays.copyOf(file, file.length - 4);
        assertThatThrownBy(() -> {
            try (IvfReader r = new IvfReader(new ByteArrayInputStream(truncated))) {
                while (r.next() != null) {
                    // read on
                }
            }
        }).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> new IvfReader(new ByteArrayInputStream(new byte[32]))).isInstanceOf(RtpParseException.class);
    }

    @Test
    void oggOpusRoundTripsWithGranulesAndDetectsCorruption() throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        List<byte[]> packets = new ArrayList<>();
        packets.add(new byte[] {(byte) 0xF8, 1, 2});          // CELT 20 ms, code 0: 960 samples
        packets.add(new byte[] {(byte) 0x09, 1});             // SILK 20 ms NB, code 1: 2 x 960
        byte[] big = new byte[600];                           // spans three lacing values
        big[0] = (byte) 0x5B;                                 // SILK config 11 (60 ms), code 3
        big[1] = 2;                                           // two frames: 5760 samples
        packets.add(big);
        try (OggOpusWriter w = new OggOpusWriter(o, OpusHead.of(2, 48000), 99, "rtc4j test")) {
            for (byte[] p : packets) {
                w.writePacket(p);
            }
        }
        byte[] file = o.toByteArray();
        try (OggOpusReader r = new OggOpusReader(new ByteArrayInputStream(file))) {
            assertThat(r.head().channels()).isEqualTo(2);
            assertThat(r.head().preSkip()).isEqualTo(312);
            assertThat(r.vendor()).isEqualTo("rtc4j test");
            assertThat(r.comments()).isEmpty();
            long[] granules = {960, 960 + 1920, 960 + 1920 + 5760};
            for (int i = 0; i < packets.size(); i++) {
                OggOpusReader.OpusPacket p = r.next();
                assertThat(p.data()).containsExactly(packets.get(i));
                assertThat(p.granule()).isEqualTo(granules[i]);
            }
            assertThat(r.next()).isNull();
        }
        file[file.length - 1] ^= 1;
        assertThatThrownBy(() -> {
            try (OggOpusReader r = new OggOpusReader(new ByteArrayInputStream(file))) {
                while (r.next() != null) {
                    // read on
                }
            }
        }).isInstanceOf(RtpParseException.class).hasMessageContaining("CRC");
        assertThat(OpusToc.samples48k(new byte[] {(byte) 0x70}, 0, 1)).isEqualTo(480); // config 14: hybrid FB 10 ms
    }

    @Test
    void annexBGroupsNalUnitsIntoAccessUnits() {
        // SPS, PPS, IDR (first_mb 0), slice (first_mb != 0: same picture), then a new picture
        byte[] stream = Hex.bytes("00000001 6742 00000001 68ce 000001 6588aa 000001 65 40bb 00000001 0988"
                + " 00000001 419acc 000001 0600 000001 419bdd");
        List<byte[]> aus = AnnexBReader.accessUnits(stream, 0, stream.length);
        assertThat(aus).hasSize(3);
        assertThat(AnnexBReader.nalTypes(aus.get(0))).containsExactly(7, 8, 5, 5);
        assertThat(AnnexBReader.nalTypes(aus.get(1))).containsExactly(9, 1);
        assertThat(AnnexBReader.nalTypes(aus.get(2))).containsExactly(6, 1);
        assertThat(AnnexBReader.isKeyFrame(aus.get(0))).isTrue();
        assertThat(AnnexBReader.isKeyFrame(aus.get(2))).isFalse();
    }

    @Test
    void wavRoundTripsAndRejectsOtherFiles() throws Exception {
        short[] s = {0, 1, -1, 32767, -32768};
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        Wav.pcm16(1, 8000, s).write(o);
        Wav back = Wav.read(new ByteArrayInputStream(o.toByteArray()));
        assertThat(back.samples()).containsExactly(s);
        assertThat(back.sampleRate()).isEqualTo(8000);
        assertThatThrownBy(() -> Wav.read(new ByteArrayInputStream("RIFF0000AVI LIST".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(RtpParseException.class);
    }

    @Test
    void g711CodesAreStableAndErrorIsBounded() {
        for (int c = 0; c < 256; c++) {
            short u = G711.ulawToLinear((byte) c);
            short a = G711.alawToLinear((byte) c);
            // decoding then re-encoding lands on a code that decodes to the same value (0x7F/0xFF are both zero)
            assertThat(G711.ulawToLinear(G711.linearToUlaw(u))).isEqualTo(u);
            assertThat(G711.alawToLinear(G711.linearToAlaw(a))).isEqualTo(a);
        }
        for (int x = -32768; x <= 32767; x += 7) {
            short v = (short) x;
            assertThat(Math.abs(G711.ulawToLinear(G711.linearToUlaw(v)) - x)).isLessThanOrEqualTo(Math.abs(x) / 16 + 8);
            assertThat(Math.abs(G711.alawToLinear(G711.linearToAlaw(v)) - x)).isLessThanOrEqualTo(Math.abs(x) / 16 + 16);
        }
        assertThat(G711.linearToUlaw((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(G711.linearToAlaw((short) 0)).isEqualTo((byte) 0xD5);
    }
}
