package org.parley.engine.poll;

import java.util.List;
import java.util.Optional;

/** What a poll asks: a question and 2 to 10 distinct choices; optionally anonymous. */
public record PollQuestion(String question, List<String> choices, boolean anonymous) {

    public static final int MAX_QUESTION = 300;
    public static final int MAX_CHOICE = 200;
    public static final int MIN_CHOICES = 2;
    public static final int MAX_CHOICES = 10;

    public PollQuestion {
        choices = List.copyOf(choices);
    }

    /** Why this question cannot be asked, if it cannot. */
    public Optional<String> problem() {
        if (question == null || question.isBlank() || question.length() > MAX_QUESTION) {
            return Optional.of("a question is 1 to " + MAX_QUESTION + " characters");
        }
        if (choices.size() < MIN_CHOICES || choices.size() > MAX_CHOICES) {
            return Optional.of("a poll has " + MIN_CHOICES + " to " + MAX_CHOICES + " choices");
        }
        if (choices.stream().anyMatch(c -> c == null || c.isBlank() || c.length() > MAX_CHOICE)) {
            return Optional.of("each choice is 1 to " + MAX_CHOICE + " characters");
        }
        if (choices.stream().map(c -> c.strip().toLowerCase(java.util.Locale.ROOT)).distinct().count() != choices.size()) {
            return Optional.of("the choices must differ");
        }
        return Optional.empty();
    }

    PollQuestion stripped() {
        return new PollQuestion(question.strip(), choices.stream().map(String::strip).toList(), anonymous);
    }
}
