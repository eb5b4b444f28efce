package org.parley.http.auth;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Who called the REST API, proven by a bearer token. */
public sealed interface ApiCaller {

    /** A person, with an access token from the identity provider. */
    record User(Identity identity) implements ApiCaller {
        public User {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /**
     * Another system (a room booking service, a recorder) with a service token signed with the
     * service-token secret. {@code rooms} are the rooms it may act on; {@code "*"} is every room.
     */
    record Service(String name, Set<String> rooms) implements ApiCaller {

        public static final String ALL_ROOMS = "*";

        public Service {
            Objects.requireNonNull(name, "name");
            // Room names are case-insensitive, as everywhere in Parley.
            rooms = rooms.stream().map(room -> room.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        }

        public boolean mayActOn(String room) {
            return rooms.contains(ALL_ROOMS) || rooms.contains(room.toLowerCase(Locale.ROOT));
        }
    }
}
