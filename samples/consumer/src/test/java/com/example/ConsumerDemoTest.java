package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.signaling.server.SocketIoServer;

/**
 * The consumer's own checks: it runs as a named module against rtc4j's module descriptors, and
 * 1 MiB goes out on the channel and comes back whole.
 */
class ConsumerDemoTest {
    @Test
    void rtc4jIsReadThroughItsModuleDescriptors() {
        assertEquals("com.example.consumer", ConsumerDemoTest.class.getModule().getName());
        Module core = RTCPeerConnection.class.getModule();
        Module signaling = SocketIoServer.class.getModule();
        for (Module m : new Module[]{core, signaling}) {
            assertTrue(m.isNamed(), m + " is named");
            assertFalse(m.getDescriptor().isAutomatic(), m + " has a module-info");
        }
        assertEquals("org.rtc4j.core", core.getName());
        assertEquals("org.rtc4j.signaling", signaling.getName());
        // the internal package is in the jar, and closed to everyone else
        assertTrue(core.getDescriptor().packages().contains("org.rtc4j.jsep"));
        assertFalse(core.isExported("org.rtc4j.jsep"));
        assertTrue(core.isExported("org.rtc4j"));
        String layer = core.getLayer().modules().stream().map(Module::getDescriptor)
                .filter(d -> d.name().startsWith("org.rtc4j."))
                .sorted(java.util.Comparator.comparing(ModuleDescriptor::name))
                .map(d -> d.name() + (d.isAutomatic() ? " (automatic)" : " exports " + d.exports().stream()
                        .map(ModuleDescriptor.Exports::source).sorted().collect(Collectors.joining(","))))
                .collect(Collectors.joining("; "));
        System.out.println("rtc4j consumer: on the module path: " + layer);
    }

    @Test
    void aMebibyteGoesThereAndBack() throws Exception {
        ConsumerDemo.Result r = ConsumerDemo.run(1 << 20);
        System.out.printf("rtc4j consumer: channel open %.1f ms after the offer; %d bytes echoed%n", r.setupMs(), r.bytes());
        assertEquals(1 << 20, r.bytes());
        assertEquals(r.sentSha256(), r.echoedSha256());
        assertTrue(r.setupMs() > 0);
    }
}
