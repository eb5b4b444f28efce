package org.parley.engine.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.engine.EntityTestConfig;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;
import org.parley.media.transport.MediaSettings;
import org.parley.media.transport.TransportServer;

/**
 * The room's media supervisor with a real transport on a free port but no browser: what it
 * answers, what it refuses, and what happens when a browser never connects (or vanishes).
 */
class MediaRoomTest {

    private static final ActorTestKit testKit = ActorTestKit.create(EntityTestConfig.config());
    private static final TransportServer transports = TransportServer.start(
            MediaSettings.defaults().withUdpPort(0).withTimeouts(Duration.ofSeconds(30), Duration.ofMillis(1500)));

    private final RoomName room = RoomName.parse("media-room-test");
    private final TestProbe<ParticipantId> departed = testKit.createTestProbe();
    private final TestProbe<MediaSignal> signals = testKit.createTestProbe();
    private final ActorRef<MediaRooms.Command> rooms = testKit.spawn(
            MediaRooms.create(MediaRoom.factory(transports, 1_000_000, departed.ref()::tell)));

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
        transports.close();
    }

    @Test
    void aPublishOfferIsAnsweredAsTheDtlsServerWithOurCandidates() {
        ParticipantId ada = ParticipantId.random();

        StatusReply<String> answer = publish(ada, chromeOffer());

        assertTrue(answer.isSuccess(), () -> answer.getError().getMessage());
        String sdp = answer.getValue();
        assertTrue(sdp.contains("a=setup:passive"), sdp);
        assertTrue(sdp.contains("a=candidate:"), sdp);
        assertTrue(sdp.contains("a=fingerprint:sha-256 " + transports.fingerprint()), sdp);
        assertTrue(sdp.contains("a=recvonly"), sdp);
    }

    @Test
    void anUnreadableOfferIsRefusedWithTheReason() {
        StatusReply<String> answer = publish(ParticipantId.random(), "this is not SDP");

        assertTrue(answer.isError());
        assertTrue(answer.getError().getMessage().startsWith("invalid publish offer"), answer.getError().getMessage());
    }

    @Test
    void aSecondPublisherGetsTheFirstOnesTracksOfferedAndTheFirstGetsTheSecondOnes() {
        ParticipantId ada = ParticipantId.random();
        ParticipantId bob = ParticipantId.random();
        TestProbe<MediaSignal> bobSignals = testKit.createTestProbe();
        publish(ada, chromeOffer());

        TestProbe<StatusReply<String>> reply = testKit.createTestProbe();
        rooms.tell(new MediaRooms.Publish(room, bob, chromeOffer(), tracks(), bobSignals.ref(), reply.ref()));
        reply.receiveMessage();

        MediaSignal.SubscribeOffer toBob = (MediaSignal.SubscribeOffer) bobSignals.receiveMessage();
        MediaSignal.SubscribeOffer toAda = (MediaSignal.SubscribeOffer) signals.receiveMessage();
        assertEquals(List.of(ada, ada), toBob.tracks().stream().map(ForwardedTrack::from).toList());
        assertEquals(List.of(bob, bob), toAda.tracks().stream().map(ForwardedTrack::from).toList());
        assertTrue(toBob.sdp().contains("a=sendonly"));
        assertTrue(toBob.sdp().contains("a=ice-lite"));
    }

    @Test
    void aBrowserThatNeverConnectsOrVanishesMakesItsParticipantLeave() {
        ParticipantId ghost = ParticipantId.random();

        publish(ghost, chromeOffer());

        assertEquals(ghost, departed.receiveMessage(Duration.ofSeconds(10)));
    }

    private StatusReply<String> publish(ParticipantId who, String offer) {
        TestProbe<StatusReply<String>> reply = testKit.createTestProbe();
        rooms.tell(new MediaRooms.Publish(room, who, offer, tracks(), signals.ref(), reply.ref()));
        return reply.receiveMessage(Duration.ofSeconds(10));
    }

    private static List<PublishedTrack> tracks() {
        return List.of(new PublishedTrack("0", MediaSource.MICROPHONE), new PublishedTrack("1", MediaSource.CAMERA));
    }

    private static String chromeOffer() {
        try (InputStream in = MediaRoomTest.class.getResourceAsStream("/sdp/chrome-sendonly-publish-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
