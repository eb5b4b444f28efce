package org.parley.persistence.cassandra;

/** The embedded Cassandra could not be started (or found, or is already running elsewhere). */
public final class EmbeddedCassandraException extends RuntimeException {

  public EmbeddedCassandraException(String message) {
    super(message);
  }

  public EmbeddedCassandraException(String message, Throwable cause) {
    super(message, cause);
  }
}
