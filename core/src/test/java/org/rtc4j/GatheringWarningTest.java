package org.rtc4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rtc4j.transport.InterfaceFilter;

/**
 * A connection whose gathering ends with no candidate cannot connect; it says so in a WARN line
 * naming the interface filter, instead of waiting silently. (slf4j-simple, the tests' binding,
 * writes to whatever System.err is at the time, so the line is captured here.)
 */
class GatheringWarningTest {

    private static PeerConnectionFactory factory;

    @BeforeAll
    static void start() {
        factory = PeerConnectionFactory.create(1);
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void noCandidateIsAWarningNamingTheFilter() throws Exception {
        RTCConfiguration nothing = RTCConfiguration.builder()
                .interfaceFilter(InterfaceFilter.of(i -> false, a -> false)).build();
        String log = gatherAndCapture(nothing);
        assertThat(log).contains("WARN").contains("no local candidate").contains("interface filter")
                .contains("selected []");
    }

    @Test
    void candidatesGatheredIsNoWarning() throws Exception {
        String log = gatherAndCapture(LoopbackPair.defaultConfig());
        assertThat(log).doesNotContain("no local candidate");
    }

    private static String gatherAndCapture(RTCConfiguration config) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (RTCPeerConnection pc = factory.createPeerConnection(config)) {
            CompletableFuture<Void> complete = new CompletableFuture<>();
            pc.onIceGatheringStateChange(s -> {
                if (s == RTCIceGatheringState.COMPLETE) {
                    complete.complete(null);
                }
            });
            pc.createDataChannel("x");
            pc.setLocalDescription().get(20, TimeUnit.SECONDS);
            complete.get(20, TimeUnit.SECONDS);
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
