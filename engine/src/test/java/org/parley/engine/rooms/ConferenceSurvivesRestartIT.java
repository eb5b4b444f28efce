package org.parley.engine.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.NoOffset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.parley.engine.NodeConfig;
import org.parley.engine.conference.Authority;
import org.parley.engine.conference.Caller;
import org.parley.engine.conference.ConferenceState;
import org.parley.engine.conference.ModeratorAction;
import org.parley.engine.conference.Verdict;
import org.parley.engine.conference.Conference;
import org.parley.engine.conference.Phase;
import org.parley.engine.conference.Role;
import org.parley.engine.conference.RoomName;
import org.parley.engine.conference.RoomUpdate;
import org.parley.engine.history.ConferenceHistory;
import org.parley.engine.history.HistoryEntry;
import org.parley.engine.participant.Participant;

/**
 * Against the real forked Cassandra: a conference's history written by one actor system is the
 * whole truth for the next one. State and event history are identical after a full restart.
 */
class ConferenceSurvivesRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aConferenceAndItsHistoryAreIdenticalAfterTheWholeSystemRestarts() {
        RoomName room = RoomName.parse("restart-" + UUID.randomUUID().toString().substring(0, 8));
        ConferenceView before;
        List<HistoryEntry> historyBefore;

        ActorTestKit first = ActorTestKit.create("first", NodeConfig.onTestCassandra());
        try {
            Engine.Running engine = start(first);
            TestProbe<RoomUpdate> adaScreen = first.createTestProbe();
            TestProbe<RoomUpdate> bobScreen = first.createTestProbe();
            TestProbe<RoomUpdate> eveScreen = first.createTestProbe();
            JoinedSession ada = entered(engine.rooms().join(room, new JoinRequest(Caller.member("oidc:ada"), "Ada", "en", false, false, true, Optional.empty(), "127.0.0.1"), adaScreen.ref()));
            JoinedSession bob = entered(engine.rooms().join(room, new JoinRequest(Caller.guest("guest:bob"), "Bob", "fr", true, true, true, Optional.empty(), "127.0.0.1"), bobScreen.ref()));
            JoinedSession eve = entered(engine.rooms().join(room, new JoinRequest(Caller.guest("guest:eve"), "Eve", "en", false, false, true, Optional.empty(), "127.0.0.1"), eveScreen.ref()));
            await(engine.rooms().changeDisplayName(bob.participant(), "Robert"));
            await(engine.rooms().setAudioMuted(room, ada.participant(), true));
            await(engine.rooms().leave(ada.participant()));
            await(engine.rooms().leave(eve.participant()));

            before = await(engine.rooms().conference(room)).orElseThrow();
            historyBefore = await(engine.history().of(room)).orElseThrow();

            assertEquals(Role.MODERATOR, ada.role());
            assertEquals(List.of("Robert"), before.roster().stream().map(RosterEntry::displayName).toList());
            assertEquals(Role.MODERATOR, before.roster().get(0).role(), "Bob inherits moderation when Ada leaves");
        } finally {
            first.shutdownTestKit();
        }

