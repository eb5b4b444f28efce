package org.parley.persistence.cassandra;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where the server's events live: the {@code parley.cassandra} section of the config.
 *
 * @param contactPoints   {@code host:port} of external Cassandra nodes; empty means "start the
 *                        embedded one"
 * @param localDatacenter the datacenter the driver treats as local (external mode only: the
 *                        embedded node is always in {@code datacenter1})
 * @param embedded        how to run the embedded node when there are no contact points
 * @param autocreateSchema whether the persistence plugin creates keyspaces and tables itself;
 *                        empty means "yes for embedded, no for external"
 */
public record CassandraSettings(
    List<String> contactPoints,
    String localDatacenter,
    EmbeddedCassandraSettings embedded,
    Optional<Boolean> autocreateSchema) {

  public static final String SECTION = "parley.cassandra";

  /** The driver's default port, used when a contact point names only a host. */
  static final int DEFAULT_CQL_PORT = 9042;

  public CassandraSettings {
    contactPoints = List.copyOf(contactPoints);
  }

  public static CassandraSettings fromConfig(Config config) {
    Config section = config.getConfig(SECTION);
    return new CassandraSettings(
        contactPoints(section),
        section.getString("local-datacenter"),
        EmbeddedCassandraSettings.fromConfig(section.getConfig("embedded")),
        autocreateSchema(section));
  }

  /** True when no contact points are configured and the server runs its own Cassandra. */
  public boolean embeddedMode() {
    return contactPoints.isEmpty();
  }

  /** The autocreate decision after applying the mode's default. */
  public boolean createsSchema() {
    return autocreateSchema.orElse(embeddedMode());
  }

  // A HOCON list in files, but a comma-separated string when it comes from an environment variable.
  private static List<String> contactPoints(Config section) {
    String key = "contact-points";
    List<String> raw =
        section.getValue(key).valueType() == ConfigValueType.LIST
            ? section.getStringList(key)
            : Arrays.asList(section.getString(key).split(","));
    return raw.stream().map(String::trim).filter(s -> !s.isEmpty()).map(CassandraSettings::withPort).toList();
  }

  private static String withPort(String contactPoint) {
    return contactPoint.contains(":") ? contactPoint : contactPoint + ":" + DEFAULT_CQL_PORT;
  }

  private static Optional<Boolean> autocreateSchema(Config section) {
    String key = "autocreate-schema";
    String value = section.getString(key).trim().toLowerCase();
    return switch (value) {
      case "auto" -> Optional.empty();
      case "true", "on", "yes" -> Optional.of(true);
      case "false", "off", "no" -> Optional.of(false);
      default -> throw new ConfigException.BadValue(
          section.origin(), SECTION + "." + key, "expected auto, true or false but was '" + value + "'");
    };
  }
}
