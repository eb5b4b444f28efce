package org.parley.http;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.handleExceptions;
import static org.apache.pekko.http.javadsl.server.Directives.handleRejections;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.parley.engine.conference.Caller;
import org.parley.engine.rooms.Engine;
import org.parley.http.auth.Auth;
import org.parley.http.rest.ApiErrors;
import org.parley.http.rest.ConferenceRoutes;
import org.parley.http.rest.HealthRoutes;
import org.parley.http.rest.ModerationRoutes;
import org.parley.http.rest.OpenApiRoutes;
import org.parley.http.signal.SignalRoute;
import org.parley.http.signal.SignalSession;
import org.parley.http.web.WebClientRoutes;

/** Everything the server answers over HTTP, assembled. */
public final class HttpApi {

    private HttpApi() {}

    public static Route route(ActorSystem<?> system, Engine.Running engine, HttpSettings settings,
            java.time.Duration heartbeatInterval, Auth auth) {
        SignalRoute signal = new SignalRoute(system, engine.rooms(), engine.media(),
                new SignalSession.Settings(heartbeatInterval, settings.defaultLanguage()),
                settings.maxFrameCharacters(), settings.frameReadTimeout());
        Route api = concat(
                signal.route(inner -> auth.authenticator().identity(identity ->
                        inner.apply(new Caller(identity.subject(), identity.signedIn(), identity.member())))),
                new ModerationRoutes(engine.rooms(), engine.history(), engine.store(), auth.authenticator()).route(),
                new ConferenceRoutes(engine.rooms(), engine.media()).route(),
                new OpenApiRoutes().route(),
                new HealthRoutes(engine.store()).route(),
                auth.route(),
                new WebClientRoutes(auth.authenticator()).route());
        return handleExceptions(ApiErrors.exceptionHandler(), () -> handleRejections(ApiErrors.rejectionHandler(), () -> api));
    }

    public static CompletionStage<ServerBinding> bind(ActorSystem<?> system, Route route, HttpSettings settings) {
        return Http.get(system).newServerAt(settings.networkInterface(), settings.port()).bind(route);
    }
}
