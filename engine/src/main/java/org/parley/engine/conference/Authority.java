package org.parley.engine.conference;

/**
 * On whose behalf a moderator action is asked: a person in the room (signalling), a person outside
 * it (the REST API with their access token), or a trusted service (a signed service token, already
 * checked against this room by the edge). The conference decides whether that authority moderates.
 */
public sealed interface Authority {

    /** How the log records who did it. */
    Initiator initiator();

    record InRoom(ParticipantId participant) implements Authority {
        @Override
        public Initiator initiator() {
            return Initiator.participant(participant);
        }
    }

    record Person(Caller caller) implements Authority {
        @Override
        public Initiator initiator() {
            return Initiator.subject(caller.subject());
        }
    }

    record Service(String name) implements Authority {
        @Override
        public Initiator initiator() {
            return Initiator.subject("service:" + name);
        }
    }
}
