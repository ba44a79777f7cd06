package org.rtc4j.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.rtc4j.PeerConnectionFactory;

/** A test class against a real peer: one factory (two event loops) for all its tests. */
abstract class InteropTest {
    static PeerConnectionFactory factory;

    @BeforeAll
    static void createFactory() {
        factory = PeerConnectionFactory.create(2);
    }

    @AfterAll
    static void closeFactory() {
        if (factory != null) {
            factory.close();
            factory = null;
        }
    }
}
