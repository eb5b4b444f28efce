package org.parley.http.web;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.getFromResource;
import static org.apache.pekko.http.javadsl.server.Directives.getFromResourceDirectory;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.pathSingleSlash;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import org.apache.pekko.http.javadsl.server.Route;
import org.parley.http.auth.Authenticator;

/**
 * The browser client, built by npm into {@code web/} on the classpath. It is a single page: the
 * home page at {@code /} and a room at {@code /{RoomName}} both load index.html, which routes itself.
 */
public final class WebClientRoutes {

    private static final String ROOT = "web";

    private final Authenticator authenticator;

    public WebClientRoutes(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    public Route route() {
        return get(() -> concat(
                pathSingleSlash(this::index),
                pathPrefix("assets", () -> getFromResourceDirectory(ROOT + "/assets")),
                path(segment(), room -> index())));
    }

    /** A browser gets its guest id with the first page, so the guest it is stays the same one. */
    private Route index() {
        return authenticator.keepingGuests(() -> getFromResource(ROOT + "/index.html"));
    }
}