        ActorTestKit second = ActorTestKit.create("second", NodeConfig.onTestCassandra());
        try {
            Engine.Running engine = start(second);

            ConferenceView after = await(engine.rooms().conference(room)).orElseThrow();
            List<HistoryEntry> historyAfter = await(engine.history().of(room)).orElseThrow();

            assertEquals(before, after);
            assertEquals(historyBefore, historyAfter);
            assertEquals(Phase.RUNNING, after.phase());
            assertEquals(List.of(
                            Conference.ConferenceStarted.class, Conference.ParticipantJoined.class,
                            Participant.Registered.class),
                    historyAfter.subList(0, 3).stream().map(e -> e.event().getClass()).toList());
            assertTrue(historyAfter.stream().anyMatch(e -> e.event() instanceof Participant.DisplayNameChanged));
            assertTrue(historyAfter.stream().anyMatch(e -> e.event() instanceof Conference.ModeratorGranted));
        } finally {
            second.shutdownTestKit();
        }
    }

    @Test
    void theLobbyPasswordPromotionsAndBansAreTheSameAfterTheWholeSystemRestarts() {
        RoomName room = RoomName.parse("access-restart-" + UUID.randomUUID().toString().substring(0, 8));
        ConferenceState before;
        List<HistoryEntry> historyBefore;
        Authority ana = new Authority.Person(Caller.member("oidc:ana"));

        ActorTestKit first = ActorTestKit.create("access-first", NodeConfig.onTestCassandra());
        try {
            Engine.Running engine = start(first);
            TestProbe<RoomUpdate> screen = first.createTestProbe();
            JoinedSession host = entered(engine.rooms().join(room, request(Caller.member("oidc:ana"), "Ana"), screen.ref()));
            JoinedSession gus = entered(engine.rooms().join(room, request(Caller.guest("guest:gus"), "Gus"), screen.ref()));
            assertEquals(Verdict.ACCEPTED, await(engine.rooms().moderate(room, ana, new ModeratorAction.Promote(gus.participant()))));
            assertEquals(Verdict.ACCEPTED, await(engine.rooms().setPassword(room, ana, "s3cret-pass")));
            assertEquals(Verdict.ACCEPTED, await(engine.rooms().moderate(room, ana, new ModeratorAction.SetLobby(true))));
            Entry.Waiting olga = (Entry.Waiting) await(engine.rooms().join(room,
                    new JoinRequest(Caller.guest("guest:olga"), "Olga", "en", false, false, true, Optional.of("s3cret-pass"), "10.0.0.1"),
                    first.<RoomUpdate>createTestProbe().ref()));
            assertEquals(Verdict.ACCEPTED, await(engine.rooms().knockerSays(room, "guest:olga", "Hello, may I?")));
            assertEquals(Verdict.ACCEPTED, await(engine.rooms().moderate(room, ana, new ModeratorAction.Admit(olga.knock().orElseThrow()))));
            Entry.Waiting mallory = (Entry.Waiting) await(engine.rooms().join(room,
                    new JoinRequest(Caller.guest("guest:mallory"), "Mallory", "en", false, false, true, Optional.of("s3cret-pass"), "10.0.0.2"),
                    first.<RoomUpdate>createTestProbe().ref()));
            assertEquals(Entry.WaitReason.LOBBY, mallory.reason());
            assertEquals(Verdict.ACCEPTED, await(engine.rooms().moderate(room, new Authority.InRoom(gus.participant()),
                    new ModeratorAction.Kick(host.participant(), true, "handing over"))));

            before = await(engine.rooms().moderatorView(room, new Authority.Service("auditor")));
            historyBefore = await(engine.history().of(room)).orElseThrow();
            assertTrue(before.access().bannedSubjects().contains("oidc:ana"));
            assertTrue(before.access().admittedSubjects().contains("guest:olga"));
            assertEquals(1, before.access().knocks().size(), "Mallory still knocks");
        } finally {
            first.shutdownTestKit();
        }

        ActorTestKit second = ActorTestKit.create("access-second", NodeConfig.onTestCassandra());
        try {
            Engine.Running engine = start(second);

            ConferenceState after = await(engine.rooms().moderatorView(room, new Authority.Service("auditor")));

            assertEquals(before, after);
            assertEquals(historyBefore, await(engine.history().of(room)).orElseThrow());
            assertTrue(after.access().passwordSet());
            assertTrue(after.access().lobbyEnabled());
        } finally {
            second.shutdownTestKit();
        }
    }

    private static JoinRequest request(Caller caller, String name) {
        return new JoinRequest(caller, name, "en", false, false, true, Optional.empty(), "127.0.0.1");
    }

    @Test
    void oneQueryOnTheAuditTagStreamsEveryConferencesEventsInOrder() {
        ActorTestKit kit = ActorTestKit.create("audit", NodeConfig.onTestCassandra());
        try {
            Engine.Running engine = start(kit);
            RoomName first = RoomName.parse("audit-a-" + UUID.randomUUID().toString().substring(0, 8));
            RoomName second = RoomName.parse("audit-b-" + UUID.randomUUID().toString().substring(0, 8));
            TestProbe<RoomUpdate> screen = kit.createTestProbe();
            entered(engine.rooms().join(first, new JoinRequest(Caller.member("oidc:ada"), "Ada", "en", false, false, true, Optional.empty(), "127.0.0.1"), screen.ref()));
            entered(engine.rooms().join(second, new JoinRequest(Caller.member("oidc:bob"), "Bob", "en", false, false, true, Optional.empty(), "127.0.0.1"), screen.ref()));
            CurrentEventsByTagQuery audit = PersistenceQuery.get(kit.system())
                    .getReadJournalFor(CurrentEventsByTagQuery.class, ConferenceHistory.CASSANDRA_QUERY_PLUGIN);
            List<String> expected = List.of(
                    Conference.persistenceIdOf(first).id(), Conference.persistenceIdOf(second).id());

            List<String> conferencesInOrder = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> await(audit.currentEventsByTag(Conference.AUDIT_TAG, NoOffset.getInstance())
                                    .map(EventEnvelope::persistenceId)
                                    .filter(expected::contains)
                                    .runWith(Sink.seq(), kit.system()))
                                    .stream().distinct().toList(),
                            expected::equals);

            assertEquals(expected, conferencesInOrder);
        } finally {
            kit.shutdownTestKit();
        }
    }

    @Test
    void aRoomWhereNothingHappenedHasNoConferenceAndNoHistory() {
        ActorTestKit kit = ActorTestKit.create("empty", NodeConfig.onTestCassandra());
        try {
            Engine.Running engine = start(kit);
            RoomName room = RoomName.parse("nobody-" + UUID.randomUUID().toString().substring(0, 8));

            assertEquals(Optional.empty(), await(engine.rooms().conference(room)));
            assertFalse(await(engine.history().of(room)).isPresent());
        } finally {
            kit.shutdownTestKit();
        }
    }

    private static Engine.Running start(ActorTestKit kit) {
        return Engine.start(kit.system(), EngineSettings.fromConfig(kit.system().settings().config()), Clock.systemUTC());
    }

    private static JoinedSession entered(java.util.concurrent.CompletionStage<Entry> entry) {
        return ((Entry.Entered) await(entry)).session();
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join();
    }
}
