package org.parley.persistence.cassandra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The last lines of a log file, for error messages. */
final class LogTail {

  private static final int MAX_BYTES = 64 * 1024;

  private LogTail() {}

  static String of(Path file, int lines) {
    if (!Files.isRegularFile(file)) {
      return "(no " + file + ")";
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, in.length() - MAX_BYTES);
      byte[] bytes = new byte[(int) (in.length() - start)];
      in.seek(start);
      in.readFully(bytes);
      List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
      return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
          .collect(Collectors.joining(System.lineSeparator()));
    } catch (IOException e) {
      return "(could not read " + file + ": " + e + ")";
    }
  }
}
