package org.rtc4j.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Parsers accept anything or throw {@link SctpParseException}; an established association fed
 * arbitrary (correctly checksummed, correctly tagged) packets throws nothing, keeps its memory
 * bounded and either still delivers a message or ends with an event: no stuck state.
 */
class SctpFuzzTest {
    private static final byte[] KEY = new byte[32];

    @FuzzTest(maxDuration = "10s")
    void parseAnything(byte[] data) {
        try {
            SctpPacket.parse(data, 0, data.length, true);
        } catch (SctpParseException expected) {
            // declared
        }
        try {
            InitChunk.parse(data, 0, data.length, data.length % 2 == 0);
        } catch (SctpParseException expected) {
            // declared
        }
        try {
            Dcep.parseOpen(data);
        } catch (SctpParseException expected) {
            // declared
        }
        try {
            StateCookie.verify(KEY, data, 0, data.length, 0, 60_000);
        } catch (SctpParseException expected) {
            // declared
        }
        // Every chunk type's structural check, on the same bytes.
        for (int type : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 9, 130, 192}) {
            try {
                ChunkCodec.validate(type, 0, data, 0, data.length);
            } catch (SctpParseException expected) {
                // declared
            }
        }
        ChunkCodec.describeCauses(data, 0, data.length);
        SctpAssociation fresh = new SctpAssociation(SimNetwork.config(false, 1));
        fresh.handle(data, 0);
        if (data.length >= 12) {
            byte[] fixed = data.clone();
            SctpPacket.writeHeader(fixed, 5000, 5000, Bytes.i32(fixed, 4));
            SctpPacket.storeChecksum(fixed, 0, SctpPacket.checksum(fixed, 0, fixed.length));
            fresh.handle(fixed, 0);
            while (fresh.pollTransmit(0) != null) {
                // drain
            }
        }
    }

    /**
     * Input: a sequence of [flags][length][chunk bytes]; flag bit 0 picks the right verification
     * tag (else the bytes' own), bit 1 sends the packet to A instead of B.
     */
    @FuzzTest(maxDuration = "10s")
    void establishedAssociationSurvivesArbitraryPackets(byte[] data) {
        InMemoryPair p = InMemoryPair.established(99);
        DataChannel ch = p.a.createDataChannel("probe", null);
        p.pump();
        int i = 0;
        int packets = 0;
        while (i + 2 <= data.length && packets < 64) {
            int flags = data[i] & 0xff;
            int len = data[i + 1] & 0xff;
            i += 2;
            byte[] chunks = Arrays.copyOfRange(data, i, Math.min(data.length, i + len));
            i += len;
            boolean toA = (flags & 2) != 0;
            int tag = (flags & 1) != 0 ? (toA ? p.tagAtA : p.tagAtB) : (chunks.length >= 4 ? Bytes.i32(chunks, 0) : 0);
            (toA ? p.a : p.b).handle(InMemoryPair.packet(tag, chunks), p.now);
            p.pump();
            packets++;
            p.now += flags >> 2;
        }
        long receivedBefore = count(p);
        boolean sent = false;
        if (ch.readyState() == DataChannelState.OPEN && !p.a.isFinished()) {
            ch.send("still alive?");
            sent = true;
        }
        boolean sentFinal = sent;
        boolean settled = p.run(() -> p.a.isFinished() || p.b.isFinished() || !sentFinal || count(p) > receivedBefore,
                3_600_000);
        assertThat(settled).as("association stuck: A %s %s, B %s %s", p.a.state(), p.a.stats(), p.b.state(),
                p.b.stats()).isTrue();
        // Bounded memory: what either side holds never exceeds its window plus one message.
        assertThat(p.a.stats().receiveBufferedBytes()).isLessThanOrEqualTo(4L * 1024 * 1024 + 256 * 1024);
        assertThat(p.b.stats().receiveBufferedBytes()).isLessThanOrEqualTo(4L * 1024 * 1024 + 256 * 1024);
    }

    private static long count(InMemoryPair p) {
        return p.eventsB.stream().filter(e -> e instanceof SctpEvent.ChannelMessage).count();
    }
}
