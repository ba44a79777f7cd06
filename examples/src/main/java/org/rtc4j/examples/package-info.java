/**
 * The rtc4j command line.
 */
package org.rtc4j.examples;
