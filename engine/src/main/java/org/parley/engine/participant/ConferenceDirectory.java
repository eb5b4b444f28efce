package org.parley.engine.participant;

import org.apache.pekko.actor.typed.RecipientRef;
import org.parley.engine.conference.Conference;
import org.parley.engine.conference.RoomName;

/**
 * How a Participant reaches its room's conference: through sharding in the server, through a test
 * probe in entity tests.
 */
@FunctionalInterface
public interface ConferenceDirectory {
    RecipientRef<Conference.Command> conference(RoomName room);
}
