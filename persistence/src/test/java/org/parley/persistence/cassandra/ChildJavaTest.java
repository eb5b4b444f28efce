package org.parley.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJavaTest {

  @TempDir Path javaHome;

  @Test
  void versionIsReadFromTheJdkReleaseFile() throws IOException {
    Files.writeString(javaHome.resolve("release"), "IMPLEMENTOR=\"Eclipse\"\nJAVA_VERSION=\"25.0.3\"\n");

    assertEquals(Optional.of(25), ChildJava.featureVersion(javaHome));
  }

  @Test
  void java8StyleVersionsAreUnderstood() throws IOException {
    Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"1.8.0_392\"\n");

    assertEquals(Optional.of(8), ChildJava.featureVersion(javaHome));
  }

  @Test
  void aJavaOtherThan17IsRefusedWithTheKeyToFixIt() throws IOException {
    Path bin = Files.createDirectories(javaHome.resolve("bin"));
    Path java = Files.createFile(bin.resolve("java"));
    assertTrue(java.toFile().setExecutable(true));
    Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");

    EmbeddedCassandraException e =
        assertThrows(EmbeddedCassandraException.class, () -> ChildJava.executable(javaHome));

    assertTrue(e.getMessage().contains("is Java 25"), e.getMessage());
    assertTrue(e.getMessage().contains("parley.cassandra.embedded.java-home"), e.getMessage());
  }

  @Test
  void aFolderWithoutJavaIsRefused() {
    EmbeddedCassandraException e =
        assertThrows(EmbeddedCassandraException.class, () -> ChildJava.executable(javaHome));

    assertTrue(e.getMessage().contains("No java executable"), e.getMessage());
  }

  @Test
  void theRunningJava17IsAccepted() {
    assumeTrue(Runtime.version().feature() == 17, "build JVM is not Java 17");
    Path running = Path.of(System.getProperty("java.home"));

    assertEquals(running.resolve("bin").resolve("java"), ChildJava.executable(running));
  }
}
