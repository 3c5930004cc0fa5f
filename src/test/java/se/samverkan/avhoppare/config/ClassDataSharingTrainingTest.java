package se.samverkan.avhoppare.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/** The class-data sharing training run: its health question decides the exit status, and it closes. */
class ClassDataSharingTrainingTest {

  private final List<HttpServer> servers = new ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(server -> server.stop(0));
  }

  @Test
  void aHealthy200IsSuccessNoneWithinTheLimitFailsTheTrainingRun() throws Exception {
    assertThat(ClassDataSharingTraining.awaitHealth(serverAnswering(200), Duration.ofSeconds(5))).isZero();
    assertThat(ClassDataSharingTraining.awaitHealth(serverAnswering(503), Duration.ofMillis(500))).isEqualTo(1);
    int nobody;
    try (ServerSocket free = new ServerSocket(0)) {
      nobody = free.getLocalPort();
    }
    assertThat(ClassDataSharingTraining.awaitHealth(nobody, Duration.ofMillis(500))).isEqualTo(1);
  }

  @Test
  void theApplicationIsClosedAndTheJvmAskedToExit() {
    GenericApplicationContext context = new GenericApplicationContext();
    context.refresh();
    List<Integer> exits = new ArrayList<>();
    new ClassDataSharingTraining(exits::add).finish(context, Duration.ofSeconds(5));
    assertThat(context.isActive()).as("the application is closed").isFalse();
    assertThat(exits).containsExactly(0);
  }

  private int serverAnswering(int status) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/actuator/health", exchange -> {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
    servers.add(server);
    return server.getAddress().getPort();
  }
}
