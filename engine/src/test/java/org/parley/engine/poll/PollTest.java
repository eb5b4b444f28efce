package org.parley.engine.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.engine.EntityTestConfig;
import org.parley.engine.conference.Initiator;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;

/** A poll: asked once, one vote per person (a new vote replaces it), closed by its creator or a moderator. */
class PollTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private static final ActorTestKit testKit = ActorTestKit.create(EntityTestConfig.config());

    private final RoomName room = RoomName.parse("seminar");
    private final ParticipantId hana = new ParticipantId("p-hana");
    private final ParticipantId gus = new ParticipantId("p-gus");
    private final PollQuestion slot = new PollQuestion("  Which slot?  ", List.of("Monday", " Tuesday "), false);
    private EventSourcedBehaviorTestKit<Poll.Command, Poll.Event, PollState> poll;

    @AfterAll
    static void stopTestKit() {
        testKit.shutdownTestKit();
    }

    @BeforeEach
    void aFreshPoll() {
        poll = EventSourcedBehaviorTestKit.create(testKit.system(),
                Poll.create(new PollId("poll-1"), Clock.fixed(NOW, ZoneOffset.UTC)),
                EventSourcedBehaviorTestKit.enabledSerializationSettings());
        poll.clear();
    }

    @Test
    void aPollIsAskedWithItsChoicesAndEveryoneVotesOnceTheLatestVoteCounting() {
        var created = create(slot);
        assertEquals(List.of(new Poll.PollCreated(room, hana, "Hana",
                new PollQuestion("Which slot?", List.of("Monday", "Tuesday"), false), NOW)), created.events());

        vote(gus, 0);
        vote(hana, 1);
        var changed = vote(gus, 1);
        var same = vote(gus, 1);

        assertEquals(List.of(new Poll.VoteCast(gus, 1, NOW)), changed.events());
        assertTrue(same.hasNoEvents());
        PollState after = poll.restart().state();
        assertEquals(List.of(0, 2), after.counts());
        assertEquals(Optional.of(1), after.choiceOf(gus));
    }

    @Test
    void aClosedPollTakesNoMoreVotes() {
        create(slot);
        vote(gus, 0);

        var closed = poll.runCommand((ActorRef<StatusReply<PollState>> replyTo) -> new Poll.Close(Initiator.participant(hana), replyTo));
        var late = vote(hana, 1);
        var again = poll.runCommand((ActorRef<StatusReply<PollState>> replyTo) -> new Poll.Close(Initiator.participant(hana), replyTo));

        assertEquals(List.of(new Poll.PollClosed(Initiator.participant(hana), NOW)), closed.events());
        assertTrue(late.reply().isError());
        assertTrue(late.hasNoEvents());
        assertTrue(again.hasNoEvents());
        assertEquals(List.of(1, 0), poll.restart().state().counts());
    }

    @Test
    void badQuestionsAndChoicesAreRefusedAndNothingIsRecorded() {
        for (PollQuestion bad : List.of(
                new PollQuestion(" ", List.of("a", "b"), false),
                new PollQuestion("One choice?", List.of("only"), false),
                new PollQuestion("Eleven?", java.util.stream.IntStream.range(0, 11).mapToObj(i -> "c" + i).toList(), false),
                new PollQuestion("Same twice?", List.of("Yes", "yes "), false),
                new PollQuestion("Blank choice?", List.of("Yes", ""), false))) {
            var refused = create(bad);
            assertTrue(refused.reply().isError(), bad::toString);
            assertTrue(refused.hasNoEvents());
        }
        create(slot);
        assertTrue(vote(gus, 5).reply().isError(), "no such choice");
        assertTrue(create(slot).reply().isError(), "created once");
    }

    private EventSourcedBehaviorTestKit.CommandResultWithReply<Poll.Command, Poll.Event, PollState, StatusReply<PollState>> create(
            PollQuestion question) {
        return poll.runCommand((ActorRef<StatusReply<PollState>> replyTo) -> new Poll.Create(room, hana, "Hana", question, replyTo));
    }

    private EventSourcedBehaviorTestKit.CommandResultWithReply<Poll.Command, Poll.Event, PollState, StatusReply<PollState>> vote(
            ParticipantId voter, int choice) {
        return poll.runCommand((ActorRef<StatusReply<PollState>> replyTo) -> new Poll.Vote(voter, choice, replyTo));
    }
}
