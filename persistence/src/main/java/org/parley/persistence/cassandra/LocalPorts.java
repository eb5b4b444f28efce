package org.parley.persistence.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Loopback port helpers for the embedded node, which only ever listens on 127.0.0.1. */
final class LocalPorts {

  static final String HOST = "127.0.0.1";

  private LocalPorts() {}

  /**
   * A port nothing listens on right now. Another process may take it before Cassandra binds it;
   * the child then fails to start and says so in its log.
   */
  static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not find a free local port", e);
    }
  }

  static int freeIfZero(int port) {
    return port == 0 ? free() : port;
  }

  /** True if something accepts TCP connections on 127.0.0.1:port within the timeout. */
  static boolean accepts(int port, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), (int) Math.max(1, timeout.toMillis()));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
