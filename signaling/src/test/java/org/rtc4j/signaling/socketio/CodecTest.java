package org.rtc4j.signaling.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtc4j.signaling.engineio.EngineCodec;
import org.rtc4j.signaling.engineio.EnginePacket;
import org.rtc4j.signaling.engineio.EngineParseException;

class CodecTest {
    @Test
    void engineePayloadRoundTripsTextAndBinary() throws Exception {
        List<EnginePacket> in = List.of(EnginePacket.message("2[\"a\"]"), EnginePacket.message(new byte[]{1, 2, 3}),
                EnginePacket.of(EnginePacket.Type.PING));
        String wire = EngineCodec.encodePayload(in);
        assertThat(wire).isEqualTo("42[\"a\"]\u001ebAQID\u001e2");
        List<EnginePacket> out = EngineCodec.decodePayload(wire);
        assertThat(out).hasSize(3);
        assertThat(out.get(1).binary()).containsExactly(1, 2, 3);
        assertThat(out.get(2).type()).isEqualTo(EnginePacket.Type.PING);
        assertThatThrownBy(() -> EngineCodec.decodePayload("4a\u001e\u001e4b")).isInstanceOf(EngineParseException.class);
    }

    @Test
    void socketIoEncodingMatchesTheReferenceParser() throws Exception {
        ArrayNode data = SioCodec.array("hello", Map.of("k", 1), new byte[]{7});
        SioCodec.Encoded e = SioCodec.encode(new SioPacket(SioPacket.Type.EVENT, "/chat", 12, data));
        assertThat(e.text()).isEqualTo("51-/chat,12[\"hello\",{\"k\":1},{\"_placeholder\":true,\"num\":0}]");
        assertThat(e.attachments()).hasSize(1);
        assertThat(SioCodec.encode(new SioPacket(SioPacket.Type.CONNECT, "/", -1, null)).text()).isEqualTo("0");
        SioCodec.Decoded d = SioCodec.decode(e.text(), 10, false);
        assertThat(d.attachments()).isEqualTo(1);
        SioPacket p = SioCodec.reconstruct(d.packet(), List.of(new byte[]{7}));
        assertThat(p.nsp()).isEqualTo("/chat");
        assertThat(p.id()).isEqualTo(12);
        assertThat(p.data().get(2).binaryValue()).containsExactly(7);
        // the caller's tree is not modified by encoding
        assertThat(data.get(2).isBinary()).isTrue();
    }

    @Test
    void strictValidationRejectsWhatTheReferenceRejects() {
        for (String bad : List.of("7", "2", "2{}", "2[]", "2[{}]", "2[\"connect\"]", "0[]", "1{}", "3[]",
                "51-[\"a\"]x", "5-[\"a\"]", "2[\"a\"]]", "0/x,5{}")) {
            assertThatThrownBy(() -> SioCodec.decode(bad, 10, false)).as(bad).isInstanceOf(SioParseException.class);
        }
        assertThatThrownBy(() -> SioCodec.decode("511-[\"a\"]", 10, false)).hasMessageContaining("too many attachments");
    }

    @FuzzTest(maxDuration = "10s")
    void decodersNeverThrowAnythingButTheirOwnExceptions(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        try {
            for (EnginePacket p : EngineCodec.decodePayload(s)) {
                if (p.type() == EnginePacket.Type.MESSAGE && !p.isBinary()) {
                    SioCodec.Decoded d = SioCodec.decode(p.text(), 10, false);
                    SioCodec.reconstruct(d.packet(), java.util.Collections.nCopies(d.attachments(), new byte[1]));
                    SioCodec.encode(d.packet());
                }
            }
        } catch (EngineParseException | SioParseException expected) {
            // typed rejection is the contract
        }
    }
}
