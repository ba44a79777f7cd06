package org.rtc4j.ice;

/** The agent's ICE role. */
public enum IceRole {
    /** Controlling: nominates. */
    CONTROLLING,
    /** Controlled: follows USE-CANDIDATE. */
    CONTROLLED
}
