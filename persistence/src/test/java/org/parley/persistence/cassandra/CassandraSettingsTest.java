package org.parley.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CassandraSettingsTest {

  @Test
  void contactPointsGivenAsAListAreUsedAsGiven() {
    CassandraSettings settings =
        parse("parley.cassandra.contact-points = [\"10.0.0.1:9042\", \"10.0.0.2:9142\"]");

    assertEquals(List.of("10.0.0.1:9042", "10.0.0.2:9142"), settings.contactPoints());
    assertFalse(settings.embeddedMode());
  }

  @Test
  void contactPointsGivenAsACommaSeparatedStringAreSplitAndTrimmed() {
    CassandraSettings settings =
        parse("parley.cassandra.contact-points = \" 10.0.0.1:9042, 10.0.0.2:9042 ,\"");

    assertEquals(List.of("10.0.0.1:9042", "10.0.0.2:9042"), settings.contactPoints());
  }

  @Test
  void contactPointsFromTheEnvironmentVariableReplaceTheDefault() {
    // What ConfigFactory.load() does with a real environment variable, without needing one.
    Config withEnvironment = ConfigFactory.defaultReferenceUnresolved()
        .withFallback(ConfigFactory.parseMap(
            Map.of("PARLEY_CASSANDRA_CONTACT_POINTS", "10.0.0.1:9042,10.0.0.2:9042")))
        .resolve();

    assertEquals(List.of("10.0.0.1:9042", "10.0.0.2:9042"),
        CassandraSettings.fromConfig(withEnvironment).contactPoints());
  }

  @Test
  void aHostWithoutPortGetsTheDefaultCqlPort() {
    CassandraSettings settings = parse("parley.cassandra.contact-points = \"cassandra-1,10.0.0.2:9142\"");

    assertEquals(List.of("cassandra-1:9042", "10.0.0.2:9142"), settings.contactPoints());
  }

  @Test
  void emptyContactPointsMeanTheEmbeddedCassandra() {
    assertTrue(parse("parley.cassandra.contact-points = []").embeddedMode());
    assertTrue(parse("parley.cassandra.contact-points = \"\"").embeddedMode());
    assertTrue(parse("parley.cassandra.contact-points = \" , \"").embeddedMode());
  }

  @Test
  void schemaIsAutocreatedForTheEmbeddedCassandraButNotForAnExternalCluster() {
    assertTrue(parse("").createsSchema());
    assertFalse(parse("parley.cassandra.contact-points = [\"10.0.0.1:9042\"]").createsSchema());
  }

  @Test
  void schemaAutocreationCanBeForcedEitherWay() {
    assertTrue(parse("""
        parley.cassandra.contact-points = ["10.0.0.1:9042"]
        parley.cassandra.autocreate-schema = true
        """).createsSchema());
    assertFalse(parse("parley.cassandra.autocreate-schema = off").createsSchema());
  }

  @Test
  void anUnknownAutocreateValueIsRejectedWithItsKey() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> parse("parley.cassandra.autocreate-schema = sometimes"));

    assertTrue(e.getMessage().contains("parley.cassandra.autocreate-schema"), e.getMessage());
  }

  @Test
  void embeddedDefaultsComeFromReferenceConf() {
    EmbeddedCassandraSettings embedded = parse("").embedded();

    assertEquals(Path.of("data/cassandra").toAbsolutePath(), embedded.dataDir());
    assertEquals(Optional.empty(), embedded.libDir());
    assertEquals(9042, embedded.nativePort());
    assertEquals(7000, embedded.storagePort());
    assertEquals(Path.of(System.getProperty("java.home")).toAbsolutePath().normalize(),
        embedded.javaHome());
    assertEquals(512L * 1024 * 1024, embedded.maxHeapBytes());
    assertEquals(Duration.ofSeconds(120), embedded.startupTimeout());
  }

  @Test
  void embeddedKeysOverrideTheDefaults() {
    EmbeddedCassandraSettings embedded = parse("""
        parley.cassandra.embedded {
          data-dir = "/var/lib/parley/cassandra"
          lib-dir = "/opt/parley/cassandra-lib"
          native-port = 0
          storage-port = 0
          max-heap = 1g
          startup-timeout = 3m
        }
        """).embedded();

    assertEquals(Path.of("/var/lib/parley/cassandra"), embedded.dataDir());
    assertEquals(Optional.of(Path.of("/opt/parley/cassandra-lib")), embedded.libDir());
    assertEquals(0, embedded.nativePort());
    assertEquals(0, embedded.storagePort());
    assertEquals(1024L * 1024 * 1024, embedded.maxHeapBytes());
    assertEquals(Duration.ofMinutes(3), embedded.startupTimeout());
  }

  @Test
  void aTooSmallHeapIsRejected() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> parse("parley.cassandra.embedded.max-heap = 64m"));

    assertTrue(e.getMessage().contains("max-heap"), e.getMessage());
  }

  private static CassandraSettings parse(String hocon) {
    return CassandraSettings.fromConfig(
        ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve());
  }
}
