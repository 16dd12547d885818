package dev.trendoff.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void freePortsAreDistinctAndFree() {
    List<Integer> ports = Ports.free(4);
    assertThat(new HashSet<>(ports)).hasSize(4);
    assertThat(ports).allMatch(Ports::isFree).allMatch(p -> !Ports.answers(p, 200));
  }

  @Test
  void aListeningPortIsTakenAndAnswers() throws Exception {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      int port = s.getLocalPort();
      assertThat(Ports.isFree(port)).isFalse();
      assertThat(Ports.answers(port, 500)).isTrue();
    }
  }

  @Test
  void aPortTakenOnAllInterfacesIsTakenOnLoopbackToo() throws Exception {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(0));
      assertThat(Ports.isFree(s.getLocalPort())).isFalse();
    }
  }
}
