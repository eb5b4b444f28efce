package org.parley.persistence.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The production CQL script from the module's resources, as single statements. */
final class SchemaCql {

  static final String RESOURCE = "/cassandra/schema.cql";

  private SchemaCql() {}

  static String text() {
    try (InputStream in = SchemaCql.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Statements without comments or the trailing semicolon (the script has no ';' in strings). */
  static List<String> statements(String script) {
    String withoutComments = script.lines()
        .filter(line -> !line.trim().startsWith("--"))
        .collect(Collectors.joining("\n"));
    return Arrays.stream(withoutComments.split(";"))
        .map(String::trim)
        .filter(statement -> !statement.isEmpty())
        .toList();
  }

  /** For comparing DDL regardless of layout. */
  static String normalized(String statement) {
    return statement.replaceAll("\\s+", "").toLowerCase();
  }
}
