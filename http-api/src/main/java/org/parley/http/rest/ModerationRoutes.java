package org.parley.http.rest;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.delete;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.onComplete;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;
import static org.apache.pekko.http.javadsl.server.Directives.put;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.parley.engine.history.ConferenceHistory;
import org.parley.engine.history.HistoryEntry;
import org.parley.engine.rooms.StoreMonitor;
import org.parley.engine.rooms.StoreUnavailable;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.parley.engine.conference.Authority;
import org.parley.engine.conference.Caller;
import org.parley.engine.conference.ChatMessageId;
import org.parley.engine.conference.ConferenceState;
import org.parley.engine.conference.Denied;
import org.parley.engine.conference.Knock;
import org.parley.engine.conference.KnockId;
import org.parley.engine.conference.ModeratorAction;
import org.parley.engine.conference.MuteKind;
import org.parley.engine.conference.ParticipantId;
import org.parley.engine.conference.RoomName;
import org.parley.engine.conference.Verdict;
import org.parley.engine.rooms.Rooms;
import org.parley.http.auth.ApiCaller;
import org.parley.http.auth.Authenticator;

/**
 * The moderation API: the same actions a moderator has in the browser, for tools and services, with
 * the same rules and the same events. Every call carries a bearer token (the identity provider's
 * access token, or a signed service token); only that room's moderators may act: anyone else gets
 * 403 and nothing is recorded. Documented in {@code /api/v1/openapi.yaml}.
 */
public final class ModerationRoutes {

    private final Rooms rooms;
    private final ConferenceHistory history;
    private final StoreMonitor store;
    private final Authenticator authenticator;

    public ModerationRoutes(Rooms rooms, ConferenceHistory history, StoreMonitor store, Authenticator authenticator) {
        this.rooms = rooms;
        this.history = history;
        this.store = store;
        this.authenticator = authenticator;
    }

    public Route route() {
        return pathPrefix(segment("api").slash("v1").slash("conferences").slash(segment()), rawRoom -> concat(
                path("events", () -> get(() -> asModerator(rawRoom, this::events))),
                path("access", () -> put(() -> asModerator(rawRoom, this::setAccess))),
                path("lobby", () -> get(() -> asModerator(rawRoom, this::lobby))),
                path(segment("lobby").slash(segment()).slash("admit"), knock -> post(() -> asModerator(rawRoom,
                        (room, by) -> withKnock(knock, id -> act(room, by, new ModeratorAction.Admit(id)))))),
                path(segment("lobby").slash(segment()).slash("reject"), knock -> post(() -> asModerator(rawRoom,
                        (room, by) -> withKnock(knock, id -> withBody(body -> act(room, by,
                                new ModeratorAction.Reject(id, text(body, "message")))))))),
                path(segment("lobby").slash(segment()).slash("messages"), knock -> post(() -> asModerator(rawRoom,
                        (room, by) -> withKnock(knock, id -> withBody(body -> act(room, by,
                                new ModeratorAction.LobbyReply(id, text(body, "text")))))))),
                path(segment("participants").slash(segment()).slash("moderator"), participant -> post(() ->
                        asModerator(rawRoom, (room, by) -> withParticipant(participant,
                                id -> act(room, by, new ModeratorAction.Promote(id)))))),
                path(segment("participants").slash(segment()).slash("lower-hand"), participant -> post(() ->
                        asModerator(rawRoom, (room, by) -> withParticipant(participant,
                                id -> act(room, by, new ModeratorAction.LowerHand(id)))))),
                path(segment("participants").slash(segment()).slash("mute"), participant -> post(() ->
                        asModerator(rawRoom, (room, by) -> withParticipant(participant, id -> withBody(body ->
                                withKind(body, kind -> verdict(rooms.mute(room, by, Optional.of(id), kind)))))))),
                path("mute-all", () -> post(() -> asModerator(rawRoom, (room, by) -> withBody(body ->
                        withKind(body, kind -> verdict(rooms.mute(room, by, Optional.empty(), kind))))))),
                path(segment("hands").slash("lower-all"), () -> post(() ->
                        asModerator(rawRoom, (room, by) -> act(room, by, new ModeratorAction.LowerAllHands())))),
                path("end", () -> post(() ->
                        asModerator(rawRoom, (room, by) -> act(room, by, new ModeratorAction.EndConference())))),
                path(segment("chat").slash(segment()), message -> delete(() -> asModerator(rawRoom, (room, by) -> {
                    try {
                        return act(room, by, new ModeratorAction.DeleteChat(new ChatMessageId(message)));
                    } catch (IllegalArgumentException e) {
                        return complete(ApiErrors.badRequest(e.getMessage()));
                    }
                }))),
                path(segment("participants").slash(segment()).slash("kick"), participant -> post(() ->
                        asModerator(rawRoom, (room, by) -> withParticipant(participant, id -> withBody(body -> act(room, by,
                                new ModeratorAction.Kick(id, body.path("ban").asBoolean(false), text(body, "message"))))))))));
    }

