package org.parley.http.rest;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.parley.engine.rooms.StoreMonitor;

/**
 * {@code /health/live}: the process answers. {@code /health/ready}: it can serve conferences, which
 * needs the event store; a load balancer sends no one here until then.
 */
public final class HealthRoutes {

    private final StoreMonitor store;

    public HealthRoutes(StoreMonitor store) {
        this.store = store;
    }

    public Route route() {
        return concat(
                path(segment("health").slash("live"), () -> get(() -> complete(status(true, "UP", null)))),
                path(segment("health").slash("ready"), () -> get(() -> complete(store.isUp()
                        ? status(true, "READY", null)
                        : status(false, "NOT_READY", "the event store (Cassandra) does not answer")))));
    }

    private record Health(String status, String reason) {}

    private static HttpResponse status(boolean ok, String status, String reason) {
        return HttpResponse.create()
                .withStatus(ok ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE)
                .withEntity(ContentTypes.APPLICATION_JSON, Json.write(new Health(status, reason)));
    }
}
