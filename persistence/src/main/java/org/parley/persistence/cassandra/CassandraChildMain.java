package org.parley.persistence.cassandra;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Main class of the Cassandra child JVM: runs {@code CassandraDaemon}, and exits through
 * Cassandra's drain-on-shutdown hook when stdin reaches end-of-file. The parent holds the other
 * end of that pipe and never writes to it, so end-of-file means the parent is gone, even after a
 * SIGKILL that ran none of its shutdown hooks: the child never outlives the server.
 *
 * <p>The launcher copies this class file alone next to Cassandra's jars, so it must use nothing
 * but the JDK: no other Parley class, no nested or anonymous classes.
 */
final class CassandraChildMain {

  static final String CASSANDRA_DAEMON = "org.apache.cassandra.service.CassandraDaemon";

  private CassandraChildMain() {}

  public static void main(String[] args) throws Throwable {
    Thread watch = new Thread(CassandraChildMain::exitWhenParentGone, "parley-parent-watch");
    watch.setDaemon(true);
    watch.start();
    Method daemonMain = Class.forName(CASSANDRA_DAEMON).getMethod("main", String[].class);
    try {
      daemonMain.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void exitWhenParentGone() {
    byte[] buffer = new byte[64];
    try {
      while (System.in.read(buffer) != -1) {
        // The parent never writes; anything read is ignored.
      }
    } catch (IOException e) {
      // A broken pipe means the same as end-of-file.
    }
    System.err.println("Parent JVM is gone (stdin closed): stopping Cassandra");
    System.exit(0);
  }
}
