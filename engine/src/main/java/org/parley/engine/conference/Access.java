package org.parley.engine.conference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may enter one conference, and who runs it: the lobby switch, the password (hashed), the
 * subjects made moderators, banned, or admitted through the lobby, and the knocks waiting now.
 * Rights are kept per subject, not per connection, so reconnecting changes nothing. Reset when a
 * conference ends; set before it starts when a member prepares the room.
 */
public record Access(
        boolean lobbyEnabled,
        Optional<PasswordHash> password,
        Set<String> moderatorSubjects,
        Set<String> bannedSubjects,
        Set<String> admittedSubjects,
        List<Knock> knocks) {

    public static final Access OPEN = new Access(false, Optional.empty(), Set.of(), Set.of(), Set.of(), List.of());

    public Access {
        moderatorSubjects = Set.copyOf(moderatorSubjects);
        bannedSubjects = Set.copyOf(bannedSubjects);
        admittedSubjects = Set.copyOf(admittedSubjects);
        knocks = List.copyOf(knocks);
    }

    public boolean passwordSet() {
        return password.isPresent();
    }

    public Optional<Knock> knock(KnockId id) {
        return knocks.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    public Optional<Knock> knockOf(String subject) {
        return knocks.stream().filter(k -> k.subject().equals(subject)).findFirst();
    }

    Access withLobby(boolean enabled) {
        return new Access(enabled, password, moderatorSubjects, bannedSubjects, admittedSubjects, knocks);
    }

    Access withPassword(Optional<PasswordHash> hash) {
        return new Access(lobbyEnabled, hash, moderatorSubjects, bannedSubjects, admittedSubjects, knocks);
    }

    Access withModerator(String subject) {
        return new Access(lobbyEnabled, password, plus(moderatorSubjects, subject), bannedSubjects, admittedSubjects, knocks);
    }

    Access withBanned(String subject) {
        return new Access(lobbyEnabled, password, moderatorSubjects, plus(bannedSubjects, subject), admittedSubjects, knocks);
    }

    Access withKnock(Knock knock) {
        List<Knock> next = new ArrayList<>(knocks);
        next.add(knock);
        return new Access(lobbyEnabled, password, moderatorSubjects, bannedSubjects, admittedSubjects, next);
    }

    Access withoutKnock(KnockId id, boolean admitted) {
        Optional<Knock> answered = knock(id);
        Set<String> admittedNow = admitted && answered.isPresent()
                ? plus(admittedSubjects, answered.get().subject()) : admittedSubjects;
        return new Access(lobbyEnabled, password, moderatorSubjects, bannedSubjects, admittedNow,
                knocks.stream().filter(k -> !k.id().equals(id)).toList());
    }

    private static Set<String> plus(Set<String> set, String value) {
        Set<String> next = new HashSet<>(set);
        next.add(value);
        return next;
    }
}
