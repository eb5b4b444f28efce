package org.parley.engine.conference;

/**
 * Who is at the door, as the edge authenticated them: a stable subject (an identity provider's user,
 * or a guest's browser), whether they signed in, and whether they belong to the community (members
 * start conferences and moderate them). Rights follow the subject, so a reload keeps them.
 */
public record Caller(String subject, boolean signedIn, boolean member) {

    public Caller {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a caller has a subject");
        }
        if (member && !signedIn) {
            throw new IllegalArgumentException("only a signed-in person can be a member");
        }
    }

    public static Caller member(String subject) {
        return new Caller(subject, true, true);
    }

    public static Caller guest(String subject) {
        return new Caller(subject, false, false);
    }
}
