package org.rtc4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The end of every data-channel run against a real peer: {@link ChromiumPeerTest#assertEcho}, the
 * 16 MiB the peer sent back (when its script sends any), the figures both ways, and how soon the
 * peer reports rtc4j's {@code close()}.
 */
final class EchoChecks {
    private EchoChecks() {
    }

    /**
     * @param peer       the peer's name in the log
     * @param role       who offered, for the log
     * @param upload     whether the peer's script sends {@code bulk} bytes back
     * @param closeSeen  what the peer's close report means, for the log
     * @param peerOutput what the peer printed, added to a failure
     */
    static void finish(Logger log, String peer, String role, EchoScenario s, Map<String, Object> r, long bulk,
                       boolean upload, String closeSeen, Supplier<String> peerOutput) throws Exception {
        log.info("rtc4j<->{} ({}): rtc4j {}; {}: {}", peer, role, s.timeline(), peer, r);
        try {
            ChromiumPeerTest.assertEcho(s, r);
            if (upload) {
                assertThat(r.get("upload_sha256")).isNotNull();
                assertThat(EchoScenario.hex(s.bulkReceived.get(60, TimeUnit.SECONDS))).isEqualTo(r.get("upload_sha256"));
            }
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + peer + " printed:\n" + peerOutput.get(), e);
        }
        if (upload) {
            log.info("{}->rtc4j ({}): {} MiB in {} ms receiver-side = {} Mbit/s", peer, role, bulk >> 20,
                    s.bulkReceiveMs, Math.round(bulk * 8 / (double) Math.max(1, s.bulkReceiveMs) / 1000));
        }
        log.info("rtc4j->{} ({}): {} MiB in {} ms receiver-side = {} Mbit/s (sender {} ms)", peer, role, bulk >> 20,
                r.get("bulk_ms"), Math.round(bulk * 8 / ((Number) r.get("bulk_ms")).doubleValue() / 1000), s.bulkSendMs);
        // close() is on the wire at once (SCTP ABORT, DTLS close_notify): the peer hears of it now,
        // not when its consent freshness expires 30 s later.
        long closing = System.nanoTime();
        s.pc.close();
        long heard;
        try {
            heard = s.peerClosed.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(peer + " did not report " + closeSeen + " within 10 s of rtc4j's close() ("
                    + role + ")\n" + peer + " printed:\n" + peerOutput.get(), e);
        }
        long heardMs = (heard - closing) / 1_000_000;
        log.info("rtc4j close() -> {} ({}): {} ms", closeSeen, role, heardMs);
    }
}
