package org.parley.http.signal;

import java.util.function.Function;
import org.apache.pekko.http.javadsl.server.Route;
import org.parley.engine.conference.Caller;

/** Who opened a signalling socket (session cookie, guest cookie or bearer token), as the edge's auth decides. */
@FunctionalInterface
public interface CallerDirective {
    Route withCaller(Function<Caller, Route> inner);
}
