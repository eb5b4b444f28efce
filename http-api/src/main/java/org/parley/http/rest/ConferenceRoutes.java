package org.parley.http.rest;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.onComplete;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEndOrSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.parley.engine.conference.RoomName;
import org.parley.engine.media.Media;
import org.parley.engine.rooms.Rooms;
import org.parley.engine.rooms.StoreMonitor;

/** {@code /api/v1/conferences/{room}} and its {@code /media}: what anyone who knows the room may see. */
public final class ConferenceRoutes {

    static final ContentType NDJSON =
            MediaTypes.applicationWithFixedCharset("x-ndjson", HttpCharsets.UTF_8, "ndjson").toContentType();

    private final Rooms rooms;
    private final Media media;

    public ConferenceRoutes(Rooms rooms, Media media) {
        this.rooms = rooms;
        this.media = media;
    }

    public Route route() {
        return pathPrefix(segment("api").slash("v1").slash("conferences").slash(segment()), rawRoom -> concat(
                path("media", () -> get(() -> withRoom(rawRoom, this::media))),
                pathEndOrSingleSlash(
                        () -> get(() -> withRoom(rawRoom, this::conference)))));
    }

    private Route conference(RoomName room) {
        return onComplete(rooms.conference(room), result -> complete(result.fold(
                ApiErrors::fromFailure,
                view -> view.map(v -> HttpResponse.create()
                                .withEntity(ContentTypes.APPLICATION_JSON, Json.write(ConferenceJson.of(v))))
                        .orElseGet(() -> neverHeld(room)))));
    }

    private Route media(RoomName room) {
        return onComplete(media.stats(room), result -> complete(result.fold(
                ApiErrors::fromFailure,
                stats -> HttpResponse.create()
                        .withEntity(ContentTypes.APPLICATION_JSON, Json.write(MediaJson.of(stats))))));
    }

    static HttpResponse neverHeld(RoomName room) {
        return ApiErrors.notFound("no conference has ever been held in room '" + room + "'");
    }

    private static Route withRoom(String rawRoom, Function<RoomName, Route> inner) {
        RoomName room;
        try {
            room = RoomName.parse(rawRoom);
        } catch (IllegalArgumentException e) {
            return complete(ApiErrors.badRequest("invalid room name: " + e.getMessage()));
        }
        return inner.apply(room);
    }
}
