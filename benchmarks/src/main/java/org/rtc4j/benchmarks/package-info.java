/**
 * JMH benchmarks.
 */
package org.rtc4j.benchmarks;
