package org.parley.http.collaboration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.parley.http.SignalClient;
import org.parley.http.TestServer;

/**
 * A small class over real signalling: chat that late joiners and reloads still see, private
 * messages, raised hands in one order for everyone, reactions, and a moderator ending the meeting.
 */
class ClassroomIT {

    private final TestServer server = TestServer.onTestCassandra();
    private final String room = "class-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void chatReachesEveryoneAndIsStillThereAfterAReloadWhilePrivateMessagesStayPrivate() {
        String gusCookie = server.guestCookie();
        try (SignalClient teacher = server.connectAsMember("tess");
                SignalClient gus = server.connectWithCookie(gusCookie);
                SignalClient olga = server.connectAsGuest()) {
            String tessId = joined(teacher, "Tess").path("participantId").asText();
            joined(gus, "Gus");
            joined(olga, "Olga");

            gus.send("{\"requestId\":\"c1\",\"sendChat\":{\"text\":\"Where are the slides?\"}}");
            for (SignalClient everyone : List.of(teacher, gus, olga)) {
                JsonNode message = everyone.awaitMessage("chatMessage");
                assertEquals("Where are the slides?", message.path("text").asText());
                assertEquals("Gus", message.path("fromDisplayName").asText());
            }
            gus.send("{\"requestId\":\"c2\",\"sendChat\":{\"text\":\"I must leave early\",\"toParticipantId\":\"" + tessId + "\"}}");
            assertEquals("I must leave early", teacher.awaitMessage("chatMessage").path("text").asText());
            assertEquals(tessId, gus.awaitMessage("chatMessage").path("toParticipantId").asText());
            olga.send("{\"requestId\":\"p\",\"ping\":{}}");
            olga.await(m -> m.has("pong"), "a pong");
            assertFalse(olga.seenAny(m -> m.path("chatMessage").path("text").asText().contains("leave early")),
                    "a private message reached a third person");
        }
        try (SignalClient reloaded = server.connectWithCookie(gusCookie); SignalClient teacher = server.connectAsMember("tess")) {
            joined(teacher, "Tess");
            JsonNode history = joined(reloaded, "Gus").path("chat");
            List<String> texts = StreamSupport.stream(history.spliterator(), false).map(m -> m.path("text").asText()).toList();
            assertTrue(texts.contains("Where are the slides?"), history::toString);
            assertFalse(texts.contains("I must leave early"), "a new participant must not read someone else's private messages");
        }
    }

    @Test
    void raisedHandsFormOneQueueInTheSameOrderForEveryoneAndTheTeacherLowersThem() {
        try (SignalClient teacher = server.connectAsMember("tess");
                SignalClient gus = server.connectAsGuest();
                SignalClient olga = server.connectAsGuest()) {
            joined(teacher, "Tess");
            String gusId = joined(gus, "Gus").path("participantId").asText();
            String olgaId = joined(olga, "Olga").path("participantId").asText();

            olga.send("{\"requestId\":\"h1\",\"raiseHand\":{\"raised\":true}}");
            await(olga, "h1");
            gus.send("{\"requestId\":\"h2\",\"raiseHand\":{\"raised\":true}}");
            await(gus, "h2");

            for (SignalClient everyone : List.of(teacher, gus, olga)) {
                JsonNode queue = everyone.awaitIncludingSeen(m -> m.path("handsChanged").path("participantIds").size() == 2,
                        "two hands");
                assertEquals(List.of(olgaId, gusId), ids(queue.path("handsChanged").path("participantIds")));
            }
            gus.send("{\"requestId\":\"x\",\"lowerAllHands\":{}}");
            assertEquals("FORBIDDEN", await(gus, "x").path("error").path("code").asText());
            teacher.send("{\"requestId\":\"all\",\"lowerAllHands\":{}}");
            assertTrue(await(teacher, "all").has("ack"));
            gus.await(m -> m.has("handsChanged") && m.path("handsChanged").path("participantIds").isEmpty(), "no hands");

            gus.send("{\"requestId\":\"r\",\"react\":{\"reaction\":\"REACTION_CLAP\"}}");
            JsonNode reacted = olga.awaitMessage("reacted");
            assertEquals("REACTION_CLAP", reacted.path("reaction").asText());
            assertEquals(gusId, reacted.path("participantId").asText());
        }
    }

    @Test
    void aModeratorMutesSomeoneWhoMustThenAskBeforeUnmutingWhenTheRoomSaysSo() {
        try (SignalClient teacher = server.connectAsMember("tess"); SignalClient gus = server.connectAsGuest()) {
            joined(teacher, "Tess");
            String gusId = joined(gus, "Gus").path("participantId").asText();

            teacher.send("{\"requestId\":\"policy\",\"setMediaPolicy\":{\"policy\":{\"askToUnmuteAudio\":true}}}");
            assertTrue(await(teacher, "policy").has("ack"));
            assertTrue(gus.awaitMessage("mediaPolicyChanged").path("policy").path("askToUnmuteAudio").asBoolean());

            teacher.send("{\"requestId\":\"mute\",\"muteParticipant\":{\"participantId\":\"" + gusId + "\",\"kind\":\"MUTE_KIND_AUDIO\"}}");
            assertTrue(await(teacher, "mute").has("ack"));
            assertEquals(List.of(gusId), ids(gus.awaitMessage("mutedByModerator").path("participantIds")));
            gus.await(m -> gusId.equals(m.path("participantUpdated").path("participantId").asText())
                    && m.path("participantUpdated").path("audioMuted").asBoolean(), "Gus's own mute recorded");

            gus.send("{\"requestId\":\"unmute\",\"setMedia\":{\"audioMuted\":false}}");
            assertEquals("FORBIDDEN", await(gus, "unmute").path("error").path("code").asText());
            gus.send("{\"requestId\":\"ask\",\"askToUnmute\":{\"kind\":\"MUTE_KIND_AUDIO\"}}");
            assertTrue(await(gus, "ask").has("ack"));
            assertEquals(gusId, teacher.awaitMessage("unmuteAsked").path("participantId").asText());

            teacher.send("{\"requestId\":\"allow\",\"allowUnmute\":{\"participantId\":\"" + gusId + "\",\"kind\":\"MUTE_KIND_AUDIO\"}}");
            assertTrue(await(teacher, "allow").has("ack"));
            gus.send("{\"requestId\":\"unmute2\",\"setMedia\":{\"audioMuted\":false}}");
            assertTrue(await(gus, "unmute2").has("ack"));
        }
    }

    @Test
    void aPollIsAskedEveryoneVotesOnceAndSeesTheSameResultsAndALateJoinerSeesItToo() {
        try (SignalClient teacher = server.connectAsMember("tess");
                SignalClient gus = server.connectAsGuest();
                SignalClient olga = server.connectAsGuest()) {
            joined(teacher, "Tess");
            joined(gus, "Gus");
            joined(olga, "Olga");

            gus.send("{\"requestId\":\"bad\",\"createPoll\":{\"question\":\"Only one?\",\"choices\":[\"yes\"]}}");
            assertEquals("BAD_REQUEST", await(gus, "bad").path("error").path("code").asText());
            teacher.send("{\"requestId\":\"ask\",\"createPoll\":{\"question\":\"Which slot?\",\"choices\":[\"Monday\",\"Tuesday\"]}}");
            assertTrue(await(teacher, "ask").has("ack"));
            String pollId = gus.awaitIncludingSeen(m -> m.has("pollUpdated"), "the new poll")
                    .path("pollUpdated").path("poll").path("pollId").asText();

            gus.send("{\"requestId\":\"v1\",\"votePoll\":{\"pollId\":\"" + pollId + "\",\"choice\":0}}");
            assertTrue(await(gus, "v1").has("ack"));
            olga.send("{\"requestId\":\"v2\",\"votePoll\":{\"pollId\":\"" + pollId + "\",\"choice\":1}}");
            assertTrue(await(olga, "v2").has("ack"));
            gus.send("{\"requestId\":\"v3\",\"votePoll\":{\"pollId\":\"" + pollId + "\",\"choice\":1}}");
            assertTrue(await(gus, "v3").has("ack"));

            for (SignalClient everyone : List.of(teacher, gus, olga)) {
                JsonNode poll = everyone.awaitIncludingSeen(m -> m.path("pollUpdated").path("poll").path("counts").toString()
                        .equals("[0,2]"), "the same results: both on Tuesday").path("pollUpdated").path("poll");
                assertEquals("Which slot?", poll.path("question").asText());
            }
            olga.send("{\"requestId\":\"close\",\"closePoll\":{\"pollId\":\"" + pollId + "\"}}");
            assertEquals("FORBIDDEN", await(olga, "close").path("error").path("code").asText());
            teacher.send("{\"requestId\":\"close2\",\"closePoll\":{\"pollId\":\"" + pollId + "\"}}");
            assertTrue(await(teacher, "close2").has("ack"));
            gus.send("{\"requestId\":\"late\",\"votePoll\":{\"pollId\":\"" + pollId + "\",\"choice\":0}}");
            assertEquals("REFUSED", await(gus, "late").path("error").path("code").asText());

            try (SignalClient late = server.connectAsGuest()) {
                JsonNode polls = joined(late, "Lena").path("polls");
                assertEquals(1, polls.size(), polls::toString);
                assertTrue(polls.get(0).path("closed").asBoolean());
                assertEquals("[0,2]", polls.get(0).path("counts").toString());
                assertEquals(-1, polls.get(0).path("myChoice").asInt());
            }
        }
    }

    @Test
    void aModeratorEndsTheMeetingForEveryoneOverSignallingOrTheApi() {
        try (SignalClient teacher = server.connectAsMember("tess"); SignalClient gus = server.connectAsGuest()) {
            joined(teacher, "Tess");
            joined(gus, "Gus");
            gus.send("{\"requestId\":\"no\",\"endConference\":{}}");
            assertEquals("FORBIDDEN", await(gus, "no").path("error").path("code").asText());

            HttpResponse<String> ended = server.request("POST", "/api/v1/conferences/" + room + "/end",
                    server.memberToken("tess"), "");
            assertEquals(204, ended.statusCode(), ended::body);

            assertEquals("ENDED_BY_MODERATOR", gus.awaitMessage("conferenceEnded").path("reason").asText());
            assertEquals("ENDED_BY_MODERATOR", teacher.awaitMessage("conferenceEnded").path("reason").asText());
            gus.send("{\"requestId\":\"after\",\"raiseHand\":{\"raised\":true}}");
            assertEquals("NOT_JOINED", await(gus, "after").path("error").path("code").asText());
        }
        String view = server.get("/api/v1/conferences/" + room).body();
        assertTrue(view.contains("\"phase\":\"ENDED\""), view);
    }

    private JsonNode joined(SignalClient client, String name) {
        String requestId = "join-" + name + "-" + UUID.randomUUID();
        client.send("{\"requestId\":\"" + requestId + "\",\"join\":{\"room\":\"" + room + "\",\"displayName\":\"" + name
                + "\",\"language\":\"en\",\"acceptedTerms\":true}}");
        JsonNode answer = await(client, requestId);
        assertTrue(answer.has("joined"), () -> "join of " + name + " failed: " + answer);
        return answer.get("joined");
    }

    private static JsonNode await(SignalClient client, String requestId) {
        return client.await(m -> requestId.equals(m.path("requestId").asText()), "the answer to " + requestId);
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
