package se.samverkan.avhoppare.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The class-data sharing archive's training run ({@code Dockerfile}, {@code bench/Bench.java}): with
 * {@code avhoppare.cds-training=true} the application starts as it always does, waits until its own
 * health endpoint answers 200 (at most a minute), then closes and exits. The JVM writes the archive at exit
 * ({@code -XX:ArchiveClassesAtExit}), so it holds what a start up to the first health answer loads — the
 * web server, the webapps, Jersey and the job executor too. Spring's own {@code spring.context.exit=onRefresh},
 * used before, stops before any of those start. Never set in a running service.
 */
@Component
@ConditionalOnProperty(name = "avhoppare.cds-training", havingValue = "true")
class ClassDataSharingTraining implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(ClassDataSharingTraining.class);

  private final IntConsumer exit;

  ClassDataSharingTraining() {
    this(System::exit);
  }

  ClassDataSharingTraining(IntConsumer exit) {
    this.exit = exit;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    // readiness is announced only after this event's listeners return: ask from a thread of its own
    Thread training = new Thread(() -> finish(event.getApplicationContext(), Duration.ofSeconds(60)), "cds-training");
    training.start();
  }

  /** Waits for the health answer, closes the application and exits: 0 when health said 200. */
  void finish(ConfigurableApplicationContext context, Duration limit) {
    int status = 0;
    if (context instanceof WebServerApplicationContext web) {
      status = awaitHealth(web.getWebServer().getPort(), limit);
    }
    int closed = SpringApplication.exit(context);
    exit.accept(status != 0 ? status : closed);
  }

  /** 0 once the health endpoint answers 200 within {@code limit}; otherwise 1 (the training run fails, as the build should). */
  static int awaitHealth(int port, Duration limit) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(30)).build();
    long deadline = System.nanoTime() + limit.toNanos();
    String last = "no answer";
    try {
      while (true) {
        try {
          int code = client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
          if (code == 200) {
            LOG.info("Class-data sharing training: health answered 200; closing");
            return 0;
          }
          last = "status " + code;
        } catch (java.io.IOException e) {
          last = e.toString();
        }
        if (System.nanoTime() > deadline) {
          LOG.error("Class-data sharing training: health did not answer 200 within {} (last: {})", limit, last);
          return 1;
        }
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }
}
