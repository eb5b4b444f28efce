package org.parley.http.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.parley.http.SignalClient;
import org.parley.http.TestServer;

/** Browsers' signalling against the real engine on real Cassandra, over real WebSockets. */
class SignallingIT {

    private final TestServer server = TestServer.onTestCassandra();
    private final String room = "Room-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void twoPeopleInOneRoomSeeEachOther() {
        try (SignalClient ada = server.connectAsMember("ada"); SignalClient bob = server.connect()) {
            JsonNode adaJoined = join(ada, "Ada");
            JsonNode bobJoined = join(bob, "Bob");

            assertEquals("ROLE_MODERATOR", adaJoined.get("role").asText());
            assertEquals("ROLE_PARTICIPANT", bobJoined.get("role").asText());
            assertEquals(List.of("Ada", "Bob"), names(bobJoined.get("conference").get("roster")));
            JsonNode announced = ada.awaitMessage("participantJoined").get("participant");
            assertEquals("Bob", announced.get("displayName").asText());
            assertEquals(bobJoined.get("participantId").asText(), announced.get("id").asText());
        }
    }

    @Test
    void whenOnePersonLeavesTheOtherIsTold() {
        try (SignalClient ada = server.connectAsMember("ada"); SignalClient bob = server.connect()) {
            join(ada, "Ada");
            String bobId = join(bob, "Bob").get("participantId").asText();

            bob.send("{\"requestId\":\"bye\",\"leave\":{}}");

            assertEquals("bye", bob.await(m -> m.has("ack"), "the leave ack").get("requestId").asText());
            JsonNode left = ada.awaitMessage("participantLeft");
            assertEquals(bobId, left.get("participantId").asText());
            assertEquals("LEAVE_REASON_LEFT", left.get("reason").asText());
        }
    }

    @Test
    void aRenameReachesTheOthers() {
        try (SignalClient ada = server.connectAsMember("ada"); SignalClient bob = server.connect()) {
            join(ada, "Ada");
            join(bob, "Bob");

            bob.send("{\"requestId\":\"r\",\"updateProfile\":{\"displayName\":\"Robert\"}}");

            bob.await(m -> m.has("ack") && m.get("requestId").asText().equals("r"), "the rename ack");
            ada.await(m -> m.has("participantUpdated")
                    && m.get("participantUpdated").get("displayName").asText().equals("Robert"), "Robert's new name");
        }
    }

    @Test
    void malformedJsonGetsAClearErrorAndTheConnectionAndConferenceCarryOn() {
        try (SignalClient ada = server.connectAsMember("ada"); SignalClient bob = server.connect()) {
            join(ada, "Ada");

            ada.send("{\"join\": {oops");
            JsonNode error = ada.awaitMessage("error");

            assertEquals("BAD_REQUEST", error.get("code").asText());
            assertTrue(error.get("message").asText().contains("malformed JSON"), error.toString());
            assertPongs(ada);
            join(bob, "Bob");
            assertEquals("Bob", ada.awaitMessage("participantJoined").get("participant").get("displayName").asText());
        }
    }

    @Test
    void anUnknownMessageTypeIsNamedInTheError() {
        try (SignalClient ada = server.connectAsMember("ada")) {
            ada.send("{\"requestId\":\"7\",\"dance\":{}}");

            JsonNode error = ada.await(m -> m.has("error"), "an error");

            assertEquals("7", error.get("requestId").asText());
            assertEquals("UNKNOWN_MESSAGE", error.get("error").get("code").asText());
            assertTrue(error.get("error").get("message").asText().contains("dance"));
            assertPongs(ada);
        }
    }

    @Test
    void anOversizedFrameIsRefusedAndTheConnectionStaysUsable() {
        try (SignalClient ada = server.connectAsMember("ada")) {
            String huge = "{\"requestId\":\"big\",\"join\":{\"room\":\"" + room + "\",\"displayName\":\""
                    + "x".repeat(100_000) + "\"}}";

            ada.sendInParts(huge, 7);

            assertEquals("TOO_LARGE", ada.awaitMessage("error").get("code").asText());
            assertPongs(ada);
            join(ada, "Ada");
        }
    }

    @Test
    void joiningWithoutANameIsRefusedAndAJoinWithOneThenWorks() {
        try (SignalClient ada = server.connectAsMember("ada")) {
            ada.send("{\"requestId\":\"1\",\"join\":{\"room\":\"" + room + "\"}}");

            JsonNode error = ada.awaitMessage("error");

            assertEquals("BAD_REQUEST", error.get("code").asText());
            assertTrue(error.get("message").asText().contains("display name"));
            join(ada, "Ada");
        }
    }

    @Test
    void aJoinWithoutAcceptingTheTermsOfUseIsRefusedAndNothingIsRecorded() {
        try (SignalClient ada = server.connectAsMember("ada")) {
            ada.send("{\"requestId\":\"1\",\"join\":{\"room\":\"" + room + "\",\"displayName\":\"Ada\"}}");

            JsonNode error = ada.awaitMessage("error");

            assertEquals("TERMS_NOT_ACCEPTED", error.get("code").asText());
            assertTrue(error.get("message").asText().contains("terms of use"));
            assertEquals(404, server.get("/api/v1/conferences/" + room).statusCode());
            join(ada, "Ada");
        }
    }

    @Test
    void fieldsOfTheWrongTypeAndBinaryFramesAreRefused() {
        try (SignalClient ada = server.connectAsMember("ada")) {
            ada.send("{\"requestId\":\"1\",\"join\":{\"room\":\"" + room + "\",\"displayName\":\"Ada\",\"audioMuted\":\"loud\"}}");
            assertEquals("BAD_REQUEST", ada.awaitMessage("error").get("code").asText());

            ada.sendBinary(new byte[] {1, 2, 3});
            assertEquals("BAD_REQUEST", ada.awaitMessage("error").get("code").asText());

            ada.send("{\"requestId\":\"2\",\"join\":{\"room\":\"no spaces allowed!\",\"displayName\":\"Ada\"}}");
            assertTrue(ada.awaitMessage("error").get("message").asText().contains("room name"));
            assertPongs(ada);
        }
    }

    @Test
    void actionsBeforeJoiningAndASecondJoinAreRefused() {
        try (SignalClient ada = server.connectAsMember("ada")) {
            ada.send("{\"requestId\":\"1\",\"setMedia\":{\"audioMuted\":true}}");
            assertEquals("NOT_JOINED", ada.awaitMessage("error").get("code").asText());

            join(ada, "Ada");
            ada.send("{\"requestId\":\"2\",\"join\":{\"room\":\"" + room + "\",\"displayName\":\"Ada again\"}}");
            assertEquals("ALREADY_JOINED", ada.awaitMessage("error").get("code").asText());
        }
    }

    @Test
    void aDroppedConnectionKeepsItsPlaceAndResumesWithinTheGracePeriod() {
        try (SignalClient ada = server.connectAsMember("ada")) {
            join(ada, "Ada");
            SignalClient bob = server.connect();
            JsonNode bobJoined = join(bob, "Bob");
            String bobId = bobJoined.get("participantId").asText();
            String secret = bobJoined.get("resumeToken").asText();

            bob.abort();
            try (SignalClient bobAgain = server.connect()) {
                bobAgain.send("{\"requestId\":\"back\",\"resume\":{\"room\":\"" + room + "\",\"participantId\":\""
                        + bobId + "\",\"resumeToken\":\"" + secret + "\"}}");
                JsonNode resumed = bobAgain.awaitMessage("joined");

                assertEquals(bobId, resumed.get("participantId").asText());
                assertEquals(List.of("Ada", "Bob"), names(resumed.get("conference").get("roster")));
                // Longer than the grace period later, Bob is still in: the new connection renews his place.
                assertPongsFor(bobAgain, 4_000);
                String conference = server.get("/api/v1/conferences/" + room).body();
                assertTrue(conference.contains(bobId), conference);
            }
        }
    }

    @Test
    void aConnectionThatNeverComesBackLeavesAfterTheGracePeriod() {
        try (SignalClient ada = server.connectAsMember("ada")) {
            join(ada, "Ada");
            SignalClient bob = server.connect();
            String bobId = join(bob, "Bob").get("participantId").asText();

            bob.abort();

            JsonNode left = ada.awaitMessage("participantLeft");
            assertEquals(bobId, left.get("participantId").asText());
            assertEquals("LEAVE_REASON_CONNECTION_LOST", left.get("reason").asText());
        }
    }

    @Test
    void resumingWithAWrongSecretFailsSoTheBrowserJoinsAfresh() {
        try (SignalClient ada = server.connectAsMember("ada"); SignalClient mallory = server.connect()) {
            String adaId = join(ada, "Ada").get("participantId").asText();

            mallory.send("{\"requestId\":\"1\",\"resume\":{\"room\":\"" + room + "\",\"participantId\":\"" + adaId
                    + "\",\"resumeToken\":\"guessed\"}}");

            assertEquals("RESUME_FAILED", mallory.awaitMessage("error").get("code").asText());
        }
    }

    @Test
    void theSocketSpeaksTheVersionedSubprotocolOnly() {
        try (SignalClient ada = server.connectAsMember("ada")) {
            assertEquals("parley.signal.v1", ada.subprotocol());
        }
        assertThrows(CompletionException.class, () -> HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/api/v1/signal"),
                        new java.net.http.WebSocket.Listener() {})
                .join());
    }

    private JsonNode join(SignalClient client, String name) {
        String requestId = "join-" + name;
        client.send("{\"requestId\":\"" + requestId + "\",\"join\":{\"room\":\"" + room + "\",\"displayName\":\""
                + name + "\",\"language\":\"en\",\"acceptedTerms\":true}}");
        JsonNode answer = client.await(m -> requestId.equals(m.path("requestId").asText()), "the answer to " + requestId);
        assertTrue(answer.has("joined"), () -> "join of " + name + " failed: " + answer);
        return answer.get("joined");
    }

    private static void assertPongs(SignalClient client) {
        String id = "ping-" + UUID.randomUUID();
        client.send("{\"requestId\":\"" + id + "\",\"ping\":{}}");
        client.await(m -> m.has("pong") && id.equals(m.get("requestId").asText()), "a pong to " + id);
    }

    /** Keeps the connection busy for a while (time has to pass to outlive a grace period). */
    private static void assertPongsFor(SignalClient client, long millis) {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            assertPongs(client);
        }
    }

    private static List<String> names(JsonNode roster) {
        return StreamSupport.stream(roster.spliterator(), false).map(p -> p.get("displayName").asText()).toList();
    }
}
