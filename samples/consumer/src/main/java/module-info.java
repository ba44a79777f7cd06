/**
 * The consumer as a named module: rtc4j's jars sit on the module path and are read through their
 * own descriptors, so only their exported packages are visible here.
 */
module com.example.consumer {
    requires org.rtc4j.core;
    requires org.rtc4j.signaling;

    exports com.example;
}
