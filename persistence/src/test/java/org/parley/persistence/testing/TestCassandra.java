package org.parley.persistence.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.parley.persistence.cassandra.CassandraBootstrap;
import org.parley.persistence.cassandra.EmbeddedCassandra;

/**
 * One real Cassandra per test JVM, for the integration tests of every module: started on first
 * use on free ports in a fresh temporary data dir, killed and deleted when the JVM exits.
 * Starting takes 5-10 s, so it is paid once per JVM, not per test: tests share it and use fresh
 * persistence ids.
 *
 * <pre>{@code
 * ActorTestKit testKit = ActorTestKit.create("my-it", TestCassandra.get().config());
 * }</pre>
 *
 * <p>Needs Cassandra's jars: Failsafe passes {@code -Dparley.cassandra.embedded.lib-dir}, built
 * by the cassandra-dist module.
 */
public final class TestCassandra {

  private static final Config FAST_TESTS = ConfigFactory.parseString("""
      # Single writer JVM, single node: little clock skew to wait out before tagged events show
      # (the plugin warns below 1 s).
      pekko.persistence.cassandra.events-by-tag.eventual-consistency-delay = 1s
      pekko.persistence.cassandra.query.refresh-interval = 200ms
      # The driver waits out this window after every DDL statement: ~1 s per autocreated table.
      datastax-java-driver.advanced.metadata.schema.debouncer.window = 10ms
      """);

  private static TestCassandra instance;
  private static RuntimeException startFailure;

  private final EmbeddedCassandra cassandra;
  private final Config config;

  private TestCassandra(EmbeddedCassandra cassandra, Config config) {
    this.cassandra = cassandra;
    this.config = config;
  }

  /**
   * The JVM's test Cassandra, started by the first call. A failed start is not retried: every
   * later call fails at once with the first failure as the cause.
   */
  public static synchronized TestCassandra get() {
    if (instance == null && startFailure == null) {
      try {
        instance = start();
      } catch (RuntimeException e) {
        startFailure = e;
      }
    }
    if (startFailure != null) {
      throw new IllegalStateException("The test Cassandra did not start", startFailure);
    }
    return instance;
  }

  /**
   * A complete config for {@code ActorSystem.create(name, config)}: this Cassandra, schema
   * autocreation on, quick schema changes and tag queries, then {@code ConfigFactory.load()}.
   */
  public Config config() {
    return config;
  }

  /** {@code 127.0.0.1:<port>}, for tests that open their own driver session. */
  public String contactPoint() {
    return cassandra.contactPoint();
  }

  public int nativePort() {
    return cassandra.nativePort();
  }

  private static TestCassandra start() {
    Path dataDir = createTempDir();
    Config base = ConfigFactory.load();
    Config embeddedForTests = ConfigFactory.parseMap(Map.of(
        "parley.cassandra.contact-points", List.of(),
        "parley.cassandra.autocreate-schema", true,
        "parley.cassandra.embedded.data-dir", dataDir.toString(),
        "parley.cassandra.embedded.native-port", 0,
        "parley.cassandra.embedded.storage-port", 0));
    CassandraBootstrap.Started started;
    try {
      started = CassandraBootstrap.start(embeddedForTests.withFallback(base));
    } catch (RuntimeException e) {
      deleteRecursively(dataDir);
      throw e;
    }
    EmbeddedCassandra cassandra = started.embedded().orElseThrow();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      cassandra.kill();
      deleteRecursively(dataDir);
    }, "test-cassandra-cleanup"));
    Config config = started.storeConfig()
        .withFallback(FAST_TESTS)
        .withFallback(base)
        .resolve();
    return new TestCassandra(cassandra, config);
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("parley-test-cassandra-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temp folder is not worth failing a test run for.
    }
  }
}
