package org.parley.persistence.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Cassandra 5.0 running as a child JVM on Cassandra's own jars, for
 * development and tests. Cassandra shares no classpath with the server (its netty, guava and
 * logback clash with ours) and stops with it: on {@link #close()}, in a JVM shutdown hook, and,
 * should the server die without running hooks, by itself ({@link CassandraChildMain}).
 */
public final class EmbeddedCassandra implements AutoCloseable {

  /** SimpleSnitch's datacenter: the one the driver must treat as local. */
  public static final String LOCAL_DATACENTER = "datacenter1";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedCassandra.class);

  /** SIGTERM makes Cassandra drain (flush memtables, close the commit log): ~4.5 s measured. */
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);
  /** How long the JVM shutdown hook waits for {@link #keepRunningUntil} before stopping Cassandra. */
  private static final Duration SHUTDOWN_HOOK_GRACE = Duration.ofSeconds(30);
  private static final int LOG_TAIL_LINES = 40;
  private static final Set<String> INHERITED_JVM_OPTIONS =
      Set.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");

  private final Process process;
  private final int nativePort;
  private final ChildLayout layout;
  private final CassandraPidFile pidFile;
  private final Thread shutdownHook;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private volatile CompletionStage<?> lastUser = CompletableFuture.completedFuture(null);

  private EmbeddedCassandra(Process process, int nativePort, ChildLayout layout, CassandraPidFile pidFile) {
    this.process = process;
    this.nativePort = nativePort;
    this.layout = layout;
    this.pidFile = pidFile;
    this.shutdownHook = new Thread(this::stopOnJvmShutdown, "embedded-cassandra-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Forks Cassandra and returns once it accepts CQL connections.
   *
   * @throws EmbeddedCassandraException if Cassandra's jars or a Java 17 cannot be found, a
   *     Cassandra from a previous run still uses the data dir, a fixed port is taken, or the child
   *     exits or stays silent past the startup timeout (the message ends with its log's tail)
   */
  public static EmbeddedCassandra start(EmbeddedCassandraSettings settings) {
    Path libDir = CassandraLibDir.locate(settings.libDir());
    Path java = ChildJava.executable(settings.javaHome());
    ChildLayout layout = new ChildLayout(settings.dataDir());
    CassandraPidFile pidFile = new CassandraPidFile(settings.dataDir());
    pidFile.checkNoLiveCassandra();
    int nativePort = requireFree(LocalPorts.freeIfZero(settings.nativePort()), "native-port");
    int storagePort = requireFree(freeStoragePort(settings.storagePort(), nativePort), "storage-port");
    layout.prepare(storagePort, nativePort);

    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(CassandraJvmOptions.forChild(settings, libDir, layout));
    command.add(CassandraChildMain.class.getName());

    log.info("Starting embedded Cassandra {} in {} (CQL port {}, storage port {}, jars from {})",
        cassandraVersion(libDir), settings.dataDir(), nativePort, storagePort, libDir);
    long startNanos = System.nanoTime();
    Process process = launch(command, layout);
    EmbeddedCassandra cassandra = new EmbeddedCassandra(process, nativePort, layout, pidFile);
    try {
      pidFile.write(process.pid(), nativePort);
      NativePortWait.await(process, nativePort, settings.startupTimeout(), cassandra::logTails);
    } catch (RuntimeException e) {
      cassandra.kill();
      throw e;
    }
    log.info("Embedded Cassandra ready at {} after {} ms (pid {}; logs in {})",
        cassandra.contactPoint(), (System.nanoTime() - startNanos) / 1_000_000, process.pid(),
        layout.logDir());
    return cassandra;
  }

  /** {@code 127.0.0.1:<native port>}, the form the driver's contact points take. */
  public String contactPoint() {
    return LocalPorts.HOST + ":" + nativePort;
  }

  public int nativePort() {
    return nativePort;
  }

  public String localDatacenter() {
    return LOCAL_DATACENTER;
  }

  public Path dataDir() {
    return layout.dataDir();
  }

  /**
   * Makes the JVM shutdown hook wait (up to 30 s) for {@code stage} before stopping Cassandra, so
   * that a shutting-down ActorSystem can still write its last events. Shutdown hooks run
   * concurrently, so without this Cassandra could drain while Pekko's coordinated shutdown still
   * persists. Typically {@code keepRunningUntil(system.getWhenTerminated())}.
   */
  public void keepRunningUntil(CompletionStage<?> stage) {
    lastUser = stage;
  }

  /** Stops Cassandra cleanly: SIGTERM, wait for the drain (~10 s at most), then SIGKILL. */
  @Override
  public void close() {
    removeShutdownHook();
    stop(true);
  }

  /** Stops Cassandra at once (SIGKILL): only for data that is thrown away, e.g. in tests. */
  public void kill() {
    removeShutdownHook();
    stop(false);
  }

  private void stop(boolean drain) {
    if (drain && process.isAlive()) {
      process.destroy();
      if (!waitForExit(DRAIN_TIMEOUT)) {
        log.warn("Embedded Cassandra (pid {}) did not drain within {} s: killing it",
            process.pid(), DRAIN_TIMEOUT.toSeconds());
      }
    }
    if (process.isAlive()) {
      process.destroyForcibly();
      if (!waitForExit(KILL_TIMEOUT)) {
        log.error("Embedded Cassandra (pid {}) is still running after SIGKILL", process.pid());
        return;
      }
    }
    // close() and the shutdown hook may both get here.
    if (stopped.compareAndSet(false, true)) {
      closeStdin();
      pidFile.deleteIfOwnedBy(process.pid());
      log.info("Embedded Cassandra (pid {}) stopped, exit code {}", process.pid(), process.exitValue());
    }
  }

  private void stopOnJvmShutdown() {
    try {
      lastUser.toCompletableFuture().get(SHUTDOWN_HOOK_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // Failed, slow or interrupted: Cassandra is stopped all the same.
    }
    stop(true);
  }

  private boolean waitForExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook may be running this very stop.
    }
  }

  // The child's stdin is the pipe it watches for its parent's death; close our end once it is gone.
  private void closeStdin() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Nothing left to tell the child.
    }
  }

  private String logTails() {
    return System.lineSeparator() + "--- last lines of " + layout.systemLog() + " ---"
        + System.lineSeparator() + LogTail.of(layout.systemLog(), LOG_TAIL_LINES)
        + System.lineSeparator() + "--- last lines of " + layout.stdoutLog() + " ---"
        + System.lineSeparator() + LogTail.of(layout.stdoutLog(), LOG_TAIL_LINES);
  }

  private static Process launch(List<String> command, ChildLayout layout) {
    try {
      Files.writeString(layout.stdoutLog(),
          "=== " + Instant.now() + " starting: " + String.join(" ", command) + System.lineSeparator(),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(layout.dataDir().toFile())
          .redirectErrorStream(true)
          .redirectOutput(Redirect.appendTo(layout.stdoutLog().toFile()));
      // The child's options are exactly ours: no agents or heap settings meant for the server.
      builder.environment().keySet().removeAll(INHERITED_JVM_OPTIONS);
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + command.get(0), e);
    }
  }

  private static int freeStoragePort(int configured, int nativePort) {
    int port = LocalPorts.freeIfZero(configured);
    while (configured == 0 && port == nativePort) {
      port = LocalPorts.free();
    }
    return port;
  }

  // Otherwise the port wait could mistake another process for our Cassandra.
  private static int requireFree(int port, String key) {
    if (LocalPorts.accepts(port, Duration.ofMillis(500))) {
      throw new EmbeddedCassandraException(
          "Port " + port + " (parley.cassandra.embedded." + key + ") is already in use by another"
              + " process. Stop it, or choose another port (0 picks a free one).");
    }
    return port;
  }

  private static String cassandraVersion(Path libDir) {
    return CassandraLibDir.cassandraJar(libDir)
        .map(jar -> jar.getFileName().toString().replace("cassandra-all-", "").replace(".jar", ""))
        .orElse("(unknown version)");
  }
}
