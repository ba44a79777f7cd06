package org.rtc4j.rtp.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.rtp.Hex;
import org.rtc4j.rtp.RtpPacket;
import org.rtc4j.rtp.RtpParseException;

class DtmfTest {
    private static List<byte[]> drain(DtmfSender s, long untilMs) {
        List<byte[]> out = new ArrayList<>();
        for (long t = 0; t <= untilMs; t++) {
            for (byte[] p; (p = s.poll(t)) != null;) {
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void payloadMatchesRfc4733Layout() {
        // RFC 4733 figure 1: event, E|R|volume, duration. Digit 5, end, volume 10, 800 units
        byte[] b = new byte[4];
        new DtmfEvent(5, true, 10, 800).write(b, 0);
        assertThat(Hex.of(b, 0, 4)).isEqualTo("058a0320");
        assertThat(DtmfEvent.read(b, 0, 4)).isEqualTo(new DtmfEvent(5, true, 10, 800));
        for (char c : "0123456789*#ABCD".toCharArray()) {
            DtmfEvent e = new DtmfEvent(DtmfEvent.code(c), false, 0, 1);
            assertThat(e.digit()).isEqualTo(c);
        }
        assertThat(DtmfEvent.code('a')).isEqualTo(12);
        assertThatThrownBy(() -> DtmfEvent.code('x')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtmfEvent.read(b, 0, 3)).isInstanceOf(RtpParseException.class);
    }

    @Test
    void senderEmitsUpdatesAndThreeEndPacketsWithOneTimestamp() {
        DtmfSender s = new DtmfSender(101, 42, 8000, 1000, 5000);
        s.sendTone('#', 200, 10, 0);
        List<byte[]> pkts = drain(s, 1000);
        RtpPacket v = new RtpPacket();
        List<DtmfEvent> events = new ArrayList<>();
        for (int i = 0; i < pkts.size(); i++) {
            v.wrap(pkts.get(i), 0, pkts.get(i).length);
            assertThat(v.payloadType()).isEqualTo(101);
            assertThat(v.timestamp()).isEqualTo(5000);
            assertThat(v.sequenceNumber()).isEqualTo(1000 + i);
            assertThat(v.marker()).isEqualTo(i == 0);
            events.add(DtmfEvent.read(v.buffer(), v.payloadOffset(), v.payloadLength()));
        }
        // 50 ms updates: 400, 800, 1200, then 1600 (=200 ms) as end x3
        assertThat(events).extracting(DtmfEvent::duration).containsExactly(400, 800, 1200, 1600, 1600, 1600);
        assertThat(events).extracting(DtmfEvent::end).containsExactly(false, false, false, true, true, true);
        assertThat(events).allMatch(e -> e.event() == 11 && e.volume() == 10);
        assertThat(s.nextTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void queuedDigitsGetConsecutiveTimestampsAndTheReceiverReportsEachOnce() {
        DtmfSender s = new DtmfSender(101, 42, 8000, 0, 0);
        for (char c : "1A*".toCharArray()) {
            s.sendTone(c, 100, 5, 0);
        }
        List<byte[]> pkts = drain(s, 2000);
        DtmfReceiver r = new DtmfReceiver();
        RtpPacket v = new RtpPacket();
        List<DtmfReceiver.Tone> tones = new ArrayList<>();
        for (byte[] p : pkts) {
            tones.addAll(r.handle(v.wrap(p, 0, p.length)));
        }
        assertThat(tones).extracting(DtmfReceiver.Tone::digit).containsExactly('1', 'A', '*');
        assertThat(tones).extracting(DtmfReceiver.Tone::timestamp).containsExactly(0L, 800L, 1600L);
        assertThat(tones).allMatch(t -> t.ended() && t.duration() == 800 && t.volume() == 5);
    }

    @Test
    void receiverSurvivesLostEndPackets() {
        DtmfReceiver r = new DtmfReceiver();
        byte[] p = new byte[4];
        new DtmfEvent(7, false, 3, 400).write(p, 0);
        assertThat(r.handle(100, p, 0, 4)).isEmpty();
        new DtmfEvent(7, true, 3, 800).write(p, 0);
        // the first two end packets are lost; the third still completes the tone
        assertThat(r.handle(100, p, 0, 4)).extracting(DtmfReceiver.Tone::digit).containsExactly('7');
        assertThat(r.handle(100, p, 0, 4)).isEmpty();
        // a tone whose end packets are all lost is reported when the next tone starts
        new DtmfEvent(8, false, 3, 400).write(p, 0);
        assertThat(r.handle(2000, p, 0, 4)).isEmpty();
        new DtmfEvent(9, false, 3, 400).write(p, 0);
        List<DtmfReceiver.Tone> t = r.handle(4000, p, 0, 4);
        assertThat(t).hasSize(1);
        assertThat(t.get(0).digit()).isEqualTo('8');
        assertThat(t.get(0).ended()).isFalse();
    }
}
