package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The consumer's own check: 1 MiB goes out on the channel and comes back whole. */
class ConsumerDemoTest {
    @Test
    void aMebibyteGoesThereAndBack() throws Exception {
        ConsumerDemo.Result r = ConsumerDemo.run(1 << 20);
        System.out.printf("rtc4j consumer: channel open %.1f ms after the offer; %d bytes echoed%n", r.setupMs(), r.bytes());
        assertEquals(1 << 20, r.bytes());
        assertEquals(r.sentSha256(), r.echoedSha256());
        assertTrue(r.setupMs() > 0);
    }
}
