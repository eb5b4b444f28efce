package org.parley.http.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.parley.http.SignalClient;
import org.parley.http.TestServer;

/** The REST API and health endpoints, against the real engine on real Cassandra. */
class RestApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestServer server = TestServer.onTestCassandra();
    private final String room = "rest-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aRunningConferenceShowsItsRosterInJoinOrder() throws Exception {
        try (SignalClient ada = join("Ada"); SignalClient bob = join("Bob")) {
            HttpResponse<String> response = server.get("/api/v1/conferences/" + room.toUpperCase());

            assertEquals(200, response.statusCode());
            assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
            JsonNode conference = JSON.readTree(response.body());
            assertEquals(room, conference.get("room").asText());
            assertEquals("RUNNING", conference.get("phase").asText());
            assertEquals("Ada", conference.get("participants").get(0).get("displayName").asText());
            assertEquals("MODERATOR", conference.get("participants").get(0).get("role").asText());
            assertEquals("Bob", conference.get("participants").get(1).get("displayName").asText());
        }
    }

    @Test
    void theEventHistoryIsOrderedNdjsonWithoutSecrets() throws Exception {
        String secret;
        try (SignalClient ada = join("Ada")) {
            secret = ada.awaitMessage("joined").get("resumeToken").asText();
            ada.send("{\"requestId\":\"m\",\"setMedia\":{\"audioMuted\":true}}");
            ada.await(m -> m.has("ack"), "the mute ack");
            ada.send("{\"requestId\":\"l\",\"leave\":{}}");
            ada.await(m -> m.has("ack") && m.get("requestId").asText().equals("l"), "the leave ack");
        }

        // The conference records the departure a moment after the participant does.
        HttpResponse<String> response = Awaitility.await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> server.request("GET", "/api/v1/conferences/" + room + "/events",
                                TestServer.serviceToken("auditor", List.of(room)), ""),
                        r -> r.body().contains("ConferenceEnded"));

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("application/x-ndjson"));
        List<JsonNode> lines = Arrays.stream(response.body().split("\n")).map(RestApiIT::parse).toList();
        assertEquals(List.of("ConferenceStarted", "ParticipantJoined", "Registered", "AudioMuteChanged", "Departed",
                        "ParticipantLeft", "ConferenceEnded"),
                lines.stream().map(l -> l.get("type").asText()).toList());
        assertEquals("Ada", lines.get(1).get("data").get("displayName").asText());
        assertFalse(response.body().contains(secret), "the reconnect secret must never leave the server");
        assertFalse(response.body().toLowerCase().contains("token"), response.body());
        for (int i = 1; i < lines.size(); i++) {
            assertTrue(lines.get(i - 1).get("at").asText().compareTo(lines.get(i).get("at").asText()) <= 0);
        }
    }

    @Test
    void aRoomWhereNothingHappenedIsNotFoundWithAJsonError() throws Exception {
        for (String path : List.of("/api/v1/conferences/" + room, "/api/v1/conferences/" + room + "/events")) {
            HttpResponse<String> response = server.request("GET", path, TestServer.serviceToken("auditor", List.of("*")), "");

            assertEquals(404, response.statusCode(), path);
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertEquals("NOT_FOUND", error.get("code").asText());
            assertTrue(error.get("message").asText().contains(room));
        }
    }

    @Test
    void theOpenApiDocumentDescribesEveryModerationEndpoint() {
        HttpResponse<String> response = server.get("/api/v1/openapi.yaml");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("openapi: 3"));
        for (String path : List.of("/events:", "/access:", "/lobby:", "/lobby/{knockId}/admit:", "/lobby/{knockId}/reject:",
                "/lobby/{knockId}/messages:", "/participants/{participantId}/moderator:", "/participants/{participantId}/kick:")) {
            assertTrue(response.body().contains("/api/v1/conferences/{room}" + path), path);
        }
    }

    @Test
    void anInvalidRoomNameIsABadRequest() throws Exception {
        HttpResponse<String> response = server.get("/api/v1/conferences/bad%20room!");

        assertEquals(400, response.statusCode());
        assertEquals("BAD_REQUEST", JSON.readTree(response.body()).get("error").get("code").asText());
    }

    @Test
    void unknownApiPathsAndMethodsGetJsonErrors() throws Exception {
        HttpResponse<String> unknown = server.get("/api/v1/nothing/here/at/all");

        assertEquals(404, unknown.statusCode());
        assertEquals("NOT_FOUND", JSON.readTree(unknown.body()).get("error").get("code").asText());
    }

    @Test
    void theServiceIsLiveAndReadyWhenCassandraAnswers() throws Exception {
        assertEquals(200, server.get("/health/live").statusCode());
        HttpResponse<String> ready = awaitReady();
        assertEquals("READY", JSON.readTree(ready.body()).get("status").asText());
    }

    @Test
    void theBrowserClientIsServedForTheHomePageAndForAnyRoom() {
        for (String path : List.of("/", "/SomeRoom")) {
            HttpResponse<String> page = server.get(path);

            assertEquals(200, page.statusCode(), path);
            assertTrue(page.headers().firstValue("content-type").orElseThrow().startsWith("text/html"), path);
            assertTrue(page.body().contains("<script"), path);
        }
    }

    private HttpResponse<String> awaitReady() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> server.get("/health/ready"), response -> response.statusCode() == 200);
    }

    private SignalClient join(String name) {
        // Ada is a member (she can start the conference); the others are guests.
        SignalClient client = name.equals("Ada") ? server.connectAsMember("ada") : server.connect();
        client.send("{\"requestId\":\"j\",\"join\":{\"room\":\"" + room + "\",\"displayName\":\"" + name + "\",\"acceptedTerms\":true}}");
        JsonNode joined = client.await(m -> m.has("joined") || m.has("error"), "the join answer");
        assertTrue(joined.has("joined"), joined.toString());
        // Put the answer back for tests that read it: the client keeps what it saw.
        client.pushBack(joined);
        return client;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
