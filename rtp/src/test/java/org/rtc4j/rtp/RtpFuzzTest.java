package org.rtc4j.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rtc4j.rtp.codec.AudioPayloader;
import org.rtc4j.rtp.codec.Av1Payloader;
import org.rtc4j.rtp.codec.Depacketizer;
import org.rtc4j.rtp.codec.Frame;
import org.rtc4j.rtp.codec.H264Payloader;
import org.rtc4j.rtp.codec.OpusPayloader;
import org.rtc4j.rtp.codec.SampleBuilder;
import org.rtc4j.rtp.codec.Vp8Payloader;
import org.rtc4j.rtp.codec.Vp9Payloader;
import org.rtc4j.rtp.dtmf.DtmfReceiver;
import org.rtc4j.rtp.media.AnnexBReader;
import org.rtc4j.rtp.media.IvfReader;
import org.rtc4j.rtp.media.OggOpusReader;
import org.rtc4j.rtp.media.Wav;
import org.rtc4j.rtp.rtcp.RtcpPacket;
import org.rtc4j.rtp.rtcp.RtcpParser;

/**
 * Any bytes into every parser: only {@link RtpParseException} (and {@link IOException} from
 * stream readers) may escape, outputs stay proportional to inputs, and whatever parses
 * re-serializes stably. The normal run replays the committed seeds; {@code JAZZER_FUZZ=1} fuzzes.
 */
class RtpFuzzTest {
    private static Depacketizer depacketizer(int which) {
        return switch (Math.floorMod(which, 7)) {
            case 6 -> new org.rtc4j.rtp.codec.H265Payloader();
            case 0 -> new Vp8Payloader();
            case 1 -> new Vp9Payloader();
            case 2 -> new H264Payloader();
            case 3 -> new Av1Payloader();
            case 4 -> new OpusPayloader();
            default -> new AudioPayloader();
        };
    }

    @FuzzTest(maxDuration = "60s")
    void rtpPacket(byte[] data) {
        RtpPacket p = new RtpPacket();
        try {
            p.wrap(data, 0, data.length);
        } catch (RtpParseException e) {
            return;
        }
        assertThat(p.payloadLength()).isBetween(0, data.length);
        assertThat(p.headerLength() + p.payloadLength() + p.paddingLength()).isEqualTo(data.length);
        for (int i = 0; i < p.extensionCount(); i++) {
            assertThat(p.extensionOffsetAt(i) + p.extensionLengthAt(i)).isLessThanOrEqualTo(p.payloadOffset());
        }
        // re-serialize through the writer; one-byte/two-byte blocks round-trip element by element
        RtpHeader h = new RtpHeader().copyFrom(p);
        byte[] out = new byte[h.length() + p.payloadLength()];
        int n = h.write(out, 0, data, p.payloadOffset(), p.payloadLength(), 0);
        RtpPacket q = new RtpPacket().wrap(out, 0, n);
        assertThat(q.sequenceNumber()).isEqualTo(p.sequenceNumber());
        assertThat(q.timestamp()).isEqualTo(p.timestamp());
        assertThat(q.ssrc()).isEqualTo(p.ssrc());
        assertThat(q.marker()).isEqualTo(p.marker());
        assertThat(q.csrcCount()).isEqualTo(p.csrcCount());
        assertThat(q.extensionCount()).isEqualTo(p.extensionCount());
        assertThat(q.payloadCopy()).containsExactly(p.payloadCopy());
    }

    @FuzzTest(maxDuration = "60s")
    void rtcpDatagram(byte[] data) {
        List<RtcpPacket> first;
        try {
            first = RtcpParser.parse(data, 0, data.length);
        } catch (RtpParseException e) {
            return;
        }
        byte[] once = RtcpParser.write(first);
        assertThat(once.length).isLessThanOrEqualTo(4 * data.length + 64);
        List<RtcpPacket> second = RtcpParser.parse(once);
        assertThat(RtcpParser.write(second)).containsExactly(once);
        for (RtcpPacket p : second) {
            assertThat(p.toString()).isNotEmpty();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void depacketizers(FuzzedDataProvider in) {
        Depacketizer d = depacketizer(in.consumeInt());
        int count = in.consumeInt(1, 6);
        List<byte[]> payloads = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < count; i++) {
            byte[] p = in.consumeBytes(in.consumeInt(0, 1500));
            payloads.add(p);
            total += p.length;
            d.isFrameStart(p, 0, p.length);
            d.isKeyFrame(p, 0, p.length);
        }
        try {
            byte[] frame = d.depacketize(payloads);
            assertThat(frame.length).isLessThanOrEqualTo(16 + 10 * total);
        } catch (RtpParseException e) {
            assertThat(e.getMessage()).isNotEmpty();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void sampleBuilder(FuzzedDataProvider in) {
        SampleBuilder b = new SampleBuilder(depacketizer(in.consumeInt()), 32, 16);
        RtpHeader h = new RtpHeader();
        int frames = 0;
        while (in.remainingBytes() > 4) {
            h.clear().payloadType(96).sequenceNumber(in.consumeInt(0, 0xFFFF)).timestamp(in.consumeInt(0, 3) * 3000L)
                    .marker(in.consumeBoolean());
            byte[] pkt = h.toPacket(in.consumeBytes(in.consumeInt(0, 64)));
            b.push(pkt, 0, pkt.length);
            for (Frame f; (f = b.poll()) != null;) {
                assertThat(f.packets()).isBetween(1, 32);
                frames++;
            }
        }
        assertThat(frames).isGreaterThanOrEqualTo(0);
    }

    @FuzzTest(maxDuration = "60s")
    void mediaReaders(byte[] data) {
        try (IvfReader r = new IvfReader(new ByteArrayInputStream(data))) {
            while (r.next() != null) {
                // read everything
            }
        } catch (RtpParseException | IOException e) {
            assertThat(e).isNotNull();
        }
        try (OggOpusReader r = new OggOpusReader(new ByteArrayInputStream(data))) {
            while (r.next() != null) {
                // read everything
            }
        } catch (RtpParseException | IOException e) {
            assertThat(e).isNotNull();
        }
        try {
            Wav.read(new ByteArrayInputStream(data));
        } catch (RtpParseException | IOException e) {
            assertThat(e).isNotNull();
        }
        List<byte[]> aus = AnnexBReader.accessUnits(data, 0, data.length);
        assertThat(aus.stream().mapToInt(a -> a.length).sum()).isLessThanOrEqualTo(2 * data.length + 8);
        try {
            new DtmfReceiver().handle(0, data, 0, data.length);
        } catch (RtpParseException e) {
            assertThat(e).isNotNull();
        }
    }
}
