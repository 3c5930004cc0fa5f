package se.samverkan.avhoppare.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * A small HTTP client for tests that talk to the running service as a real client would: the
 * engine REST API with HTTP Basic, or the webapps' API with a session and Camunda's CSRF token.
 */
public final class Http {

  private final String base;
  private final HttpClient client;
  private final CookieManager cookies = new CookieManager();
  private String authorization;
  private String csrfToken;

  public Http(int port) {
    this.base = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Sends HTTP Basic credentials with every request (the engine REST API). */
  public Http basic(String user, String password) {
    authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Logs in to a webapp as a browser does: session cookie plus the XSRF token for later writes. */
  public Http webappLogin(String app, String user, String password) throws IOException, InterruptedException {
    get("/camunda/app/" + app + "/");
    HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password))));
    if (login.statusCode() != 200) {
      throw new IllegalStateException("webapp login as " + user + " failed: " + login.statusCode() + " " + login.body());
    }
    // the login starts a new session, and with it a new CSRF token
    get("/camunda/api/admin/auth/user/default");
    return this;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return postJson(path, json, "application/json");
  }

  /** The same, asking for another representation (Tasklist's lists ask for application/hal+json). */
  public HttpResponse<String> postJson(String path, String json, String accept) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> putJson(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  /** A multipart upload as /deployment/create expects it. */
  public HttpResponse<String> postMultipart(String path, String fieldName, String fileName, byte[] content,
      String... textFields) throws IOException, InterruptedException {
    String boundary = "----avhoppare" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i + 1 < textFields.length; i += 2) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + textFields[i]
          + "\"\r\n\r\n" + textFields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fieldName
        + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (csrfToken != null) {
      request.header("X-XSRF-TOKEN", csrfToken);
    }
    HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
    for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
      if (cookie.getName().equals("XSRF-TOKEN")) {
        csrfToken = cookie.getValue();
      }
    }
    return response;
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
