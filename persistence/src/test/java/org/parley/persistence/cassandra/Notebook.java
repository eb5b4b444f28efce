package org.parley.persistence.cassandra;

import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * Test-only entity: appends lines. String events and state use Pekko's built-in serializer; every
 * event is tagged, and a snapshot is taken every two events.
 */
final class Notebook extends EventSourcedBehavior<Notebook.Command, String, String> {

  static final String TAG = "notebook-audit";

  sealed interface Command {}

  record Write(String line, ActorRef<Done> replyTo) implements Command {}

  record Read(ActorRef<String> replyTo) implements Command {}

  static Behavior<Command> create(String id) {
    return new Notebook(PersistenceId.ofUniqueId(id));
  }

  private Notebook(PersistenceId persistenceId) {
    super(persistenceId);
  }

  @Override
  public String emptyState() {
    return "";
  }

  @Override
  public CommandHandler<Command, String, String> commandHandler() {
    return newCommandHandlerBuilder().forAnyState()
        .onCommand(Write.class, (state, write) -> Effect().persist(write.line())
            .thenRun(newState -> write.replyTo().tell(Done.getInstance())))
        .onCommand(Read.class, (state, read) -> Effect().none()
            .thenRun(unchanged -> read.replyTo().tell(unchanged)))
        .build();
  }

  @Override
  public EventHandler<String, String> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onEvent(String.class, (state, line) -> state.isEmpty() ? line : state + "|" + line)
        .build();
  }

  @Override
  public Set<String> tagsFor(String event) {
    return Set.of(TAG);
  }

  // A snapshot after the second event exercises the snapshot store too.
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(2, 1);
  }
}
