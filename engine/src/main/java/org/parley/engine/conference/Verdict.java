package org.parley.engine.conference;

/** The answer to a moderator action or a lobby chat line: done, or denied with a reason (nothing recorded). */
public sealed interface Verdict permits Verdict.Accepted, Denied {

    Accepted ACCEPTED = new Accepted();

    record Accepted() implements Verdict {}
}
