/**
 * STUN, TURN and ICE as sans-IO state machines.
 */
package org.rtc4j.ice;