    /** {"lobbyEnabled": bool, "password": "…"} — each optional; an empty password removes it. Also prepares a room ahead. */
    private Route setAccess(RoomName room, Authority by) {
        return withBody(body -> {
            CompletionStage<Verdict> done = CompletableFuture.completedFuture(Verdict.ACCEPTED);
            if (body.has("lobbyEnabled")) {
                if (!body.get("lobbyEnabled").isBoolean()) {
                    return complete(ApiErrors.badRequest("lobbyEnabled is true or false"));
                }
                boolean enabled = body.get("lobbyEnabled").asBoolean();
                done = done.thenCompose(v -> rooms.moderate(room, by, new ModeratorAction.SetLobby(enabled)));
            }
            if (body.has("password")) {
                if (!body.get("password").isTextual()) {
                    return complete(ApiErrors.badRequest("password is a string; \"\" removes it"));
                }
                String password = body.get("password").asText();
                done = done.thenCompose(v -> v instanceof Denied ? CompletableFuture.completedFuture(v)
                        : rooms.setPassword(room, by, password));
            }
            CompletionStage<Object> answer = done.thenCompose(verdict -> verdict instanceof Denied denied
                    ? CompletableFuture.completedFuture((Object) denied)
                    : rooms.moderatorView(room, by).thenApply(state -> (Object) accessOf(state)));
            return onComplete(answer, result -> complete(result.fold(ApiErrors::fromFailure, value ->
                    value instanceof Denied denied ? ApiErrors.denied(denied) : json(value))));
        });
    }

    /** The room's whole history, oldest first, as NDJSON: the moderation record, for its moderators. */
    private Route events(RoomName room, Authority by) {
        CompletionStage<Optional<List<HistoryEntry>>> entries = store.isKnownDown()
                ? CompletableFuture.failedFuture(new StoreUnavailable("the event store is unreachable; try again shortly"))
                : rooms.moderatorView(room, by).thenCompose(state -> history.of(room));
        return onComplete(entries, result -> complete(result.fold(
                ApiErrors::fromFailure,
                found -> found.map(list -> HttpResponse.create().withEntity(HttpEntities.create(ConferenceRoutes.NDJSON,
                                Source.from(list).map(entry -> ByteString.fromString(
                                        Json.write(EventJson.of(entry)) + "\n")))))
                        .orElseGet(() -> ConferenceRoutes.neverHeld(room)))));
    }

    private Route lobby(RoomName room, Authority by) {
        return onComplete(rooms.knocks(room, by), result -> complete(result.fold(ApiErrors::fromFailure,
                knocks -> json(new LobbyJson(knocks.stream().map(KnockJson::of).toList())))));
    }

    private Route act(RoomName room, Authority by, ModeratorAction action) {
        return verdict(rooms.moderate(room, by, action));
    }

    /** {"kind": "AUDIO"|"VIDEO"} */
    private static Route withKind(JsonNode body, Function<MuteKind, Route> inner) {
        try {
            return inner.apply(MuteKind.valueOf(body.path("kind").asText("")));
        } catch (IllegalArgumentException e) {
            return complete(ApiErrors.badRequest("kind is AUDIO or VIDEO"));
        }
    }

    private Route verdict(CompletionStage<Verdict> decided) {
        return onComplete(decided, result -> complete(result.fold(ApiErrors::fromFailure,
                verdict -> verdict instanceof Denied denied ? ApiErrors.denied(denied)
                        : HttpResponse.create().withStatus(StatusCodes.NO_CONTENT))));
    }

    /** Authenticates the bearer token, then names the authority the conference will judge. */
    private Route asModerator(String rawRoom, BiFunction<RoomName, Authority, Route> inner) {
        RoomName room;
        try {
            room = RoomName.parse(rawRoom);
        } catch (IllegalArgumentException e) {
            return complete(ApiErrors.badRequest("invalid room name: " + e.getMessage()));
        }
        return authenticator.apiCaller(caller -> {
            if (caller instanceof ApiCaller.Service service) {
                if (!service.mayActOn(room.value())) {
                    return complete(ApiErrors.forbidden("this service token does not cover room '" + room + "'"));
                }
                return inner.apply(room, new Authority.Service(service.name()));
            }
            var identity = ((ApiCaller.User) caller).identity();
            return inner.apply(room, new Authority.Person(
                    new Caller(identity.subject(), identity.signedIn(), identity.member())));
        });
    }

    private static Route withKnock(String raw, Function<KnockId, Route> inner) {
        try {
            return inner.apply(new KnockId(raw));
        } catch (IllegalArgumentException e) {
            return complete(ApiErrors.badRequest(e.getMessage()));
        }
    }

    private static Route withParticipant(String raw, Function<ParticipantId, Route> inner) {
        try {
            return inner.apply(new ParticipantId(raw));
        } catch (IllegalArgumentException e) {
            return complete(ApiErrors.badRequest(e.getMessage()));
        }
    }

    /** A JSON object body; an empty body counts as {}. */
    private static Route withBody(Function<JsonNode, Route> inner) {
        return entity(Unmarshaller.entityToString(), raw -> {
            JsonNode body;
            try {
                body = raw.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(raw);
            } catch (IOException e) {
                return complete(ApiErrors.badRequest("the body is not JSON: " + e.getMessage()));
            }
            if (!body.isObject()) {
                return complete(ApiErrors.badRequest("the body is a JSON object"));
            }
            return inner.apply(body);
        });
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() ? value.asText() : "";
    }

    private static HttpResponse json(Object value) {
        return HttpResponse.create().withEntity(ContentTypes.APPLICATION_JSON, Json.write(value));
    }

    private static AccessJson accessOf(ConferenceState state) {
        return new AccessJson(state.access().lobbyEnabled(), state.access().passwordSet());
    }

    record AccessJson(boolean lobbyEnabled, boolean passwordSet) {}

    record LobbyJson(List<KnockJson> knocks) {}

    record KnockJson(String knockId, String displayName, boolean signedIn, Instant at) {
        static KnockJson of(Knock knock) {
            return new KnockJson(knock.id().value(), knock.displayName(), knock.signedIn(), knock.at());
        }
    }
}
