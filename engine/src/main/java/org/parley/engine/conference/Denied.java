package org.parley.engine.conference;

/** A refusal with its reason: nothing was recorded. Answers both joins and moderator actions. */
public record Denied(Denial denial, String reason) implements Verdict, JoinOutcome {}
