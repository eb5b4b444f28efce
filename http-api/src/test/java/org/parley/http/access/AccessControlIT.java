package org.parley.http.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.http.SignalClient;
import org.parley.http.TestServer;

/**
 * Who may enter and who may moderate, end to end over real signalling and the REST API, with tokens
 * from a real OpenID provider: members start conferences, guests wait for them; rights follow the
 * identity; passwords, the lobby, kick and ban; guests can do none of a moderator's actions.
 */
class AccessControlIT {

    private final TestServer server = TestServer.onTestCassandra();
    private final String room = "access-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aGuestWhoArrivesBeforeTheHostWaitsAndEntersWhenTheHostStarts() {
        try (SignalClient guest = server.connectAsGuest(); SignalClient host = server.connectAsMember("hana")) {
            JsonNode waiting = sendJoin(guest, "guest-join", "Gus", "");
            assertEquals("WAIT_REASON_HOST", waiting.path("waiting").path("reason").asText(), waiting::toString);

            JsonNode hostJoined = joined(host, "Hana");
            assertEquals("ROLE_MODERATOR", hostJoined.path("role").asText());

            JsonNode guestJoined = guest.await(m -> "guest-join".equals(m.path("requestId").asText()) && m.has("joined"),
                    "the guest let in once the host started");
            assertEquals("ROLE_PARTICIPANT", guestJoined.path("joined").path("role").asText());
        }
    }

    @Test
    void aPromotedGuestWhoReloadsIsStillAModerator() {
        String guestCookie = server.guestCookie();
        try (SignalClient host = server.connectAsMember("hana")) {
            joined(host, "Hana");
            String gusId;
            try (SignalClient guest = server.connectWithCookie(guestCookie)) {
                gusId = joined(guest, "Gus").path("participantId").asText();
                host.send("{\"requestId\":\"promote\",\"grantModerator\":{\"participantId\":\"" + gusId + "\"}}");
                assertTrue(answerTo(host, "promote").has("ack"));
                guest.send("{\"requestId\":\"bye\",\"leave\":{}}");
                answerTo(guest, "bye");
            }
            try (SignalClient reloaded = server.connectWithCookie(guestCookie)) {
                assertEquals("ROLE_MODERATOR", joined(reloaded, "Gus").path("role").asText());
            }
        }
    }

    static Stream<Arguments> moderatorMessages() {
        return Stream.of(
                Arguments.of("admitKnock", "{\"knockId\":\"k-1\"}"),
                Arguments.of("rejectKnock", "{\"knockId\":\"k-1\",\"message\":\"no\"}"),
                Arguments.of("setLobby", "{\"enabled\":true}"),
                Arguments.of("setPassword", "{\"password\":\"hijack\"}"),
                Arguments.of("grantModerator", "{\"participantId\":\"SELF\"}"),
                Arguments.of("kick", "{\"participantId\":\"HOST\",\"ban\":true}"),
                Arguments.of("lobbyChat", "{\"knockId\":\"k-1\",\"text\":\"hi\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moderatorMessages")
    void aGuestCannotUseAnyModeratorActionOverSignallingAndNothingIsRecorded(String type, String body) {
        try (SignalClient host = server.connectAsMember("hana"); SignalClient guest = server.connectAsGuest()) {
            String hostId = joined(host, "Hana").path("participantId").asText();
            String guestId = joined(guest, "Gus").path("participantId").asText();
            int eventsBefore = events().size();

            guest.send("{\"requestId\":\"try\",\"" + type + "\":" + body.replace("SELF", guestId).replace("HOST", hostId) + "}");
            JsonNode answer = answerTo(guest, "try");

            String code = answer.path("error").path("code").asText();
            assertTrue(code.equals("FORBIDDEN"), () -> type + " by a guest answered " + answer);
            assertEquals(eventsBefore, events().size(), "a refused action recorded something");
        }
    }

    static Stream<Arguments> moderationEndpoints() {
        return Stream.of(
                Arguments.of("PUT", "/access", "{\"lobbyEnabled\":true}"),
                Arguments.of("PUT", "/access", "{\"password\":\"hijack\"}"),
                Arguments.of("GET", "/lobby", ""),
                Arguments.of("POST", "/lobby/k-1/admit", ""),
                Arguments.of("POST", "/lobby/k-1/reject", "{\"message\":\"no\"}"),
                Arguments.of("POST", "/lobby/k-1/messages", "{\"text\":\"hi\"}"),
                Arguments.of("POST", "/participants/HOST/moderator", ""),
                Arguments.of("POST", "/participants/HOST/kick", "{\"ban\":true}"),
                Arguments.of("GET", "/events", ""));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("moderationEndpoints")
    void theModerationApiRefusesEveryoneButTheRoomsModerators(String method, String path, String body) {
        try (SignalClient host = server.connectAsMember("hana")) {
            String hostId = joined(host, "Hana").path("participantId").asText();
            String resource = "/api/v1/conferences/" + room + path.replace("HOST", hostId);
            int eventsBefore = events().size();

            HttpResponse<String> anonymous = server.request(method, resource, null, body);
            HttpResponse<String> forged = server.request(method, resource, "not.a.token", body);
            HttpResponse<String> visitor = server.request(method, resource, server.nonMemberToken("visitor"), body);
            HttpResponse<String> otherRoomsService = server.request(method, resource,
                    TestServer.serviceToken("planner", List.of("some-other-room")), body);

            assertEquals(401, anonymous.statusCode(), anonymous::body);
            assertEquals(401, forged.statusCode(), forged::body);
            assertEquals(403, visitor.statusCode(), visitor::body);
            assertEquals(403, otherRoomsService.statusCode(), otherRoomsService::body);
            assertTrue(visitor.body().contains("FORBIDDEN"), visitor::body);
            assertEquals(eventsBefore, events().size(), "a refused call recorded something");
        }
    }

    @Test
    void aRoomsPasswordIsAskedForThrottledAndNeverShown() {
        String password = "Tr0ub4dor&3-" + UUID.randomUUID();
        try (SignalClient host = server.connectAsMember("hana")) {
            joined(host, "Hana");
            host.send("{\"requestId\":\"pw\",\"setPassword\":{\"password\":\"" + password + "\"}}");
            // Everyone hears of the change (the moderator too, before the acknowledgement).
            assertTrue(host.awaitMessage("accessChanged").path("access").path("passwordSet").asBoolean());
            assertTrue(answerTo(host, "pw").has("ack"));

            try (SignalClient guest = server.connectAsGuest()) {
                assertEquals("PASSWORD_REQUIRED", errorCode(sendJoin(guest, "j1", "Gus", "")));
                assertEquals("WRONG_PASSWORD", errorCode(sendJoin(guest, "j2", "Gus", "guess")));
                assertTrue(sendJoin(guest, "j3", "Gus", password).has("joined"));
            }
            try (SignalClient guesser = server.connectAsGuest()) {
                for (int i = 0; i < 5; i++) {
                    assertEquals("WRONG_PASSWORD", errorCode(sendJoin(guesser, "w" + i, "Mallory", "guess-" + i)));
                }
                assertEquals("TOO_MANY_ATTEMPTS", errorCode(sendJoin(guesser, "w-right", "Mallory", password)));
            }
        }
        String history = String.join("\n", events().stream().map(JsonNode::toString).toList());
        assertFalse(history.contains(password), "the event history shows the password");
        assertTrue(history.contains("\"passwordSet\":true"), history);
        String view = server.get("/api/v1/conferences/" + room).body();
        assertFalse(view.contains(password), view);
    }

    @Test
    void theLobbyHoldsNewcomersUntilAModeratorAdmitsOrRejectsThemAndTheyCanChat() {
        try (SignalClient host = server.connectAsMember("hana");
                SignalClient gus = server.connectAsGuest();
                SignalClient olga = server.connectAsGuest()) {
            joined(host, "Hana");
            host.send("{\"requestId\":\"lobby\",\"setLobby\":{\"enabled\":true}}");
            assertTrue(answerTo(host, "lobby").has("ack"));

            JsonNode waiting = sendJoin(gus, "gus-join", "Gus", "");
            assertEquals("WAIT_REASON_LOBBY", waiting.path("waiting").path("reason").asText(), waiting::toString);
            String knock = waiting.path("waiting").path("knockId").asText();
            JsonNode knocked = host.awaitMessage("knockReceived");
            assertEquals("Gus", knocked.path("knock").path("displayName").asText());

            gus.send("{\"requestId\":\"c1\",\"lobbyChat\":{\"text\":\"I present at 10:00\"}}");
            assertEquals("I present at 10:00", host.awaitMessage("lobbyChatMessage").path("text").asText());
            host.send("{\"requestId\":\"c2\",\"lobbyChat\":{\"knockId\":\"" + knock + "\",\"text\":\"Welcome!\"}}");
            JsonNode reply = gus.await(m -> m.has("lobbyChatMessage") && m.path("lobbyChatMessage").path("fromModerator").asBoolean(),
                    "the moderator's reply in the lobby");
            assertEquals("Welcome!", reply.path("lobbyChatMessage").path("text").asText());

            host.send("{\"requestId\":\"admit\",\"admitKnock\":{\"knockId\":\"" + knock + "\"}}");
            JsonNode in = gus.await(m -> "gus-join".equals(m.path("requestId").asText()) && m.has("joined"), "Gus let in");
            assertEquals("ROLE_PARTICIPANT", in.path("joined").path("role").asText());

            String olgaKnock = sendJoin(olga, "olga-join", "Olga", "").path("waiting").path("knockId").asText();
            host.send("{\"requestId\":\"reject\",\"rejectKnock\":{\"knockId\":\"" + olgaKnock + "\",\"message\":\"Registered students only\"}}");
            JsonNode told = olga.await(m -> "olga-join".equals(m.path("requestId").asText()) && m.has("error"), "Olga told");
            assertEquals("REJECTED", told.path("error").path("code").asText());
            assertEquals("Registered students only", told.path("error").path("message").asText());
        }
    }

    @Test
    void aLobbyTurnedOnBeforeTheHostArrivesHoldsEveryoneUntilAdmitted() {
        HttpResponse<String> prepared = server.request("PUT", "/api/v1/conferences/" + room + "/access",
                server.memberToken("hana"), "{\"lobbyEnabled\":true}");
        assertEquals(200, prepared.statusCode(), prepared::body);
        assertTrue(prepared.body().contains("\"lobbyEnabled\":true"), prepared::body);

        try (SignalClient early = server.connectAsGuest(); SignalClient host = server.connectAsMember("hana")) {
            assertEquals("WAIT_REASON_HOST", sendJoin(early, "early", "Eve", "").path("waiting").path("reason").asText());
            JsonNode hostJoined = joined(host, "Hana");
            assertTrue(hostJoined.path("conference").path("access").path("lobbyEnabled").asBoolean());

            JsonNode inLobby = early.await(m -> m.has("waiting") && "WAIT_REASON_LOBBY".equals(m.path("waiting").path("reason").asText()),
                    "Eve moved to the lobby once the host started");
            String knock = inLobby.path("waiting").path("knockId").asText();
            HttpResponse<String> lobby = server.request("GET", "/api/v1/conferences/" + room + "/lobby",
                    server.memberToken("hana"), "");
            assertTrue(lobby.body().contains(knock), lobby::body);

            HttpResponse<String> admitted = server.request("POST", "/api/v1/conferences/" + room + "/lobby/" + knock + "/admit",
                    TestServer.serviceToken("planner", List.of(room)), "");
            assertEquals(204, admitted.statusCode(), admitted::body);
            early.await(m -> "early".equals(m.path("requestId").asText()) && m.has("joined"), "Eve let in");
        }
    }

    @Test
    void aKickedAndBannedGuestIsToldAndCannotComeBack() {
        String guestCookie = server.guestCookie();
        try (SignalClient host = server.connectAsMember("hana"); SignalClient guest = server.connectWithCookie(guestCookie)) {
            joined(host, "Hana");
            String guestId = joined(guest, "Gus").path("participantId").asText();

            host.send("{\"requestId\":\"kick\",\"kick\":{\"participantId\":\"" + guestId + "\",\"ban\":true,\"message\":\"Spam\"}}");
            JsonNode kicked = guest.awaitMessage("kicked");
            assertTrue(kicked.path("banned").asBoolean());
            assertEquals("Spam", kicked.path("message").asText());
            JsonNode left = host.awaitMessage("participantLeft");
            assertEquals("LEAVE_REASON_KICKED", left.path("reason").asText());
            assertTrue(answerTo(host, "kick").has("ack"));
        }
        try (SignalClient again = server.connectWithCookie(guestCookie)) {
            assertEquals("BANNED", errorCode(sendJoin(again, "again", "Gus", "")));
        }
    }

    // ---- helpers ----

    private JsonNode sendJoin(SignalClient client, String requestId, String name, String password) {
        client.send("{\"requestId\":\"" + requestId + "\",\"join\":{\"room\":\"" + room + "\",\"displayName\":\"" + name
                + "\",\"language\":\"en\",\"acceptedTerms\":true,\"password\":\"" + password + "\"}}");
        return answerTo(client, requestId);
    }

    private JsonNode joined(SignalClient client, String name) {
        String requestId = "join-" + name + "-" + UUID.randomUUID();
        JsonNode answer = sendJoin(client, requestId, name, "");
        assertTrue(answer.has("joined"), () -> "join of " + name + " failed: " + answer);
        return answer.get("joined");
    }

    private static JsonNode answerTo(SignalClient client, String requestId) {
        return client.await(m -> requestId.equals(m.path("requestId").asText()), "the answer to " + requestId);
    }

    private static String errorCode(JsonNode answer) {
        return answer.path("error").path("code").asText(answer.toString());
    }

    /** The room's history as a moderator's service sees it. */
    private List<JsonNode> events() {
        HttpResponse<String> response = server.request("GET", "/api/v1/conferences/" + room + "/events",
                TestServer.serviceToken("auditor", List.of("*")), "");
        if (response.statusCode() == 404) {
            return List.of();
        }
        assertEquals(200, response.statusCode(), response::body);
        return response.body().lines().filter(line -> !line.isBlank()).map(TestServer::json).toList();
    }
}
