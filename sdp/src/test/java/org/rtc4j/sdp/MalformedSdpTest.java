package org.rtc4j.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed descriptions: each must fail with the right 1-based line number and a readable reason. */
class MalformedSdpTest {

    /** A valid description; cases replace or insert lines (line numbers below refer to it). */
    private static final List<String> BASE = List.of(
            "v=0",                                   // 1
            "o=- 1 2 IN IP4 127.0.0.1",              // 2
            "s=-",                                   // 3
            "t=0 0",                                 // 4
            "a=group:BUNDLE 0 1",                    // 5
            "m=audio 9 UDP/TLS/RTP/SAVPF 111",       // 6
            "c=IN IP4 0.0.0.0",                      // 7
            "a=mid:0",                               // 8
            "a=ice-ufrag:abcd",                      // 9
            "a=ice-pwd:abcdefghijklmnopqrstuv",      // 10
            "a=sendrecv",                            // 11
            "a=rtpmap:111 opus/48000/2",             // 12
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel", // 13
            "a=mid:1",                               // 14
            "a=sctp-port:5000");                     // 15

    private static String sdp(List<String> lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    /** BASE with line {@code n} (1-based) replaced. */
    private static String replace(int n, String line) {
        List<String> l = new ArrayList<>(BASE);
        l.set(n - 1, line);
        return sdp(l);
    }

    /** BASE with a line inserted so that it becomes line {@code n}. */
    private static String insert(int n, String line) {
        List<String> l = new ArrayList<>(BASE);
        l.add(n - 1, line);
        return sdp(l);
    }

    private static Arguments bad(String what, String sdp, int line, String reason) {
        return Arguments.of(what, sdp, line, reason);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                bad("empty input", "", 1, "description is empty"),
                bad("first line not v=", "x=0\r\n", 1, "first line must be v=0"),
                bad("version 1", replace(1, "v=1"), 1, "unsupported SDP version"),
                bad("o= missing", sdp(List.of("v=0", "s=-", "t=0 0")), 2, "second line must be o="),
                bad("s= missing", sdp(List.of("v=0", "o=- 1 2 IN IP4 127.0.0.1", "t=0 0")), 3,
                        "third line must be s="),
                bad("ends after v=", "v=0\r\n", 1, "second line must be o=, but the description ends"),
                bad("o= with five fields", replace(2, "o=- 1 2 IN IP4"), 2, "o= needs 6 fields, got 5"),
                bad("o= session id not a number", replace(2, "o=- abc 2 IN IP4 127.0.0.1"), 2,
                        "o= session id must be decimal digits"),
                bad("no t= line", replace(4, "a=ice-lite"), 6, "session section needs a t= line"),
                bad("t= with one field", replace(4, "t=0"), 4, "t= needs 2 fields"),
                bad("t= not numeric", replace(4, "t=now 0"), 4, "t= start time must be a number"),
                bad("empty line", insert(5, ""), 5, "empty line"),
                bad("line without =", insert(5, "hello"), 5, "expected <type>=<value>"),
                bad("type not a letter", insert(5, "1=abc"), 5, "line type must be a letter"),
                bad("stray carriage return", replace(8, "a=mid:0\rx"), 8, "carriage return without line feed"),
                bad("NUL inside a line", replace(8, "a=mid:0\u0000"), 8, "NUL character"),
                bad("second o= line", insert(4, "o=- 1 2 IN IP4 127.0.0.1"), 4, "o= may appear only once"),
                bad("second s= line", insert(4, "s=again"), 4, "s= may appear only once"),
                bad("second i= at session level", sdp(List.of("v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "i=a",
                        "i=b", "t=0 0")), 5, "i= may appear only once"),
                bad("t= inside a media section", insert(8, "t=0 0"), 8, "t= is not allowed in a media section"),
                bad("r= without t=", insert(6, "r=7d 1h 0 25h"), 6, "r= must follow a t= line"),
                bad("c= with two fields", replace(7, "c=IN IP4"), 7, "c= needs 3 fields, got 2"),
                bad("b= without colon", insert(8, "b=AS"), 8, "b= must be <type>:<bandwidth>"),
                bad("b= not numeric", insert(8, "b=AS:fast"), 8, "b= bandwidth must be a number"),
                bad("m= too short", replace(6, "m=audio 9"), 6, "m= needs <media> <port> <proto>"),
                bad("m= port too large", replace(6, "m=audio 70000 RTP/AVP 0"), 6, "m= port must be between 0 and 65535"),
                bad("m= zero port count", replace(6, "m=audio 9/0 RTP/AVP 0"), 6, "m= number of ports"),
                bad("empty attribute name", insert(9, "a="), 9, "attribute name is empty"),
                bad("attribute name with a space", insert(9, "a=foo bar"), 9, "attribute name must be a token"),
                bad("flag with a value", insert(9, "a=rtcp-mux:1"), 9, "a=rtcp-mux takes no value"),
                bad("mid without value", replace(8, "a=mid"), 8, "a=mid needs a value"),
                bad("two mids in one section", insert(9, "a=mid:2"), 9, "a=mid may appear only once"),
                bad("duplicate mid across sections", replace(14, "a=mid:0"), 14, "mid \"0\" is already used"),
                bad("two directions", insert(12, "a=recvonly"), 12, "a=sendrecv/sendonly/recvonly/inactive may appear only once"),
                bad("unknown setup role", insert(9, "a=setup:server"), 9, "setup must be active, passive"),
                bad("fingerprint not hex", insert(9, "a=fingerprint:sha-256 GG:00"), 9, "fingerprint must be hex"),
                bad("fingerprint without hash", insert(9, "a=fingerprint:sha-256"), 9, "fingerprint needs 2 fields"),
                bad("ice-ufrag too short", replace(9, "a=ice-ufrag:ab"), 9, "ice-ufrag must be 4 to 256 characters"),
                bad("ice-pwd too short", replace(10, "a=ice-pwd:short"), 10, "ice-pwd must be 22 to 256 characters"),
                bad("ice-ufrag with a space", replace(9, "a=ice-ufrag:ab cd"), 9, "ice-ufrag may contain only"),
                bad("ice-options empty", insert(9, "a=ice-options:"), 9, "ice-options needs at least one option"),
                bad("extmap id 0", insert(9, "a=extmap:0 urn:x"), 9, "extmap id must be between 1 and 4351"),
                bad("extmap id between ranges", insert(9, "a=extmap:300 urn:x"), 9, "extmap id must be 1..255 or 4096..4351"),
                bad("extmap bad direction", insert(9, "a=extmap:1/sideways urn:x"), 9, "extmap direction must be"),
                bad("extmap without uri", insert(9, "a=extmap:1"), 9, "extmap needs <id>"),
                bad("rtpmap payload type 128", replace(12, "a=rtpmap:128 opus/48000"), 12,
                        "rtpmap payload type must be between 0 and 127"),
                bad("rtpmap without clock rate", replace(12, "a=rtpmap:111 opus"), 12, "rtpmap encoding must be"),
                bad("rtpmap clock rate not numeric", replace(12, "a=rtpmap:111 opus/fast"), 12,
                        "rtpmap clock rate must be a number"),
                bad("second rtpmap for one payload type", insert(13, "a=rtpmap:111 PCMU/8000"), 13,
                        "a second rtpmap for the same payload type"),
                bad("fmtp parameter without name", insert(13, "a=fmtp:111 =1"), 13, "fmtp parameter has an empty name"),
                bad("rtcp-fb bad payload type", insert(13, "a=rtcp-fb:x nack"), 13, "rtcp-fb payload type must be a number"),
                bad("rtcp-fb without type", insert(13, "a=rtcp-fb:111"), 13, "rtcp-fb needs <payload type> <type>"),
                bad("ssrc not numeric", insert(13, "a=ssrc:abc cname:x"), 13, "ssrc must be a number"),
                bad("ssrc too large", insert(13, "a=ssrc:4294967296 cname:x"), 13, "ssrc must be between 0 and 4294967295"),
                bad("ssrc without attribute", insert(13, "a=ssrc:1"), 13, "ssrc needs <ssrc> <attribute>"),
                bad("ssrc-group without ssrcs", insert(13, "a=ssrc-group:FID"), 13, "ssrc-group needs <semantics>"),
                bad("msid with three fields", insert(13, "a=msid:a b c"), 13, "msid needs 1 to 2 fields, got 3"),
                bad("rid bad direction", insert(13, "a=rid:q sideways"), 13, "rid direction must be send or recv"),
                bad("rid bad id", insert(13, "a=rid:q! send"), 13, "rid id must be letters, digits"),
                bad("rid bad payload type", insert(13, "a=rid:q send pt=x"), 13, "rid payload type must be a number"),
                bad("simulcast without streams", insert(13, "a=simulcast:send"), 13, "simulcast needs send|recv"),
                bad("simulcast bad direction", insert(13, "a=simulcast:both q"), 13, "simulcast direction must be send or recv"),
                bad("simulcast empty rid", insert(13, "a=simulcast:send q;;h"), 13, "rid id must be"),
                bad("sctp-port too large", replace(15, "a=sctp-port:70000"), 15, "sctp-port must be between 0 and 65535"),
                bad("negative max-message-size", insert(16, "a=max-message-size:-1"), 16,
                        "max-message-size must be a number"),
                bad("sctpmap without protocol", insert(16, "a=sctpmap:5000"), 16, "sctpmap needs 2 to 3 fields, got 1"),
                bad("truncated candidate", insert(9, "a=candidate:1 1 udp 1 192.0.2.1 1 typ"), 9,
                        "candidate needs foundation"),
                bad("candidate extension without value", insert(9, "a=candidate:1 1 udp 1 192.0.2.1 1 typ host generation"),
                        9, "candidate extension \"generation\" has no value"),
                bad("group without semantics", replace(5, "a=group:"), 5, "group needs a semantics"),
                bad("rtcp with two fields", insert(9, "a=rtcp:9 IN"), 9, "rtcp needs <port>"),
                bad("msid-semantic empty", insert(5, "a=msid-semantic: "), 5, "msid-semantic needs a semantic"),
                bad("second m= section invalid", replace(13, "m=application x UDP/DTLS/SCTP webrtc-datachannel"), 13,
                        "m= port must be a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithLineNumberAndReason(String what, String sdp, int line, String reason) {
        assertThatThrownBy(() -> SessionDescription.parse(sdp))
                .isInstanceOfSatisfying(SdpParseException.class, e -> {
                    assertThat(e.lineNumber()).as("line number").isEqualTo(line);
                    assertThat(e.reason()).as("reason").contains(reason);
                    assertThat(e.getMessage()).startsWith("line " + line + ": ");
                    assertThat(e.line()).isNotNull();
                    String[] lines = sdp.split("\r\n", -1);
                    if (line <= lines.length && !lines[line - 1].contains("\r")) {
                        assertThat(e.line()).as("offending line").isEqualTo(lines[line - 1]);
                    }
                });
    }

    @Test
    void atLeastFortyCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void validBaseParses() throws Exception {
        assertThat(SessionDescription.parse(sdp(BASE)).media()).hasSize(2);
    }

    @Test
    void invalidUtf8NamesTheLine() {
        byte[] good = sdp(BASE).getBytes(StandardCharsets.UTF_8);
        byte[] bad = good.clone();
        int at = sdp(BASE).indexOf("a=mid:0") + 6;
        bad[at] = (byte) 0xC3;
        bad[at + 1] = (byte) 0x28;
        assertThatThrownBy(() -> SessionDescription.parse(bad))
                .isInstanceOfSatisfying(SdpParseException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(8);
                    assertThat(e.reason()).contains("invalid UTF-8");
                });
    }

    @Test
    void messageEscapesControlCharacters() {
        assertThatThrownBy(() -> SessionDescription.parse(replace(8, "a=mid:0\u0001 x")))
                .isInstanceOf(SdpParseException.class)
                .hasMessageContaining("\\x01");
    }
}
