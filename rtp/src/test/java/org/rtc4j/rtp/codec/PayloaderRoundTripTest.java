package org.rtc4j.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rtc4j.rtp.Hex;
import org.rtc4j.rtp.RtpPacket;
import org.rtc4j.rtp.RtpParseException;

class PayloaderRoundTripTest {
    private static final Random RNG = new Random(42);

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RNG.nextBytes(b);
        return b;
    }

    /** Packetizes at MTU 1200, checks every packet's size and marker, depacketizes, returns the frame. */
    private static Frame through(Payloader pay, Depacketizer dep, byte[] frame, int mtu) {
        Packetizer pk = new Packetizer(pay, 96, 0x1234, 65530, mtu);
        List<byte[]> pkts = pk.packetize(frame, 9000);
        SampleBuilder sb = new SampleBuilder(dep);
        RtpPacket view = new RtpPacket();
        for (int i = 0; i < pkts.size(); i++) {
            byte[] p = pkts.get(i);
            assertThat(p.length).isLessThanOrEqualTo(mtu);
            view.wrap(p, 0, p.length);
            assertThat(view.marker()).isEqualTo(pay.markerOnLastPacket() && i == pkts.size() - 1);
            assertThat(view.timestamp()).isEqualTo(9000);
        }
        List<byte[]> shuffled = new ArrayList<>(pkts);
        Collections.shuffle(shuffled, RNG);
        for (byte[] p : shuffled) {
            sb.push(p, 0, p.length);
        }
        Frame f = sb.poll();
        assertThat(f).isNotNull();
        assertThat(f.packets()).isEqualTo(pkts.size());
        assertThat(sb.poll()).isNull();
        return f;
    }

    @Test
    void vp8RoundTripsSmallAndFragmentedFramesWithPictureIds() {
        Vp8Payloader vp8 = new Vp8Payloader(0x7FFE);
        for (int size : new int[] {1, 100, 1184, 1185, 5000}) {
            byte[] frame = random(size);
            frame[0] &= (byte) 0xFE; // key frame tag
            Frame f = through(vp8, new Vp8Payloader(), frame, 1200);
            assertThat(f.data()).containsExactly(frame);
            assertThat(f.keyFrame()).isTrue();
        }
        List<byte[]> p = new Vp8Payloader(0x7FFF).payload(1188, new byte[] {1}, 0, 1);
        assertThat(Vp8Payloader.pictureId(p.get(0), 0, p.get(0).length)).isEqualTo(0x7FFF);
        byte[] interFrame = {1, 2, 3};
        assertThat(new Vp8Payloader().isKeyFrame(vp8.payload(100, interFrame, 0, 3).get(0), 0, 7)).isFalse();
    }

    @Test
    void vp8ParsesEveryDescriptorForm() {
        Vp8Payloader d = new Vp8Payloader();
        // minimal descriptor (no X): S=1
        assertThat(d.depacketize(List.of(Hex.bytes("10 aabb")))).containsExactly(0xaa, 0xbb);
        // X with I (7-bit picture id), L, T/K: 1 + 1 + 1 + 1 + 1 descriptor bytes
        assertThat(d.depacketize(List.of(Hex.bytes("90 f0 05 11 22 cc")))).containsExactly(0xcc);
        assertThat(Vp8Payloader.pictureId(Hex.bytes("90 80 05 cc"), 0, 4)).isEqualTo(5);
        assertThat(d.isFrameStart(Hex.bytes("11 00"), 0, 2)).isFalse(); // PID 1
        assertThatThrownBy(() -> d.depacketize(List.of(Hex.bytes("90 80")))).isInstanceOf(RtpParseException.class);
        assertThatThrownBy(() -> d.depacketize(List.of(new byte[0]))).isInstanceOf(RtpParseException.class);
    }

    @Test
    void vp9RoundTripsAndReadsKeyFrameFromTheBitstream() {
        Vp9Payloader vp9 = new Vp9Payloader();
        byte[] key = random(3000);
        key[0] = (byte) 0x82; // frame_marker=2, profile 0, show_existing=0, frame_type=0 (key)
        Frame f = through(vp9, new Vp9Payloader(), key, 1200);
        assertThat(f.data()).containsExactly(key);
        assertThat(f.keyFrame()).isTrue();
        byte[] inter = random(500);
        inter[0] = (byte) 0x86; // frame_type=1
        Frame g = through(vp9, new Vp9Payloader(), inter, 1200);
        assertThat(g.keyFrame()).isFalse();
        List<byte[]> pk = vp9.payload(1000, key, 0, key.length);
        assertThat(pk.get(0)[0] & 0x0C).isEqualTo(0x08); // B on the first
        assertThat(pk.get(pk.size() - 1)[0] & 0x04).isEqualTo(0x04); // E on the last
    }

    @Test
    void vp9ParsesFlexibleModeAndScalabilityStructure() {
        Vp9Payloader d = new Vp9Payloader();
        // I,P,L,F,B,E set: 15-bit pid (2), layer byte (1), two P_DIFF (N=1 then N=0), payload ee
        assertThat(d.depacketize(List.of(Hex.bytes("fc 8001 00 03 02 ee")))).containsExactly(0xee);
        // B,E,V: SS with N_S=0, Y=1 (4 bytes WxH), G=1, N_G=1, one group entry with R=1 (+1 byte)
        assertThat(d.depacketize(List.of(Hex.bytes("0e 18 0280 0168 01 04 01 ff")))).containsExactly(0xff);
        assertThatThrownBy(() -> d.depacketize(List.of(Hex.bytes("0e 18 0280")))).isInstanceOf(RtpParseException.class);
        assertThatThrownBy(() -> d.depacketize(List.of(Hex.bytes("fc 80")))).isInstanceOf(RtpParseException.class);
    }

    private static byte[] nal(int header, int size) {
        byte[] n = random(size);
        n[0] = (byte) header;
        for (int i = 1; i < n.length; i++) {
            if (n[i] == 0) {
                n[i] = 1; // no emulated start codes in the fake payload
            }
        }
        return n;
    }

    @Test
    void h264AggregatesFragmentsAndRepeatsParameterSetsOnKeyFrames() {
        byte[] sps = nal(0x67, 12), pps = nal(0x68, 4), idr = nal(0x65, 4000), p = nal(0x41, 300);
        byte[] aud = {0x09, (byte) 0xF0};
        H264Payloader h = new H264Payloader();
        byte[] first = H264Payloader.annexB(List.of(aud, sps, pps, idr));
        Frame f = through(h, new H264Payloader(), first, 1200);
        assertThat(f.data()).containsExactly(H264Payloader.annexB(List.of(sps, pps, idr)));
        assertThat(f.keyFrame()).isTrue();
        List<byte[]> payloads = h.payload(1188, first, 0, first.length);
        assertThat(payloads.get(0)[0] & 0x1F).isEqualTo(H264Payloader.STAP_A); // SPS+PPS aggregated
        assertThat(payloads.get(1)[0] & 0x1F).isEqualTo(H264Payloader.FU_A);
        Frame inter = through(h, new H264Payloader(), H264Payloader.annexB(List.of(p, p)), 1200);
        assertThat(inter.keyFrame()).isFalse();
        assertThat(inter.packets()).isEqualTo(1); // two slices in one STAP-A
        // a later IDR without parameter sets gets the cached ones
        Frame again = through(h, new H264Payloader(), H264Payloader.annexB(List.of(idr)), 1200);
        assertThat(again.data()).containsExactly(H264Payloader.annexB(List.of(sps, pps, idr)));
        // a single NAL that fits goes alone
        assertThat(h.payload(1188, H264Payloader.annexB(List.of(p)), 0, p.length + 4).get(0)).containsExactly(p);
    }

    @Test
    void h264RejectsBrokenPackets() {
        H264Payloader d = new H264Payloader();
        for (String s : new String[] {"18 0005 6501", "18 00", "1c 05", "1c 05 aa", "19 00", ""}) {
            assertThatThrownBy(() -> d.depacketize(List.of(Hex.bytes(s)))).as(s).isInstanceOf(RtpParseException.class);
        }
    }

    private static byte[] nal265(int type, int size) {
        byte[] n = random(size);
        n[0] = (byte) (type << 1);
        n[1] = 1; // layer 0, TID 1
        for (int i = 2; i < n.length; i++) {
            if (n[i] == 0) {
                n[i] = 1;
            }
        }
        return n;
    }

    @Test
    void h265AggregatesFragmentsAndRepeatsParameterSets() {
        byte[] vps = nal265(32, 20), sps = nal265(33, 30), pps = nal265(34, 6), idr = nal265(19, 5000);
        byte[] trail = nal265(1, 400), aud = nal265(35, 3);
        H265Payloader h = new H265Payloader();
        byte[] first = H264Payloader.annexB(List.of(aud, vps, sps, pps, idr));
        Frame f = through(h, new H265Payloader(), first, 1200);
        assertThat(f.data()).containsExactly(H264Payloader.annexB(List.of(vps, sps, pps, idr)));
        assertThat(f.keyFrame()).isTrue();
        List<byte[]> payloads = h.payload(1188, first, 0, first.length);
        assertThat(H265Payloader.type(payloads.get(0), 0)).isEqualTo(H265Payloader.AP);
        assertThat(H265Payloader.type(payloads.get(1), 0)).isEqualTo(H265Payloader.FU);
        assertThat(payloads.get(1)[2] & 0xFF).isEqualTo(0x80 | 19);
        Frame inter = through(h, new H265Payloader(), H264Payloader.annexB(List.of(trail)), 1200);
        assertThat(inter.keyFrame()).isFalse();
        assertThat(inter.data()).containsExactly(H264Payloader.annexB(List.of(trail)));
        Frame again = through(h, new H265Payloader(), H264Payloader.annexB(List.of(idr)), 1200);
        assertThat(again.data()).containsExactly(H264Payloader.annexB(List.of(vps, sps, pps, idr)));
        for (String s : new String[] {"60 01 0005 2601", "62 01 13", "62 01 13 aa", "64 01 00", "00"}) {
            assertThatThrownBy(() -> new H265Payloader().depacketize(List.of(Hex.bytes(s)))).as(s)
                    .isInstanceOf(RtpParseException.class);
        }
    }

    private static byte[] obu(int type, boolean sized, byte[] payload) {
        byte[] b = new byte[1 + (sized ? Av1Payloader.leb128Size(payload.length) : 0) + payload.length];
        b[0] = (byte) ((type << 3) | (sized ? 2 : 0));
        int k = 1;
        if (sized) {
            long v = payload.length;
            do {
                int x = (int) (v & 0x7F);
                v >>>= 7;
                b[k++] = (byte) (v != 0 ? x | 0x80 : x);
            } while (v != 0);
        }
        System.arraycopy(payload, 0, b, k, payload.length);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    @Test
    void av1AggregatesAndFragmentsObus() {
        byte[] td = obu(2, true, new byte[0]);
        byte[] seq = obu(1, true, random(10));
        byte[] frame = obu(6, true, random(3000));
        byte[] tu = concat(td, seq, frame);
        Av1Payloader av1 = new Av1Payloader();
        Frame f = through(av1, new Av1Payloader(), tu, 1200);
        assertThat(f.data()).containsExactly(tu); // TD restored, sizes restored
        assertThat(f.keyFrame()).isTrue();
        List<byte[]> pk = av1.payload(1188, tu, 0, tu.length);
        assertThat(pk).hasSize(3);
        assertThat(pk.get(0)[0] & 0xC8).isEqualTo(0x48); // Y and N
        assertThat(pk.get(1)[0] & 0xC0).isEqualTo(0xC0); // Z and Y
        assertThat(pk.get(2)[0] & 0xC0).isEqualTo(0x80); // Z
        Frame g = through(av1, new Av1Payloader(), concat(td, obu(6, true, random(100))), 1200);
        assertThat(g.keyFrame()).isFalse();
        // unsized last OBU (W=0 input form without size field) is accepted too
        byte[] unsized = concat(obu(1, true, new byte[] {1, 2}), obu(6, false, new byte[] {3, 4, 5}));
        assertThat(through(av1, new Av1Payloader(), unsized, 1200).data())
                .containsExactly(concat(td, obu(1, true, new byte[] {1, 2}), obu(6, true, new byte[] {3, 4, 5})));
    }

    @Test
    void av1DepacketizerHandlesCountedElementsAndRejectsBrokenOnes() {
        Av1Payloader d = new Av1Payloader();
        // W=2: first element length-prefixed, second takes the rest
        byte[] p = Hex.bytes("20 02 0801 300102");
        assertThat(d.depacketize(List.of(p))).containsExactly(Hex.bytes("1200 0a0101 32020102"));
        for (String s : new String[] {"80 02 0a01", "40 05 0a01", "00 ff", ""}) {
            assertThatThrownBy(() -> d.depacketize(List.of(Hex.bytes(s)))).as(s).isInstanceOf(RtpParseException.class);
        }
    }

    @Test
    void packetizerLeavesRoomForCallerHeaderExtensions() {
        int[] twcc = {100};
        byte[] mid = {'0'};
        Packetizer pk = new Packetizer(new Vp8Payloader(), 96, 7, 1).withHeaderExtensions(12, h -> {
            byte[] seq = new byte[2];
            org.rtc4j.rtp.ext.TransportSequenceNumber.write(twcc[0]++, seq, 0);
            h.addExtension(1, mid).addExtension(3, seq);
        });
        List<byte[]> pkts = pk.packetize(random(5000), 1234);
        RtpPacket v = new RtpPacket();
        for (int i = 0; i < pkts.size(); i++) {
            byte[] p = pkts.get(i);
            assertThat(p.length).isLessThanOrEqualTo(Packetizer.DEFAULT_MTU);
            v.wrap(p, 0, p.length);
            assertThat(org.rtc4j.rtp.ext.TransportSequenceNumber.read(p, v.extensionOffset(3), 2)).isEqualTo(100 + i);
            assertThat(v.extensionLength(1)).isEqualTo(1);
        }
        assertThat(pkts.get(0).length).isEqualTo(Packetizer.DEFAULT_MTU);
        Packetizer tooSmall = new Packetizer(new Vp8Payloader(), 96, 7, 1).withHeaderExtensions(0,
                h -> h.addExtension(1, mid));
        assertThatThrownBy(() -> tooSmall.packetize(random(5000), 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void audioPayloadersPassBytesThrough() {
        byte[] opus = random(200);
        assertThat(through(new OpusPayloader(), new OpusPayloader(), opus, 1200).data()).containsExactly(opus);
        assertThatThrownBy(() -> new OpusPayloader().payload(100, opus, 0, 200)).isInstanceOf(IllegalArgumentException.class);
        AudioPayloader g711 = new AudioPayloader();
        byte[] pcm = random(160);
        assertThat(through(g711, g711, pcm, 1200).data()).containsExactly(pcm);
        assertThat(g711.payload(100, random(250), 0, 250)).extracting(b -> b.length).containsExactly(100, 100, 50);
    }
}
