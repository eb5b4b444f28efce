package org.parley.persistence.cassandra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The child JVM's options: what Cassandra needs on Java 17, plus what makes a dev node start fast. */
final class CassandraJvmOptions {

  /**
   * The JPMS part of Cassandra 5.0's {@code conf/jvm17-server.options}: Cassandra reaches into JDK
   * internals and dies with InaccessibleObjectException without these.
   */
  static final List<String> JAVA_17_MODULE_ACCESS = List.of(
      "-Djdk.attach.allowAttachSelf=true",
      "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
      "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
      "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
      "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
      "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
      "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
      "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
      "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.base/java.io=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/java.util=ALL-UNNAMED",
      // Netty settings from the same file: direct buffers via Unsafe, pre-4.1.75 pool sizes.
      "-Dio.netty.tryReflectionSetAccessible=true",
      "-Dio.netty.allocator.useCacheForAllThreads=true",
      "-Dio.netty.allocator.maxOrder=11");

  /**
   * Measured on a 2-core box: about 10 s to an open CQL port with stock settings, about 5 s with
   * these. Each trades something a dev or test node does not need.
   */
  static final List<String> FAST_START = List.of(
      // Skips a ~6 s measurement of per-row memtable overhead at boot by supplying its usual result.
      "-Dcassandra.memtable.row_overhead_size=181",
      // No fsync of system-table writes: faster schema changes, at the risk of losing them on a
      // power cut (a clean SIGTERM still flushes everything).
      "-Dcassandra.unsafesystem=true",
      // Don't delay the default superuser's setup by 10 s; nobody logs in (AllowAllAuthenticator).
      "-Dcassandra.superuser_setup_delay_ms=0",
      // C1 only: faster boot, lower peak write throughput.
      "-XX:TieredStopAtLevel=1",
      // Sigar's native library is not shipped; Cassandra only uses it for startup warnings.
      "-Dcassandra.test.ignore_sigar=true");

  private static final long MIN_INITIAL_HEAP_BYTES = 64L * 1024 * 1024;

  private CassandraJvmOptions() {}

  /** Everything between {@code java} and the main class. */
  static List<String> forChild(EmbeddedCassandraSettings settings, Path libDir, ChildLayout layout) {
    List<String> options = new ArrayList<>();
    options.add("-cp");
    options.add(layout.classpath(libDir));
    // As root Cassandra mlocks committed memory, so -Xms decides resident size: keep it small.
    long initialHeap = Math.min(MIN_INITIAL_HEAP_BYTES, settings.maxHeapBytes());
    options.add("-Xms" + (initialHeap / (1024 * 1024)) + "m");
    options.add("-Xmx" + (settings.maxHeapBytes() / (1024 * 1024)) + "m");
    // Small heap on few cores: serial GC has the smallest footprint, and its pauses stay short here.
    options.add("-XX:+UseSerialGC");
    options.add("-XX:+ExitOnOutOfMemoryError");
    options.addAll(JAVA_17_MODULE_ACCESS);
    options.addAll(FAST_START);
    options.add("-Dcassandra-foreground=yes");
    options.add("-Dcassandra.config=" + layout.yaml().toUri());
    options.add("-Dcassandra.storagedir=" + layout.dataDir());
    options.add("-Dcassandra.logdir=" + layout.logDir());
    options.add("-Dcassandra.triggers_dir=" + layout.triggersDir());
    options.add("-Dlogback.configurationFile=" + layout.logback().toUri());
    options.add("-Djava.net.preferIPv4Stack=true");
    return options;
  }
}
