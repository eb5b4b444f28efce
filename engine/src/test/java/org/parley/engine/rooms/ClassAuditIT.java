package org.parley.engine.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.Test;
import org.parley.engine.NodeConfig;
import org.parley.engine.conference.Authority;
import org.parley.engine.conference.Caller;
import org.parley.engine.conference.Conference;
import org.parley.engine.conference.ConferenceState;
import org.parley.engine.conference.MediaPolicy;
import org.parley.engine.conference.ModeratorAction;
import org.parley.engine.conference.MuteKind;
import org.parley.engine.conference.RoomName;
import org.parley.engine.conference.RoomUpdate;
import org.parley.engine.conference.Verdict;
import org.parley.engine.history.HistoryEntry;

/**
 * The audit promise, against real Cassandra: after a scripted class (chat, private chat, hands,
 * mutes, a policy, a deletion), folding the room's stored events from the start reproduces the
 * conference exactly as it was after every step, in the same order.
 */
class ClassAuditIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void replayingTheHistoryReproducesTheClassAtEveryStep() {
        RoomName room = RoomName.parse("audit-class-" + UUID.randomUUID().toString().substring(0, 8));
        ActorTestKit kit = ActorTestKit.create("audit-class", NodeConfig.onTestCassandra());
        try {
            Engine.Running engine = Engine.start(kit.system(), org.parley.engine.rooms.EngineSettings.fromConfig(kit.system().settings().config()),
                    Clock.systemUTC());
            TestProbe<RoomUpdate> screen = kit.createTestProbe();
            Authority service = new Authority.Service("auditor");
            List<ConferenceState> taken = new ArrayList<>();

            JoinedSession tess = entered(engine.rooms().join(room, request(Caller.member("oidc:tess"), "Tess"), screen.ref()));
            Authority teacher = new Authority.InRoom(tess.participant());
            JoinedSession gus = entered(engine.rooms().join(room, request(Caller.guest("guest:gus"), "Gus"), screen.ref()));
            JoinedSession olga = entered(engine.rooms().join(room, request(Caller.guest("guest:olga"), "Olga"), screen.ref()));
            taken.add(await(engine.rooms().moderatorView(room, service)));

            accepted(engine.rooms().postChat(room, gus.participant(), Optional.empty(), "Bonjour à tous"));
            accepted(engine.rooms().postChat(room, olga.participant(), Optional.of(tess.participant()), "Question privée"));
            taken.add(await(engine.rooms().moderatorView(room, service)));
            accepted(engine.rooms().setHand(room, olga.participant(), true));
            accepted(engine.rooms().setHand(room, gus.participant(), true));
            taken.add(await(engine.rooms().moderatorView(room, service)));
            accepted(engine.rooms().moderate(room, teacher, new ModeratorAction.SetMediaPolicy(new MediaPolicy(true, false, true, false))));
            accepted(engine.rooms().mute(room, teacher, Optional.empty(), MuteKind.AUDIO));
            accepted(engine.rooms().askToUnmute(room, gus.participant(), MuteKind.AUDIO));
            taken.add(await(engine.rooms().moderatorView(room, service)));
            accepted(engine.rooms().moderate(room, teacher, new ModeratorAction.AllowUnmute(gus.participant(), MuteKind.AUDIO)));
            accepted(engine.rooms().moderate(room, teacher, new ModeratorAction.LowerHand(olga.participant())));
            ConferenceState withChat = await(engine.rooms().moderatorView(room, service));
            accepted(engine.rooms().moderate(room, teacher, new ModeratorAction.DeleteChat(withChat.chat().get(0).id())));
            taken.add(await(engine.rooms().moderatorView(room, service)));

            List<ConferenceState> replayed = replay(room, await(engine.history().of(room)).orElseThrow());

            int from = 0;
            for (ConferenceState step : taken) {
                int at = replayed.subList(from, replayed.size()).indexOf(step);
                assertTrue(at >= 0, () -> "no replayed state equals the one taken during the class: " + step);
                from += at + 1;
            }
            ConferenceState end = taken.get(taken.size() - 1);
            assertEquals(end, replayed.get(replayed.size() - 1));
            assertEquals(List.of(gus.participant()), end.raisedHands());
            assertEquals(1, end.chat().size());
            assertTrue(end.media().policy().askToUnmuteAudio());
        } finally {
            kit.shutdownTestKit();
        }
    }

    /** The conference's state after each of its stored events, folded from nothing. */
    private static List<ConferenceState> replay(RoomName room, List<HistoryEntry> history) {
        List<ConferenceState> states = new ArrayList<>();
        ConferenceState state = ConferenceState.notStarted(room);
        for (HistoryEntry entry : history) {
            if (entry.event() instanceof Conference.Event event) {
                state = state.apply(event);
                states.add(state);
            }
        }
        return states;
    }

    private static JoinRequest request(Caller caller, String name) {
        return new JoinRequest(caller, name, "fr", false, false, true, Optional.empty(), "127.0.0.1");
    }

    private static void accepted(CompletionStage<Verdict> verdict) {
        assertEquals(Verdict.ACCEPTED, await(verdict));
    }

    private static JoinedSession entered(CompletionStage<Entry> entry) {
        return ((Entry.Entered) await(entry)).session();
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }
}
