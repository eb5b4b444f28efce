package org.parley.engine.rooms;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.parley.engine.conference.PasswordHash;

/**
 * Hashing and checking room passwords is slow on purpose; it runs on two threads of its own so it
 * never holds up actors or HTTP. Two bound the CPU a flood of guesses can take (the throttle does the rest).
 */
final class PasswordWork {

    private final ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "parley-password");
        thread.setDaemon(true);
        return thread;
    });

    CompletionStage<Boolean> matches(PasswordHash hash, String attempt) {
        return CompletableFuture.supplyAsync(() -> hash.matches(attempt), threads);
    }

    CompletionStage<PasswordHash> hash(String password) {
        return CompletableFuture.supplyAsync(() -> PasswordHash.of(password), threads);
    }
}
