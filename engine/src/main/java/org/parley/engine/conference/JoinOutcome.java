package org.parley.engine.conference;

/** What the door says to someone who asks to join. */
public sealed interface JoinOutcome permits JoinOutcome.Admitted, JoinOutcome.WaitingForHost, JoinOutcome.InLobby, Denied {

    /** In, with this role, into this conference. */
    record Admitted(Role role, ConferenceState conference) implements JoinOutcome {}

    /** Nobody who may start this conference is here yet; the caller is told when a host starts it. */
    record WaitingForHost() implements JoinOutcome {}

    /** The lobby is on: the moderators were told of this knock and decide. */
    record InLobby(KnockId knock) implements JoinOutcome {}
}
