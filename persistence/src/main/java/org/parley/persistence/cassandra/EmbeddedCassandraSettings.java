package org.parley.persistence.cassandra;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to run the embedded single-node Cassandra: the {@code parley.cassandra.embedded} section.
 *
 * @param dataDir          Cassandra's data, commit log, generated config and logs; kept across
 *                         restarts
 * @param libDir           the folder of Cassandra's jars; empty means "look in the usual places"
 *                         ({@link CassandraLibDir})
 * @param nativePort       CQL port; 0 picks a free one
 * @param storagePort      inter-node port (only used by the node itself); 0 picks a free one
 * @param javaHome         the Java 17 installation the child JVM runs on
 * @param maxHeapBytes     the child's maximum heap
 * @param startupTimeout   how long to wait for the CQL port before giving up
 */
public record EmbeddedCassandraSettings(
    Path dataDir,
    Optional<Path> libDir,
    int nativePort,
    int storagePort,
    Path javaHome,
    long maxHeapBytes,
    Duration startupTimeout) {

  static final long MIN_HEAP_BYTES = 128L * 1024 * 1024;

  public EmbeddedCassandraSettings {
    dataDir = dataDir.toAbsolutePath().normalize();
    libDir = libDir.map(dir -> dir.toAbsolutePath().normalize());
    javaHome = javaHome.toAbsolutePath().normalize();
    requirePort("native-port", nativePort);
    requirePort("storage-port", storagePort);
    if (maxHeapBytes < MIN_HEAP_BYTES) {
      throw new IllegalArgumentException(
          "max-heap must be at least 128m for Cassandra to start, was " + maxHeapBytes + " bytes");
    }
    if (startupTimeout.isNegative() || startupTimeout.isZero()) {
      throw new IllegalArgumentException("startup-timeout must be positive, was " + startupTimeout);
    }
  }

  /** Reads the {@code embedded} section (already selected by the caller). */
  public static EmbeddedCassandraSettings fromConfig(Config embedded) {
    try {
      return new EmbeddedCassandraSettings(
          Path.of(embedded.getString("data-dir")),
          optionalPath(embedded.getString("lib-dir")),
          embedded.getInt("native-port"),
          embedded.getInt("storage-port"),
          optionalPath(embedded.getString("java-home"))
              .orElseGet(() -> Path.of(System.getProperty("java.home"))),
          embedded.getMemorySize("max-heap").toBytes(),
          embedded.getDuration("startup-timeout"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(
          embedded.origin(), CassandraSettings.SECTION + ".embedded", e.getMessage(), e);
    }
  }

  public EmbeddedCassandraSettings withDataDir(Path newDataDir) {
    return new EmbeddedCassandraSettings(
        newDataDir, libDir, nativePort, storagePort, javaHome, maxHeapBytes, startupTimeout);
  }

  public EmbeddedCassandraSettings withLibDir(Path newLibDir) {
    return new EmbeddedCassandraSettings(
        dataDir, Optional.of(newLibDir), nativePort, storagePort, javaHome, maxHeapBytes,
        startupTimeout);
  }

  private static Optional<Path> optionalPath(String value) {
    return value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.trim()));
  }

  private static void requirePort(String key, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(key + " must be 0 (free port) or 1-65535, was " + port);
    }
  }
}
