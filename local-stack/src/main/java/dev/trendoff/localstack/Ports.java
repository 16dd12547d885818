package dev.trendoff.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Port checks on the loopback address the stack binds. */
public final class Ports {

  private Ports() {}

  /** True when nothing listens on {@code port} of 127.0.0.1 and we could bind it now. */
  public static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      // as the servers bind (SO_REUSEADDR): connections left in TIME_WAIT by a stopped server do not
      // make its port look taken, a listening socket still does
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(StackSettings.HOST), port));
    } catch (IOException e) {
      return false;
    }
    return !answers(port, 200);
  }

  /** True when something accepts TCP connections on {@code port} of 127.0.0.1. */
  public static boolean answers(int port, int timeoutMillis) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(StackSettings.HOST, port), timeoutMillis);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code n} distinct ports that were free a moment ago (held open together while chosen). */
  public static List<Integer> free(int n) {
    List<ServerSocket> held = new ArrayList<>();
    try {
      List<Integer> ports = new ArrayList<>();
      while (ports.size() < n) {
        ServerSocket s = new ServerSocket();
        held.add(s);
        s.setReuseAddress(false);
        s.bind(new InetSocketAddress(InetAddress.getByName(StackSettings.HOST), 0));
        int p = s.getLocalPort();
        // stay clear of the default ports a hand-started stack uses
        if (p != 9092 && p != 9093 && p != 9042 && p != 7000) {
          ports.add(p);
        }
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find free ports on " + StackSettings.HOST, e);
    } finally {
      for (ServerSocket s : held) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing a probe socket
        }
      }
    }
  }
}
