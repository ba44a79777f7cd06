package org.rtc4j.ice.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rtc4j.ice.stun.StunAttribute;
import org.rtc4j.ice.stun.StunMessageBuilder;
import org.rtc4j.ice.stun.StunMethod;
import org.rtc4j.ice.stun.StunParseException;
import org.rtc4j.ice.stun.TransactionId;

class StreamFramerTest {
    @Test
    void splitsStunAndPaddedChannelDataInAnyChunking() throws Exception {
        Random r = new Random(3);
        List<byte[]> frames = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 50; i++) {
            byte[] f = i % 2 == 0
                    ? new StunMessageBuilder(StunMethod.REFRESH, StunMethod.REQUEST, TransactionId.random(r))
                            .addBytes(StunAttribute.DATA, new byte[r.nextInt(40)]).build()
                    : ChannelData.encode(0x4000 + i, new byte[r.nextInt(40)], true);
            frames.add(f);
            stream.writeBytes(f);
        }
        byte[] all = stream.toByteArray();
        StreamFramer framer = new StreamFramer();
        List<byte[]> out = new ArrayList<>();
        int pos = 0;
        while (pos < all.length) {
            int n = Math.min(all.length - pos, 1 + r.nextInt(30));
            out.addAll(framer.feed(Arrays.copyOfRange(all, pos, pos + n)));
            pos += n;
        }
        assertThat(out).hasSize(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertThat(out.get(i)).isEqualTo(frames.get(i));
        }
    }

    @Test
    void garbageIsTheParseException() {
        assertThatThrownBy(() -> new StreamFramer().feed(new byte[] {(byte) 0x80, 0, 0, 0}))
                .isInstanceOf(StunParseException.class);
        assertThatThrownBy(() -> ChannelData.data(new byte[] {0x40, 0, 0, 9, 1}, 0, 5)).isInstanceOf(StunParseException.class);
        assertThatThrownBy(() -> ChannelData.channel(new byte[] {0x30, 0, 0, 0}, 0, 4)).isInstanceOf(StunParseException.class);
    }
}
