import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The performance benchmark of issue #11 (not part of ./mvnw verify). Run it with {@code bench/run};
 * see docs/performance.md for what it measures and how the data is made. Starts the packaged service
 * as separate processes on its own PostgreSQL database, fills it, and prints every figure next to a
 * baseline measured in the same run.
 */
public class Bench {

  static final Map<String, String> OPT = new LinkedHashMap<>();
  static final SecureRandom RANDOM = new SecureRandom();
  static final String PASSWORD = "Qz7-" + Long.toString(Math.abs(RANDOM.nextLong()), 36) + "-Pw!";
  static final String ADMIN = "benchadmin";
  static final String KEYS = "k1:" + Base64.getEncoder().encodeToString(bytes(32));
  static final List<String> REPORT = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    defaults();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unknown argument " + a);
      }
      String key = a.substring(2);
      String value = key.contains("=") ? key.substring(key.indexOf('=') + 1) : args[++i];
      key = key.contains("=") ? key.substring(0, key.indexOf('=')) : key;
      if (!OPT.containsKey(key)) {
        throw new IllegalArgumentException("unknown option --" + key + "; known: " + OPT.keySet());
      }
      OPT.put(key, value);
    }
    OPT.putIfAbsent("jvm", OPT.get("tuned-jvm")); // replaces the null default: tuned-jvm as finally given
    Files.createDirectories(Path.of(OPT.get("out")));
    line("# Benchmark " + Instant.now() + " on " + machine());
    Map<String, String> shown = new LinkedHashMap<>(OPT);
    shown.replace("db-password", "(given)"); // never print a password, even the benchmark's
    line("options: " + shown);
    createDatabase();
    List<String> parts = Arrays.asList(OPT.get("parts").split(","));
    for (String part : List.of("tasklist", "lifecycle", "startup", "timers", "nodedeath")) {
      if (parts.contains(part)) {
        timed(part, switch (part) {
          case "tasklist" -> Bench::taskList;
          case "lifecycle" -> Bench::lifecycle;
          case "startup" -> Bench::startup;
          case "timers" -> Bench::timers;
          default -> Bench::nodeDeath;
        });
      }
    }
    for (Node n : PLAIN) {
      if (n != null) {
        n.stop();
      }
    }
    line(String.format(Locale.ROOT, "# all parts: %.1f min", (System.nanoTime() - START) / 6e10));
    line("# done " + Instant.now());
    Files.write(Path.of(OPT.get("out"), "report.txt"), REPORT);
  }

  static final long START = System.nanoTime();

  interface Part {
    void run() throws Exception;
  }

  /** Runs a part and prints how long it took and the machine's load before and after (the machine may be shared). */
  static void timed(String name, Part part) throws Exception {
    String before = loadAverage();
    long t0 = System.nanoTime();
    part.run();
    line(String.format(Locale.ROOT, "# part %s: %.1f min; load average before %s, after %s", name, (System.nanoTime() - t0) / 6e10, before,
        loadAverage()));
  }

  static String loadAverage() {
    try {
      return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
    } catch (IOException e) {
      return "?";
    }
  }

  static void defaults() {
    OPT.put("tasks", "10000");            // open Stockholm caseworker tasks
    OPT.put("other-tasks", "1000");       // open tasks of Göteborg and of Malmö each
    OPT.put("history", "100000");         // finished instances' history
    OPT.put("samples", "200");            // task-list requests per figure (after the warm-up)
    OPT.put("before-samples", "1");       // the same with Camunda's statements as shipped (~23 s a round; one is enough for a ratio of ~1,000)
    OPT.put("warmup", "2500");            // task-list rounds before measuring, both nodes at once: the JIT compilers are still busy
                                          // for the first ~2,000 (4-6 s of compiling per 500 rounds until round 2,000, ~1 s after
                                          // 2,500; list p95 18 ms over rounds 500-2,000, 12-15 after; docs/performance.md)
    OPT.put("block", "50");               // task-list rounds a node serves before the next node's turn
    OPT.put("block-settle", "3");         // rounds at the start of each block timed apart: a node's first after the other node's turn
    OPT.put("timers", "10000");           // due timers per burst
    OPT.put("death-timers", "1000");      // due timers when a node is killed (enough for both nodes to hold locks)
    OPT.put("cases", "30");               // whole cases through the lifecycle, service and baseline each
    OPT.put("lifecycle-workers", "2");    // parallel clients driving them
    OPT.put("lock-ms", "30000");          // job lock time on the benchmark's nodes (recovery after a kill)
    OPT.put("parts", "tasklist,startup,lifecycle,timers,nodedeath");
    // the JVM flags of the Dockerfile (what ships), measured against the JVM's defaults by the "startup" part
    OPT.put("tuned-jvm", "-XX:+UseSerialGC -Xms64m -Xmx256m -XX:MaxMetaspaceSize=192m -Xss512k");
    OPT.put("port", "18180");
    OPT.put("pg", "127.0.0.1:5432");
    OPT.put("pg-admin", "postgres");      // creates the database (trust auth, as on the dev machine)
    OPT.put("db", "avhoppare_perf_bench");
    OPT.put("db-user", "avhoppare_test");
    OPT.put("db-password", "x");
    OPT.put("jar", "target/avhoppare-utbyte-0.1.0-SNAPSHOT.jar");
    OPT.put("jvm", null);                 // the nodes' JVM flags, space separated (not given: tuned-jvm, as shipped)
    OPT.put("db-pool", "");               // the nodes' connection pool size (blank: the service's default, 20)
    OPT.put("out", "target/bench");
    OPT.put("clone-sessions", "2");       // database sessions cloning the data at once (one core each)
  }

  // ---------------------------------------------------------------- task list

  static void taskList() throws Exception {
    int tasks = Integer.parseInt(OPT.get("tasks"));
    Node node = plain(0);
    // the baseline node starts while the data is cloned (nothing is timed then; it saves a node start's time)
    CompletableFuture<Node> offStarted = new CompletableFuture<>();
    Seed seed = seedTaskList(node, tasks, () -> startLater(offStarted,
        () -> Node.start("off", port(2), "--camunda.bpm.authorization.enabled=false")));
    seeded = seed;
    // the fix and the baseline side by side, taking turns in blocks, so both see the same machine load
    Node off = offStarted.join();
    List<Map<String, Latency>> both = measureTaskList(List.of("checks on (fixed)", "authorization off (baseline)"),
        List.of(node, off), seed, samples());
    Map<String, Latency> fixed = both.get(0);
    Map<String, Latency> baseline = both.get(1);
    // the same, but a task row written before every request: no count can be reused (config/TaskCountCache),
    // every one is counted again, as under a steady stream of changes
    List<Map<String, Latency>> changing;
    try (Connection db = db(); PreparedStatement write = db.prepareStatement(
        "update act_ru_task set priority_ = priority_ where id_ = (select min(id_) from act_ru_task)")) {
      changing = measureTaskList(List.of("checks on (fixed), a task written before every request",
          "authorization off (baseline), a task written before every request"), List.of(node, off), seed, samples(), 0, () -> {
            try {
              write.executeUpdate();
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
    }
    node.report("under task-list load");
    off.report("under task-list load");
    off.stop();

    Node before = Node.start("before", port(2), "--avhoppare.tuning.authorization-sql=false", "--avhoppare.tuning.task-count-cache=false",
        "--avhoppare.tuning.authorization-cache=false");
    // no warm-up round: each request takes seconds, JIT warm-up is noise beside that
    Map<String, Latency> shipped = measureTaskList(List.of("checks on, Camunda's SQL as shipped (before)"), List.of(before), seed,
        Integer.parseInt(OPT.get("before-samples")), 0).get(0);
    before.stop();

    line("");
    line("## Task list at " + seed.visible + " open tasks visible to the caseworker (" + seed.total + " open in all, "
        + OPT.get("history") + " finished instances' history)");
    line(String.format(Locale.ROOT, "%-48s %-28s %-28s", "", "Tasklist list (HAL, 15 rows)", "filter count"));
    for (var e : List.of(Map.entry("authorization off (baseline)", baseline), Map.entry("checks on, fixed", fixed),
        Map.entry("auth off, a task written before each request", changing.get(1)),
        Map.entry("checks on, a task written before each request", changing.get(0)),
        Map.entry("checks on, as shipped (before)", shipped))) {
      line(String.format(Locale.ROOT, "%-48s %-28s %-28s", e.getKey(), e.getValue().get("list"), e.getValue().get("count")));
    }
    for (String kind : List.of("list", "count")) {
      line(String.format(Locale.ROOT, "ratio %s, fixed / auth off: p50 %.2f  p95 %.2f  p99 %.2f;  before / fixed: p50 %.0f",
          kind, fixed.get(kind).p(50) / baseline.get(kind).p(50), fixed.get(kind).p(95) / baseline.get(kind).p(95),
          fixed.get(kind).p(99) / baseline.get(kind).p(99), shipped.get(kind).p(50) / fixed.get(kind).p(50)));
      line(String.format(Locale.ROOT, "ratio %s, a task written before each request, fixed / auth off: p50 %.2f  p95 %.2f  p99 %.2f",
          kind, changing.get(0).get(kind).p(50) / changing.get(1).get(kind).p(50),
          changing.get(0).get(kind).p(95) / changing.get(1).get(kind).p(95), changing.get(0).get(kind).p(99) / changing.get(1).get(kind).p(99)));
    }
  }

  static int samples() {
    return Integer.parseInt(OPT.get("samples"));
  }

  record Seed(int visible, int total, String user) {}

  /** Starts a node on another thread and completes started with it (or with its failure). */
  static void startLater(CompletableFuture<Node> started, Callable<Node> start) {
    Thread t = new Thread(() -> {
      try {
        started.complete(start.call());
      } catch (Throwable e) {
        started.completeExceptionally(e);
      }
    }, "node-start");
    t.setDaemon(true);
    t.start();
  }

  /** The task list's data; beforeCloning runs once the template cases are started, before the SQL cloning. */
  static Seed seedTaskList(Node node, int tasks, Runnable beforeCloning) throws Exception {
    ensureUsers(node);
    Map<String, String> templates = new LinkedHashMap<>();
    templates.put("s", startCase(node, "benchsthlm", "stockholm-jarva"));
    templates.put("m", startCase(node, "benchmalmo", "malmo-asn"));
    templates.put("g", startCase(node, "benchgbg", "goteborg-nordost"));
    int other = Integer.parseInt(OPT.get("other-tasks"));
    int history = Integer.parseInt(OPT.get("history"));
    beforeCloning.run();
    long t0 = System.nanoTime();
    inParallel((c, share) -> {
      clone(c, new String[] {templates.get("s")}, share.of(tasks - 1), "s", "act_%", true);
      clone(c, new String[] {templates.get("m")}, share.of(other - 1), "m", "act_%", true);
      clone(c, new String[] {templates.get("g")}, share.of(other - 1), "g", "act_%", true);
      // finished instances: the Stockholm case's history rows (without its variable updates'
      // details), marked completed a day after they started
      clone(c, new String[] {templates.get("s")}, share.of(history), "h", "act_hi_%", true, "act_hi_detail", "act_hi_op_log");
    });
    try (Connection c = db()) {
      c.createStatement().execute("update act_hi_procinst set state_ = 'COMPLETED', end_act_id_ = 'EndEvent_Avslutat',"
          + " end_time_ = start_time_ + interval '1 day', duration_ = 86400000 where id_ like '%~h%'");
      c.createStatement().execute("update act_hi_taskinst set end_time_ = start_time_ + interval '1 hour', duration_ = 3600000,"
          + " delete_reason_ = 'completed', task_state_ = 'Completed' where proc_inst_id_ like '%~h%'");
      c.createStatement().execute("update act_hi_actinst set end_time_ = start_time_ + interval '1 hour', duration_ = 3600000,"
          + " act_inst_state_ = 1 where proc_inst_id_ like '%~h%' and end_time_ is null");
      c.setAutoCommit(true);
      c.createStatement().execute("vacuum analyze");
    }
    line(String.format(Locale.ROOT, "data: %d + 2 x %d open cases and %d finished instances cloned with SQL in %.0f s",
        tasks, other, history, (System.nanoTime() - t0) / 1e9));
    return new Seed(tasks, tasks + 2 * other, "benchsthlm");
  }

  /** Copies first .. first + count - 1 of a template (see bench_clone in bench/clone.sql). */
  record Range(int first, int count) {}

  /** Session index (1-based) of sessions: which share of the copies it makes. */
  record Share(int index, int sessions) {
    /** This share of copies 1 .. n. */
    Range of(int n) {
      int per = (n + sessions - 1) / sessions;
      int from = 1 + (index - 1) * per;
      return new Range(from, Math.max(0, Math.min(per, n - from + 1)));
    }
  }

  interface Cloning {
    void run(Connection c, Share share) throws Exception;
  }

  /**
   * Runs the cloning in --clone-sessions database sessions at once, each with its own share of the copies
   * (PostgreSQL uses one core per session; the copies' ids depend only on their number, so the shares
   * reference each other as one cloning would). Each session commits its share; nothing is committed
   * when one fails.
   */
  static void inParallel(Cloning cloning) throws Exception {
    int sessions = Integer.parseInt(OPT.get("clone-sessions"));
    try (Connection c = db()) {
      c.createStatement().execute(Files.readString(Path.of("bench/clone.sql")));
    }
    List<Connection> open = new ArrayList<>();
    try {
      List<CompletableFuture<Void>> running = new ArrayList<>();
      for (int i = 1; i <= sessions; i++) {
        Connection c = db();
        open.add(c);
        c.setAutoCommit(false);
        Share share = new Share(i, sessions);
        running.add(CompletableFuture.runAsync(() -> {
          try {
            cloning.run(c, share);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, r -> new Thread(r, "cloning").start()));
      }
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
      for (Connection c : open) {
        c.commit();
      }
    } finally {
      for (Connection c : open) {
        c.close();
      }
    }
  }

  static void clone(Connection c, String[] templates, Range copies, String tag, String tables, boolean finishedHistory, String... skip)
      throws SQLException {
    if (copies.count() <= 0) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("select bench_clone(?, ?, ?, interval '1 second', ?, ?, ?, ?)")) {
      ps.setArray(1, c.createArrayOf("text", templates));
      ps.setInt(2, copies.count());
      ps.setString(3, tag);
      ps.setString(4, tables);
      ps.setArray(5, c.createArrayOf("text", skip));
      ps.setInt(6, copies.first());
      ps.setBoolean(7, finishedHistory);
      ps.execute();
    }
  }

  static String startCase(Node node, String user, String part) throws Exception {
    Http http = new Http(node.port).basic(user, PASSWORD);
    Reply r = http.post("/engine-rest/process-definition/key/arende/submit-form", "{\"variables\":{"
        + "\"part\":{\"value\":\"" + part + "\"},\"malgrupp\":{\"value\":\"AVHOPPARE\"},\"kriminelltSammanhang\":{\"value\":\"DESTRUKTIV_MILJO\"},"
        + "\"hotbild\":{\"value\":\"KONKRET\"},\"motiverad\":{\"value\":true},\"ansvarForBarn\":{\"value\":false},"
        + "\"samtycke\":{\"value\":true},\"samtyckeDatum\":{\"value\":\"2026-02-01\"},\"startdatum\":{\"value\":\"2026-02-01\"}}}", null);
    check(r, 200);
    return field(r.body(), "id");
  }

  static void createUser(Http admin, String id, String group) throws Exception {
    check(admin.post("/engine-rest/user/create", "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"Test\",\"lastName\":\"Person\"},"
        + "\"credentials\":{\"password\":\"" + PASSWORD + "\"}}", null), 204);
    check(admin.put("/engine-rest/group/" + group + "/members/" + id), 204);
  }

  static Map<String, Latency> measureTaskList(String label, Node node, Seed seed, int n) throws Exception {
    return measureTaskList(List.of(label), List.of(node), seed, n).get(0);
  }

  static List<Map<String, Latency>> measureTaskList(List<String> labels, List<Node> nodes, Seed seed, int n) throws Exception {
    return measureTaskList(labels, nodes, seed, n, Integer.parseInt(OPT.get("warmup")));
  }

  /** Tasklist's list (HAL) and count for the group filter, on each node in turn, n rounds after a warm-up. */
  static List<Map<String, Latency>> measureTaskList(List<String> labels, List<Node> nodes, Seed seed, int n, int warmup) throws Exception {
    return measureTaskList(labels, nodes, seed, n, warmup, () -> {});
  }

  /** The same, running beforeEachRequest (not timed) before each request. */
  static List<Map<String, Latency>> measureTaskList(List<String> labels, List<Node> nodes, Seed seed, int n, int warmup,
      Runnable beforeEachRequest) throws Exception {
    String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"orQueries\":[],"
        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
    List<Http> clients = new ArrayList<>();
    List<String> lists = new ArrayList<>();
    List<String> counts = new ArrayList<>();
    List<Latency[]> results = new ArrayList<>();
    for (Node node : nodes) {
      Http tasklist = new Http(node.port).webappLogin("tasklist", seed.user, PASSWORD);
      Reply filters = tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task&maxResults=50");
      Matcher m = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"resourceType\":\"Task\",\"name\":\"Min grupps uppgifter\"").matcher(filters.body());
      if (!m.find()) {
        throw new IllegalStateException("no filter in " + filters.body());
      }
      clients.add(tasklist);
      lists.add("/camunda/api/engine/engine/default/filter/" + m.group(1) + "/list?firstResult=0&maxResults=15");
      counts.add("/camunda/api/engine/engine/default/filter/" + m.group(1) + "/count");
      results.add(new Latency[] {new Latency(), new Latency()});
    }
    // the nodes take turns in blocks of rounds: one JVM works at a time, as on a server of its own, and over
    // the run both see the same machine (requests alternating one by one kept both JITs busy at once). The
    // first rounds of a block, right after the other node's turn, are timed apart: a node that sat idle for
    // a second answers its first requests ~6 ms slower (cold caches), and counted in they would put the
    // alternation itself into the p95 rather than the node's steady state.
    int block = Integer.parseInt(OPT.get("block"));
    int settle = nodes.size() > 1 ? Integer.parseInt(OPT.get("block-settle")) : 0;
    List<Latency> cold = new ArrayList<>();
    nodes.forEach(x -> cold.add(new Latency()));
    warmUp(clients, lists, counts, body, warmup);
    double[] compiledBefore = nodes.stream().mapToDouble(Node::compileSeconds).toArray();
    long measuring = System.nanoTime();
    for (int first = 0; first < n; first += block) {
      for (int k = 0; k < nodes.size(); k++) {
        for (int i = first - settle; i < Math.min(first + block, n); i++) {
          boolean settling = i < first;
          beforeEachRequest.run();
          long t0 = System.nanoTime();
          Reply r = clients.get(k).post(lists.get(k), body, "application/hal+json");
          long t1 = System.nanoTime();
          check(r, 200);
          beforeEachRequest.run();
          long t1c = System.nanoTime();
          Reply c = clients.get(k).post(counts.get(k), body, null);
          long t2 = System.nanoTime();
          check(c, 200);
          if (!field(r.body(), "count").equals(String.valueOf(seed.visible)) || !field(c.body(), "count").equals(String.valueOf(seed.visible))) {
            throw new IllegalStateException(labels.get(k) + ": expected " + seed.visible + " tasks, got " + field(r.body(), "count") + " / " + c.body());
          }
          if (settling) {
            cold.get(k).add(t1 - t0);
          } else {
            results.get(k)[0].add(t1 - t0);
            results.get(k)[1].add(t2 - t1c);
          }
        }
      }
    }
    double measured = (System.nanoTime() - measuring) / 1e9;
    List<Map<String, Latency>> out = new ArrayList<>();
    for (int k = 0; k < nodes.size(); k++) {
      line(String.format(Locale.ROOT, "task list, %s: list %s; count %s", labels.get(k), results.get(k)[0], results.get(k)[1]));
      line(String.format(Locale.ROOT, "  (its JIT compilers worked %.1f s during the %.1f s of measured rounds%s)",
          nodes.get(k).compileSeconds() - compiledBefore[k], measured, warmup > 0 ? ", after " + warmup + " warm-up rounds" : ""));
      if (!cold.get(k).nanos.isEmpty()) {
        line(String.format(Locale.ROOT, "  (its first %d lists of each block, after the other node's turn, timed apart: %s)", settle, cold.get(k)));
      }
      out.add(Map.of("list", results.get(k)[0], "count", results.get(k)[1]));
    }
    return out;
  }

  /**
   * The warm-up rounds (not timed), every node at once, one client thread each: a node's JIT compilers are
   * still at work for the first ~2,000 rounds (docs/performance.md, *Tenth step*), and warming the nodes side
   * by side uses both cores for it.
   */
  static void warmUp(List<Http> clients, List<String> lists, List<String> counts, String body, int rounds) throws Exception {
    if (rounds <= 0) {
      return;
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(clients.size());
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int k = 0; k < clients.size(); k++) {
        Http client = clients.get(k);
        String list = lists.get(k);
        String count = counts.get(k);
        done.add(pool.submit(() -> {
          for (int i = 0; i < rounds; i++) {
            check(client.post(list, body, "application/hal+json"), 200);
            check(client.post(count, body, null), 200);
          }
          return null;
        }));
      }
      for (var f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- start-up and memory

  static Seed seeded;

  static void startup() throws Exception {
    if (seeded == null) {
      seeded = seedTaskList(plain(0), Integer.parseInt(OPT.get("tasks")), () -> {});
    }
    List<String> rows = new ArrayList<>();
    String cds = classDataSharing(OPT.get("tuned-jvm"));
    record Variant(String name, String label, String jvm, String jar) {}
    String jvm = OPT.get("jvm");
    String jar = OPT.get("jar");
    for (Variant v : List.of(new Variant("default-jvm", "JVM defaults", "", jar),
        new Variant("tuned-jvm", OPT.get("tuned-jvm"), OPT.get("tuned-jvm"), jar),
        new Variant("tuned-jvm-cds", "tuned-jvm + class-data sharing (the Dockerfile)",
            OPT.get("tuned-jvm") + " -XX:SharedArchiveFile=" + cds + "/app.jsa -Xlog:cds=off -Xlog:cds+dynamic=off", cds + "/app.jar"))) {
      OPT.put("jvm", v.jvm());
      OPT.put("jar", v.jar());
      Node.settleMs = 5000; // RSS "idle": a few seconds after health 200, when start-up's last work is done
      Node node = Node.start(v.name(), port(2));
      Node.settleMs = 1000;
      OPT.put("jvm", jvm);
      OPT.put("jar", jar);
      long idle = node.rssMiB();
      Map<String, Latency> load = measureTaskList(List.of("startup part, " + v.label()), List.of(node), seeded,
          Math.min(50, samples()), 20).get(0);
      long loaded = node.rssMiB();
      node.stop();
      rows.add(String.format(Locale.ROOT, "%-40s start %.1f s, RSS idle %d MiB, after %d task-list requests %d MiB; list %s",
          v.label(), node.startSeconds, idle, 20 + load.get("list").nanos.size(), loaded, load.get("list")));
    }
    line("");
    line("## Start-up and memory (node up = /actuator/health answers 200)");
    rows.forEach(Bench::line);
  }

  /**
   * Class-data sharing as the Dockerfile prepares it: the jar extracted by Spring Boot's tools jar mode,
   * a training run (the JVM flags given, the embedded database in an empty directory, the application
   * started up to its first health answer and closed: {@code avhoppare.cds-training}) that writes the
   * archive of the classes it loaded. Returns the directory
   * holding app.jar and app.jsa.
   */
  static String classDataSharing(String flags) throws Exception {
    long t0 = System.nanoTime();
    Path dir = Path.of(OPT.get("out"), "cds").toAbsolutePath();
    deleteTree(dir);
    runJava(List.of("-Djarmode=tools", "-jar", OPT.get("jar"), "extract", "--destination", dir.toString(), "--application-filename",
        "app.jar"), Path.of("."), Map.of());
    Path training = Files.createTempDirectory("bench-cds-training");
    List<String> cmd = jvmFlags(flags);
    cmd.addAll(List.of("-XX:ArchiveClassesAtExit=" + dir.resolve("app.jsa"), "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-jar", dir.resolve("app.jar").toString(), "--avhoppare.cds-training=true", "--server.port=0"));
    runJava(cmd, training, Map.of("AVHOPPARE_DEMO_PASSWORD", PASSWORD, "AVHOPPARE_ADMIN_USER", ADMIN, "AVHOPPARE_ADMIN_PASSWORD", PASSWORD));
    deleteTree(training); // the training's embedded database and generated key
    if (!Files.exists(dir.resolve("app.jsa"))) {
      throw new IllegalStateException("the training run wrote no archive; see " + OPT.get("out") + "/cds-training.log");
    }
    line(String.format(Locale.ROOT, "class-data sharing: jar extracted, training run and archive (%d MiB) in %.0f s", Files.size(dir.resolve("app.jsa")) >> 20,
        (System.nanoTime() - t0) / 1e9));
    return dir.toString();
  }

  static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** JVM flags given space-separated in an option, as a list. */
  static List<String> jvmFlags(String flags) {
    List<String> list = new ArrayList<>();
    for (String flag : flags.split(" ")) {
      if (!flag.isBlank()) {
        list.add(flag);
      }
    }
    return list;
  }

  static void runJava(List<String> args, Path cwd, Map<String, String> env) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(OPT.get("out"), "cds-training.log").toFile()));
    pb.environment().remove("SPRING_PROFILES_ACTIVE"); // the embedded database, as in the image's build
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("failed: " + String.join(" ", args) + "; see " + OPT.get("out") + "/cds-training.log");
    }
  }

  // ---------------------------------------------------------------- timers

  /** The real case waiting at its follow-up timer: {arende instance, uppdrag instance, case reference}. */
  static String[] timerTemplate;

  static final String TIMER = "CatchEvent_Uppfoljningstid";

  static void ensureTimerTemplate(Node node) throws Exception {
    if (timerTemplate != null) {
      return;
    }
    ensureUsers(node);
    String[] started = startRealCase(node);
    drive(node, started[1], TILL_VERKSTALLIGHET, null);
    try (Connection c = db(); PreparedStatement ps = c.prepareStatement("select j.process_instance_id_, u.proc_inst_id_ from act_ru_job j"
        + " join act_ru_execution e on e.id_ = j.execution_id_ join act_ru_execution u on u.business_key_ = ? and u.id_ = u.proc_inst_id_"
        + " and u.tenant_id_ = 'malmo' where j.process_instance_id_ = ? and e.act_id_ = ?")) {
      ps.setString(1, started[1]);
      ps.setString(2, started[0]);
      ps.setString(3, TIMER);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("case " + started[1] + " does not wait at " + TIMER);
        }
        timerTemplate = new String[] {rs.getString(1), rs.getString(2), started[1]};
      }
    }
  }

  /** The step after the timer: its completion in history is the burst's side effect in time. */
  static final String EFFECT = "ServiceTask_BegarRapport";

  /**
   * n copies of the real case waiting at its follow-up timer (engine rows of both municipalities' instances
   * and the service's own rows), their follow-up timers due now (the case's other timers stay months away);
   * returns the tag of their ids.
   */
  static String dueTimers(Node node, int n, String tag) throws Exception {
    ensureTimerTemplate(node);
    long t0 = System.nanoTime();
    // the copies' follow-up timers stay months away until every share is committed, then all fall due at once
    inParallel((c, share) -> {
      Range copies = share.of(n);
      // past history the engine only ever inserts (variable-update details, op-log entries, finished steps
      // and tasks, identity-link log) is left out: a running case never reads or changes it
      clone(c, new String[] {timerTemplate[0], timerTemplate[1]}, copies, tag, "act_%", false, "act_hi_detail", "act_hi_op_log");
      if (copies.count() > 0) {
        try (PreparedStatement ps = c.prepareStatement("select bench_clone_case_rows(?, ?, ?, ?, ?)")) {
          ps.setString(1, timerTemplate[2]);
          ps.setArray(2, c.createArrayOf("text", new String[] {timerTemplate[0], timerTemplate[1]}));
          ps.setInt(3, copies.count());
          ps.setString(4, tag);
          ps.setInt(5, copies.first());
          ps.execute();
        }
      }
    });
    try (Connection c = db()) {
      c.createStatement().execute("update act_ru_job set duedate_ = now() - interval '1 second' where process_instance_id_ like '%~" + tag
          + "%' and " + FOLLOW_UP_JOB);
      c.createStatement().execute("analyze");
    }
    line(String.format(Locale.ROOT, "data: the case %s waiting at %s cloned %d times with SQL (engine rows of both instances and the"
        + " service's rows) in %.0f s", timerTemplate[2], TIMER, n, (System.nanoTime() - t0) / 1e9));
    return tag;
  }

  static final String FOLLOW_UP_JOB = "job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = '" + TIMER + "')";

  record Burst(int done, double seconds, double perSecond) {}

  static Burst awaitBurst(String tag, int n, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    int open;
    while (System.nanoTime() < deadline && (open = openJobs(tag)) > 0 && open > failingJobs(tag)) {
      Thread.sleep(500);
    }
    try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery("select count(*), extract(epoch from max(end_time_) - min(start_time_))"
        + " from act_hi_actinst where act_id_ = '" + EFFECT + "' and proc_inst_id_ like '%~" + tag + "%'")) {
      rs.next();
      int done = rs.getInt(1);
      double seconds = rs.getDouble(2);
      return new Burst(done, seconds, seconds > 0 ? done / seconds : 0);
    }
  }

  static int openJobs(String tag) throws SQLException {
    try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(
        "select count(*) from act_ru_job where process_instance_id_ like '%~" + tag + "%' and " + FOLLOW_UP_JOB)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static int failingJobs(String tag) throws SQLException {
    try (Connection c = db()) {
      return scalar(c, "select count(*) from act_ru_job where process_instance_id_ like '%~" + tag + "%' and exception_msg_ is not null");
    }
  }

  /** What the fired timers did, counted on the service's rows and the engine's: lost and duplicated follow-ups. */
  record Effects(int cases, int lost, int duplicated, int tasksNotOne, int requestsNotOne, int failedJobs) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "cases %d; follow-up rounds lost %d, duplicated %d; cases without exactly one follow-up task %d,"
          + " without exactly one report request in Malmö %d; jobs failed %d", cases, lost, duplicated, tasksNotOne, requestsNotOne, failedJobs);
    }
  }

  static Effects effects(String tag) throws SQLException {
    String cases = "select referens from arende where referens like '%~" + tag + "%'";
    try (Connection c = db()) {
      return new Effects(scalar(c, "select count(*) from (" + cases + ") k"),
          scalar(c, "select count(*) from (" + cases + ") k where not exists (select 1 from uppfoljning u where u.arende = k.referens)"),
          scalar(c, "select count(*) from (select arende from uppfoljning where arende like '%~" + tag + "%' group by arende having count(*) > 1) d"),
          scalar(c, "select count(*) from (" + cases + ") k where (select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
              + " where e.business_key_ = k.referens and t.task_def_key_ = 'UserTask_Uppfoljning') <> 1"),
          scalar(c, "select count(*) from (" + cases + ") k where (select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
              + " where e.business_key_ = k.referens and t.task_def_key_ = 'UserTask_RapportUppfoljning') <> 1"),
          scalar(c, "select count(*) from act_ru_job where process_instance_id_ like '%~" + tag + "%' and retries_ = 0"));
    }
  }

  static void timers() throws Exception {
    int n = Integer.parseInt(OPT.get("timers"));
    Node a = plain(0);
    String tag1 = dueTimers(a, n, "t1x");
    Burst one = awaitBurst(tag1, n, Duration.ofMinutes(5));
    a.report("after a burst of " + n + " follow-up timers on one node");
    Effects e1 = effects(tag1);
    // (started before the cloning, not during it: overlapped, the cloning took 35 s longer, run 8)
    Node b = plain(1);
    String tag2 = dueTimers(a, n, "t2x");
    Burst two = awaitBurst(tag2, n, Duration.ofMinutes(5));
    a.report("node a after a burst on two nodes");
    b.report("node b after a burst on two nodes");
    Effects e2 = effects(tag2);
    line("");
    line("## Burst of " + n + " due follow-up timers: " + TIMER + " of the real case (" + EFFECT
        + ", the report request to Malmö, the follow-up task), history on");
    line(String.format(Locale.ROOT, "one node: %d done in %.1f s, %.0f jobs/s; %s", one.done, one.seconds, one.perSecond, e1));
    line(String.format(Locale.ROOT, "two nodes: %d done in %.1f s, %.0f jobs/s  (ratio two / one: %.2f); %s", two.done, two.seconds,
        two.perSecond, one.perSecond > 0 ? two.perSecond / one.perSecond : 0, e2));
  }

  // ---------------------------------------------------------------- node death

  static void nodeDeath() throws Exception {
    int n = Integer.parseInt(OPT.get("death-timers"));
    Node a = plain(0);
    Node b = plain(1);
    String tag = dueTimers(a, n, "dx");
    // wait until both nodes hold locked jobs, then kill one of them at once
    Map<String, List<String>> locked = Map.of();
    long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < until) {
      locked = lockedJobs(tag);
      if (locked.size() >= 2) {
        break;
      }
      Thread.sleep(100);
    }
    boolean bothLocked = locked.size() >= 2;
    b.kill();
    PLAIN[1] = null;
    java.time.LocalDateTime killedLocal = java.time.LocalDateTime.now();
    Thread.sleep(3000);
    // the dead node's jobs (by instance): those still locked by the same owner after a's have moved on
    Map<String, List<String>> after = lockedJobs(tag);
    List<String> orphaned = new ArrayList<>();
    for (var e : locked.entrySet()) {
      if (after.containsKey(e.getKey())) {
        for (String job : e.getValue()) {
          if (after.get(e.getKey()).contains(job)) {
            orphaned.add(job);
          }
        }
      }
    }
    long lockMs = Long.parseLong(OPT.get("lock-ms"));
    awaitBurst(tag, n, Duration.ofMillis(lockMs).plusMinutes(3));
    Effects effects = effects(tag);
    try (Connection c = db()) {
      int ranTwice = scalar(c, "select count(*) from (select proc_inst_id_ from act_hi_actinst where act_id_ = '" + EFFECT + "'"
          + " and proc_inst_id_ like '%~" + tag + "%' group by proc_inst_id_ having count(*) > 1) d");
      int stillOpen = openJobs(tag);
      double recovery = 0;
      if (!orphaned.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement("select extract(epoch from max(end_time_) - ?::timestamp) from act_hi_actinst"
            + " where act_id_ = '" + EFFECT + "' and proc_inst_id_ = any(?)")) {
          ps.setString(1, killedLocal.toString());
          ps.setArray(2, c.createArrayOf("text", orphaned.toArray()));
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            recovery = rs.getDouble(1);
          }
        }
      }
      line("");
      line("## Node death: two nodes, " + n + " due follow-up timers of the real case, kill -9 of one while it holds locked jobs"
          + " (lock time " + lockMs + " ms)");
      line(String.format(Locale.ROOT, "jobs locked by the killed node at the kill: %d (its lock owner's, still locked 3 s later); %s;"
          + " %s ran twice in history: %d; jobs left %d; the killed node's jobs all done %.1f s after the kill", orphaned.size(), effects,
          EFFECT, ranTwice, stillOpen, recovery));
      if (!bothLocked || orphaned.isEmpty()) {
        line("WARNING: the killed node held no locked job at the kill (burst too small for both nodes to take part): raise --death-timers");
      }
    }
  }

  static Map<String, List<String>> lockedJobs(String tag) throws SQLException {
    Map<String, List<String>> byOwner = new HashMap<>();
    try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery("select lock_owner_, process_instance_id_ from act_ru_job"
        + " where lock_owner_ is not null and lock_exp_time_ > now() and process_instance_id_ like '%~" + tag + "%'")) {
      while (rs.next()) {
        byOwner.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    return byOwner;
  }

  static int scalar(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  // ---------------------------------------------------------------- a case through the service's own code

  static final String STHLM = "benchsthlm";      // stockholm-handlaggare
  static final String CHEF = "benchchef";        // stockholm-chef
  static final String MALMO = "benchmalmo";      // malmo-handlaggare

  /** A Json-typed value, as Tasklist sends a Camunda Form's lists. */
  record JsonValue(String json) {}

  static String vars(Object... kv) {
    StringBuilder sb = new StringBuilder("{\"variables\":{");
    for (int i = 0; i < kv.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      Object v = kv[i + 1];
      sb.append('"').append(kv[i]).append("\":{\"value\":");
      if (v instanceof JsonValue j) {
        sb.append(quote(j.json())).append(",\"type\":\"Json\"");
      } else if (v instanceof String str) {
        sb.append(quote(str));
      } else {
        sb.append(v);
      }
      sb.append('}');
    }
    return sb.append("}}").toString();
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static Object[] concat(Object[] a, Object... b) {
    Object[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /**
   * One step of the lifecycle: who submits which task's form with what. {@code baseline}: the variables
   * the real process's delegates and listeners would have set for its gateways, submitted in the
   * baseline run only (the diagram without delegates has nobody else to set them).
   */
  record Step(String user, String task, boolean optional, Object[] form, Object[] baseline) {}

  static final Object[] SAMRAD = {"samradDatum", "2026-02-10", "polisenhet", "Polisregion", "polisKontakt", "Kontakt", "riskniva", "HOG",
      "samradUtfall", "STODJER"};

  /** From the intake to implementation started (the follow-up timer waits), as ArendeRestIT drives it. */
  static final List<Step> TILL_VERKSTALLIGHET = List.of(
      new Step(STHLM, "UserTask_Tillhorighetsutredning", false,
          new Object[] {"tillhorighet", "HEMKOMMUNEN", "tillhorighetMotivering", "Folkbokförd i Stockholm"}, new Object[0]),
      new Step(STHLM, "UserTask_ValjMottagandeKommun", false, new Object[] {"mottagandeKommun", "malmo"}, null),
      new Step(CHEF, "UserTask_GodkannUndantag", true, new Object[] {"undantagBeslut", "GODKANN", "undantagMotivering", "Bench"},
          new Object[] {"undantagGodkant", true}),
      new Step(STHLM, "UserTask_SamradPolisHem", false, SAMRAD, new Object[] {"samradHemStodjer", true}),
      new Step(STHLM, "UserTask_SamradPolisMottagande", false, SAMRAD, new Object[] {"samradMottagandeStodjer", true}),
      new Step(STHLM, "UserTask_Polisskydd", false, new Object[] {"polisskyddEnhet", "Bops", "polisskyddKontakt", "Personsäkerhetssamordnare",
          "polisskyddDatum", "2026-02-11", "polisskyddSamordnat", true}, new Object[0]),
      new Step(MALMO, "UserTask_BesvaraForfragan", false, new Object[] {"svar", "ACCEPTERAR"}, new Object[0]),
      new Step(STHLM, "UserTask_Uppdragsbeskrivning", false, new Object[] {"mal", "Stöd att lämna den destruktiva miljön",
          "efterfragadeInsatser", new JsonValue("[\"KRISSTOD\",\"KONTAKTPERSON\"]"), "periodStart", "2026-03-01", "periodSlut", "2027-02-28",
          "uppfoljningsintervall", "P1M", "kontaktHemkommun", "A", "kontaktMottagandeKommun", "B", "boendeOrdnasAvHemkommunen", true},
          new Object[0]),
      new Step(STHLM, "UserTask_BeslutOmInsatser", false, new Object[] {"beslutsdatum", "2026-02-20",
          "beslutadeInsatser", new JsonValue("[\"KRISSTOD\",\"KONTAKTPERSON\"]"), "beslutsfattare", "Enhetschef",
          "samradMedMottagandeKommun", true}, new Object[0]),
      new Step(MALMO, "UserTask_Genomforandeplan", false, new Object[] {"planposter", new JsonValue("[{\"insats\":\"KRISSTOD\","
          + "\"utforare\":\"Malmö stad\",\"startdatum\":\"2026-03-01\",\"manadskostnad\":3000},{\"insats\":\"KONTAKTPERSON\","
          + "\"utforare\":\"Malmö stad\",\"startdatum\":\"2026-03-15\",\"manadskostnad\":2500}]")}, new Object[0]));

  /** The person withdraws: Stockholm records it and both instances end (EndEvent_Avbrutet, EndEvent_UppdragAvslutat). */
  static final Step AVBRYTER = new Step(STHLM, "UserTask_HandelseHem", false, new Object[] {"handelse", "AVBRYTER",
      "avbrottDatum", "2026-03-20"}, new Object[] {"avslutstyp", "AVBRUTET"});

  static final Object[] INTAKE = {"part", "stockholm-jarva", "malgrupp", "AVHOPPARE", "kriminelltSammanhang", "DESTRUKTIV_MILJO",
      "hotbild", "KONKRET", "motiverad", true, "ansvarForBarn", false, "samtycke", true, "samtyckeDatum", "2026-02-01",
      "startdatum", "2026-02-01"};

  static final Map<String, Http> USERS = new java.util.concurrent.ConcurrentHashMap<>();

  static Http as(Node node, String user) {
    return USERS.computeIfAbsent(node.port + "/" + user, k -> new Http(node.port).basic(user, PASSWORD));
  }

  static void ensureUsers(Node node) throws Exception {
    Http admin = new Http(node.port).basic(ADMIN, node.adminPassword);
    Map<String, String> users = Map.of(STHLM, "stockholm-handlaggare", CHEF, "stockholm-chef", MALMO, "malmo-handlaggare",
        "benchgbg", "goteborg-handlaggare");
    for (var u : users.entrySet()) {
      if (admin.get("/engine-rest/user/" + u.getKey() + "/profile").statusCode() == 404) {
        createUser(admin, u.getKey(), u.getValue());
      }
    }
  }

  /** The id of the one task {@code task} of the case, as {@code user} sees it (null if there is none). */
  static String taskId(Http http, String businessKey, String task) throws Exception {
    Reply r = http.get("/engine-rest/task?processInstanceBusinessKey=" + enc(businessKey) + "&taskDefinitionKey=" + task
        + "&maxResults=2");
    check(r, 200);
    return r.body().equals("[]") ? null : field(r.body(), "id");
  }

  static void submit(Http http, String taskId, String body) throws Exception {
    check(http.post("/engine-rest/task/" + taskId + "/submit-form", body, null), 204);
  }

  /** Runs the steps on the case; baseline: also submits each step's delegate-set variables. Returns the optional steps taken. */
  static List<String> drive(Node node, String businessKey, List<Step> steps, Map<String, Object> baseline) throws Exception {
    List<String> taken = new ArrayList<>();
    for (Step s : steps) {
      Http http = as(node, s.user());
      String id = taskId(http, businessKey, s.task());
      if (id == null) {
        if (s.optional()) {
          continue;
        }
        throw new IllegalStateException("no task " + s.task() + " in case " + businessKey + " for " + s.user());
      }
      taken.add(s.task());
      Object[] form = s.form();
      if (baseline != null) {
        form = concat(form, s.baseline() != null ? s.baseline() : (Object[]) baseline.get(s.task()));
      }
      submit(http, id, vars(form));
    }
    return taken;
  }

  /** Starts a real case as the Stockholm caseworker; returns {instance id, business key}. */
  static String[] startRealCase(Node node) throws Exception {
    Reply r = as(node, STHLM).post("/engine-rest/process-definition/key/arende/submit-form", vars(INTAKE), null);
    check(r, 200);
    return new String[] {field(r.body(), "id"), field(r.body(), "businessKey")};
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * What each of the service's delegates sends to the other municipality's instance (read from the
   * delegates' code, Genomforande, Meddelanden and the intake's classes): in the baseline diagram the service task
   * correlates the same message itself, with Camunda's API and nothing else. Every other delegate becomes a no-op.
   */
  static final Map<String, String> SENDS = Map.of("skickaForfragan", "Uppdragsforfragan", "meddelaAccepterad", "ForfraganAccepterad",
      "meddelaAvbojd", "ForfraganAvbojd", "skickaBeslut", "UppdragBeslutat", "meddelaPlan", "GenomforandeplanKlar",
      "begarRapport", "UppfoljningsrapportBegard", "skickaRapport", "Uppfoljningsrapport", "avslutaUppdrag", "UppdragAvslutat");
  /** The one message that starts the other municipality's instance. */
  static final String START_MESSAGE = "Uppdragsforfragan";
  static final String BENCH = "bench_";

  /**
   * The baseline diagram, derived from the deployed XML: the same processes, user tasks, gateways, events and
   * flows, with new process keys and message names, every listener, form reference and due date removed, each
   * service task's delegate replaced by the message its delegate sends (or nothing), conditions and timers
   * that call the service's beans replaced by a process variable and fixed far dates.
   */
  static String baselineXml(String xml) {
    String b = xml.replaceAll("(<bpmn:process id=\"|processRef=\")(arende|uppdrag)\"", "$1" + BENCH + "$2\"")
        .replaceAll("(<bpmn:message id=\"[^\"]*\" name=\")", "$1" + BENCH)
        .replaceAll("<camunda:(?:executionListener|taskListener)[^>]*/>", "")
        .replaceAll("<bpmn:extensionElements>\\s*</bpmn:extensionElements>", "")
        .replaceAll("(<bpmn:startEvent [^>]*?) camunda:formRef=\"[^\"]*\"", "$1 camunda:formKey=\"bench\"")
        .replaceAll(" camunda:(?:formRef|formRefBinding|dueDate)=\"[^\"]*\"", "")
        .replace("polisskydd.kravs(execution)", "polisskyddKravs")
        .replaceAll("(<bpmn:timeDuration[^>]*>)\\$\\{[^<]*}(</bpmn:timeDuration>)", "$1P3650D$2")
        .replaceAll("(<bpmn:timeDate[^>]*>)\\$\\{[^<]*}(</bpmn:timeDate>)", "$12099-01-01T00:00:00$2");
    Matcher m = Pattern.compile("camunda:delegateExpression=\"\\$\\{(\\w+)}\"").matcher(b);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String message = SENDS.get(m.group(1));
      String expression = "${true}";
      if (message != null) {
        // as the service does (Meddelanden): without the user's authentication, which the message start guard and
        // the other municipality's tenant require; unlike the service it is not restored for the rest of the command
        String services = "execution.processEngineServices";
        expression = "${" + services + ".identityService.clearAuthentication() == null ? " + services + ".runtimeService"
            + ".createMessageCorrelation('" + BENCH + message + "').processInstanceBusinessKey(execution.processBusinessKey)"
            + (message.equals(START_MESSAGE) ? ".tenantId(execution.getVariable('mottagandeKommun'))"
                + ".setVariable('mottagandeKommun', execution.getVariable('mottagandeKommun')).correlateStartMessage()" : ".correlate()")
            + " : null}";
      }
      m.appendReplacement(sb, Matcher.quoteReplacement("camunda:expression=\"" + expression + "\""));
    }
    m.appendTail(sb);
    b = sb.toString();
    Matcher left = Pattern.compile("\\$\\{!?\\(?([a-zA-Z]\\w*)\\.").matcher(b);
    while (left.find()) {
      if (!left.group(1).equals("execution")) {
        throw new IllegalStateException("the baseline diagram still calls the service's bean " + left.group(1) + ": extend baselineXml");
      }
    }
    return b;
  }

  static String jsonString(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"((?:[^\"\\\\]++|\\\\.)*+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json.substring(0, Math.min(200, json.length())));
    }
    String e = m.group(1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < e.length(); i++) {
      char ch = e.charAt(i);
      if (ch != '\\') {
        sb.append(ch);
        continue;
      }
      char n = e.charAt(++i);
      switch (n) {
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          sb.append((char) Integer.parseInt(e.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> sb.append(n);
      }
    }
    return sb.toString();
  }

  /** Deploys the baseline of the deployed arende and uppdrag, arende for Stockholm and uppdrag for Malmö (tenant deployments). */
  static void deployBaseline(Node node) throws Exception {
    Http admin = new Http(node.port).basic(ADMIN, node.adminPassword);
    Map<String, String> files = new LinkedHashMap<>();
    for (String key : List.of("arende", "uppdrag")) {
      if (files.values().stream().noneMatch(x -> x.contains("<bpmn:process id=\"" + BENCH + key + "\""))) {
        Reply r = admin.get("/engine-rest/process-definition/key/" + key + "/xml");
        check(r, 200);
        files.put(key, baselineXml(jsonString(r.body(), "bpmn20Xml")));
      }
    }
    String xml = String.join("", files.values());
    Files.writeString(Path.of(OPT.get("out"), "baseline.bpmn"), xml);
    for (var f : files.entrySet()) {
      for (String tenant : f.getValue().contains("<bpmn:process id=\"" + BENCH + "uppdrag\"") && f.getValue().contains(
          "<bpmn:process id=\"" + BENCH + "arende\"") ? List.of("stockholm", "malmo") : List.of(f.getKey().equals("arende") ? "stockholm" : "malmo")) {
        check(admin.multipart("/engine-rest/deployment/create", BENCH + f.getKey() + ".bpmn", f.getValue(), "deployment-name", "bench-baseline",
            "tenant-id", tenant), 200);
      }
    }
    // the real definitions' grants (RoleAuthorizations), for the baseline's keys
    check(admin.post("/engine-rest/authorization/create", "{\"type\":1,\"permissions\":[\"READ\",\"CREATE_INSTANCE\"],"
        + "\"groupId\":\"stockholm-handlaggare\",\"resourceType\":6,\"resourceId\":\"" + BENCH + "arende\"}", null), 200);
    check(admin.post("/engine-rest/authorization/create", "{\"type\":1,\"permissions\":[\"READ\"],"
        + "\"groupId\":\"malmo-handlaggare\",\"resourceType\":6,\"resourceId\":\"" + BENCH + "uppdrag\"}", null), 200);
  }

  static final java.util.concurrent.atomic.AtomicInteger BASELINE_CASES = new java.util.concurrent.atomic.AtomicInteger();

  /** One whole case, real or baseline; returns whether the quota exception was needed. */
  static boolean lifecycleCase(Node node, boolean baseline, boolean quotaException) throws Exception {
    List<Step> steps = new ArrayList<>(TILL_VERKSTALLIGHET);
    steps.add(AVBRYTER);
    if (!baseline) {
      String[] started = startRealCase(node);
      return drive(node, started[1], steps, null).contains("UserTask_GodkannUndantag");
    }
    String key = "BENCH-" + BASELINE_CASES.incrementAndGet();
    String body = vars(concat(INTAKE, "polisskyddKravs", true));
    body = body.substring(0, body.length() - 1) + ",\"businessKey\":\"" + key + "\"}";
    check(as(node, STHLM).post("/engine-rest/process-definition/key/" + BENCH + "arende/tenant-id/stockholm/submit-form", body, null), 200);
    drive(node, key, steps, Map.of("UserTask_ValjMottagandeKommun", new Object[] {"kvotOverskriden", quotaException}));
    return quotaException;
  }

  record Run(Latency latency, double seconds, int cases, int quotaExceptions) {
    double perSecond() {
      return cases / seconds;
    }
  }

  /** n cases by `workers` parallel clients; the baseline's case i takes the quota path the real case i took. */
  static Run lifecycleRun(Node node, boolean baseline, int n, List<Boolean> quotaPath) throws Exception {
    int workers = Integer.parseInt(OPT.get("lifecycle-workers"));
    Latency latency = new Latency();
    List<Boolean> taken = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
    List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int w = 0; w < workers; w++) {
      futures.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < n) {
          long c0 = System.nanoTime();
          boolean q = lifecycleCase(node, baseline, baseline && quotaPath.get(i % quotaPath.size()));
          synchronized (latency) {
            latency.add(System.nanoTime() - c0);
          }
          taken.add(q);
        }
        return null;
      }));
    }
    for (var f : futures) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (quotaPath != null) {
      quotaPath.clear();
    }
    return new Run(latency, seconds, n, (int) taken.stream().filter(b -> b).count());
  }

  static void lifecycle() throws Exception {
    int n = Integer.parseInt(OPT.get("cases"));
    Node node = plain(0);
    ensureUsers(node);
    deployBaseline(node);
    // warm-up: a few cases of each, not counted
    List<Boolean> quota = new ArrayList<>(List.of(false));
    lifecycleRun(node, false, 3, null);
    lifecycleRun(node, true, 3, quota);
    Run real = lifecycleRun(node, false, n, null);
    List<Boolean> path = new ArrayList<>();
    // the baseline follows the real run's quota decisions (the same share of cases through the manager's exception)
    for (int i = 0; i < n; i++) {
      path.add(i < real.quotaExceptions());
    }
    Run base = lifecycleRun(node, true, n, path);
    node.report("after " + (2 * n + 6) + " whole cases (lifecycle load)");
    String ended;
    try (Connection c = db()) {
      ended = String.format(Locale.ROOT, "ended: real %d of %d at EndEvent_Avbrutet (service's status AVBRUTET: %d), baseline %d",
          scalar(c, "select count(*) from act_hi_procinst where proc_def_key_ = 'arende' and end_act_id_ = 'EndEvent_Avbrutet'"), n + 3,
          scalar(c, "select count(*) from arende where status = 'AVBRUTET'"),
          scalar(c, "select count(*) from act_hi_procinst where proc_def_key_ = '" + BENCH + "arende' and end_act_id_ = 'EndEvent_Avbrutet'"));
    }
    line("");
    line("## Lifecycle: " + n + " whole cases, " + OPT.get("lifecycle-workers") + " clients, one node (intake → request accepted by Malmö →"
        + " decision → plan → implementation → the person withdraws → both instances end), " + (TILL_VERKSTALLIGHET.size() + 2)
        + " REST submissions per case (at most)");
    line(String.format(Locale.ROOT, "service (real processes, delegates, listeners, form checks): %.2f cases/s; per case %s; quota exceptions %d",
        real.perSecond(), real.latency(), real.quotaExceptions()));
    line(String.format(Locale.ROOT, "baseline (same diagram without delegates, %s*):              %.2f cases/s; per case %s",
        BENCH, base.perSecond(), base.latency()));
    line(String.format(Locale.ROOT, "ratio service / baseline: throughput %.2f, latency p50 %.2f, p95 %.2f; %s", real.perSecond() / base.perSecond(),
        real.latency().p(50) / base.latency().p(50), real.latency().p(95) / base.latency().p(95), ended));
  }

  // ---------------------------------------------------------------- nodes

  static int port(int i) {
    return Integer.parseInt(OPT.get("port")) + i;
  }

  /**
   * The service as shipped (no extra arguments, the JVM flags of --jvm), on port(0) and port(1): started once
   * and kept from part to part (a node start costs ~20 s of the run), so the task list, lifecycle, timer and
   * node-death parts meet a node that has been running, as a server in use has. Nodes with other settings
   * (authorization off, Camunda's statements, the start-up measurements) use port(2) and stop after their part.
   */
  static final Node[] PLAIN = new Node[2];
  static int plainStarts;

  static Node plain(int slot) throws Exception {
    if (PLAIN[slot] == null || !PLAIN[slot].process.isAlive()) {
      PLAIN[slot] = Node.start("node" + slot + (plainStarts++ < 2 ? "" : "-" + plainStarts), port(slot));
    }
    return PLAIN[slot];
  }

  static final class Node {
    final String name;
    final int port;
    final Process process;
    final String adminPassword = PASSWORD;
    final double startSeconds;

    private Node(String name, int port, Process process, double startSeconds) {
      this.name = name;
      this.port = port;
      this.process = process;
      this.startSeconds = startSeconds;
    }

    static final List<Process> ALL = new ArrayList<>();
    /** How long after health 200 a node's idle RSS is read. */
    static long settleMs = 1000;

    static {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> ALL.forEach(Process::destroyForcibly)));
    }

    static Node start(String name, int port, String... args) throws Exception {
      // the node runs at the benchmark's own priority (bench/run's nice 10), as the service would run beside its
      // clients; a further "nice" made the client's compiler and collector threads preempt the service
      List<String> cmd = new ArrayList<>(List.of("java"));
      cmd.addAll(jvmFlags(OPT.get("jvm")));
      cmd.addAll(List.of("-jar", OPT.get("jar"), "--server.port=" + port,
          "--camunda.bpm.job-execution.lock-time-in-millis=" + OPT.get("lock-ms")));
      cmd.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(Path.of(OPT.get("out"), "node-" + name + ".log").toFile());
      Map<String, String> env = pb.environment();
      env.put("SPRING_PROFILES_ACTIVE", "postgres");
      env.put("AVHOPPARE_DB_URL", "jdbc:postgresql://" + OPT.get("pg") + "/" + OPT.get("db"));
      env.put("AVHOPPARE_DB_USER", OPT.get("db-user"));
      env.put("AVHOPPARE_DB_PASSWORD", OPT.get("db-password"));
      if (!OPT.get("db-pool").isBlank()) {
        env.put("AVHOPPARE_DB_POOL_SIZE", OPT.get("db-pool"));
      }
      env.put("AVHOPPARE_ADMIN_USER", ADMIN);
      env.put("AVHOPPARE_ADMIN_PASSWORD", PASSWORD);
      env.put("AVHOPPARE_IDENTITET_NYCKLAR", KEYS);
      env.put("AVHOPPARE_IDENTITET_AKTIV_NYCKEL", "k1");
      try {
        new Http(port).get("/actuator/health");
        throw new IllegalStateException("port " + port + " is in use (another benchmark?): choose another with --port");
      } catch (IOException free) {
        // nothing listens: the node can have it
      }
      long t0 = System.nanoTime();
      Process p = pb.start();
      ALL.add(p);
      Http http = new Http(port);
      long deadline = t0 + Duration.ofMinutes(10).toNanos();
      while (true) {
        if (!p.isAlive()) {
          throw new IllegalStateException("node " + name + " exited; see " + OPT.get("out") + "/node-" + name + ".log");
        }
        try {
          if (http.get("/actuator/health").statusCode() == 200) {
            break;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        if (System.nanoTime() > deadline) {
          p.destroyForcibly();
          throw new IllegalStateException("node " + name + " did not start");
        }
        Thread.sleep(100);
      }
      Node node = new Node(name, port, p, (System.nanoTime() - t0) / 1e9);
      Thread.sleep(settleMs);
      String started = "";
      Matcher m = Pattern.compile("Started AvhopparApplication in ([0-9.]+) seconds").matcher(Files.readString(
          Path.of(OPT.get("out"), "node-" + name + ".log")));
      if (m.find()) {
        started = " (Spring's own figure " + m.group(1) + " s)";
      }
      line(String.format(Locale.ROOT, "node %s: up (health 200) %.1f s after launch%s; RSS idle %d MiB; %s", name,
          node.startSeconds, started, node.rssMiB(), String.join(" ", args)));
      return node;
    }

    long rssMiB() throws IOException {
      for (String l : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
        }
      }
      return -1;
    }

    /** Seconds the node's JIT compilers have worked since it started ({@code jstat -compiler}, beside this JVM's java), or NaN. */
    double compileSeconds() {
      try {
        Path jstat = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jstat");
        Process p = new ProcessBuilder(jstat.toString(), "-compiler", String.valueOf(process.pid())).redirectErrorStream(true).start();
        String[] rows = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\n");
        p.waitFor();
        // Compiled Failed Invalid Time FailedType FailedMethod
        return rows.length < 2 ? Double.NaN : Double.parseDouble(rows[1].trim().split("\\s+")[3]);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Double.NaN;
      } catch (IOException | RuntimeException e) {
        return Double.NaN;
      }
    }

    void report(String when) throws IOException {
      line(String.format(Locale.ROOT, "node %s: RSS %s %d MiB", name, when, rssMiB()));
    }

    void stop() throws InterruptedException {
      process.destroy();
      process.waitFor();
    }

    void kill() throws InterruptedException {
      process.destroyForcibly(); // SIGKILL
      process.waitFor();
    }
  }

  // ---------------------------------------------------------------- plumbing

  static void createDatabase() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + OPT.get("pg") + "/postgres", OPT.get("pg-admin"), "")) {
      c.createStatement().execute("drop database if exists " + OPT.get("db") + " with (force)");
      c.createStatement().execute("create database " + OPT.get("db") + " owner " + OPT.get("db-user"));
    }
  }

  static Connection db() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:postgresql://" + OPT.get("pg") + "/" + OPT.get("db"), OPT.get("db-user"),
        OPT.get("db-password"));
    c.setAutoCommit(true);
    return c;
  }

  static final class Latency {
    final List<Long> nanos = new ArrayList<>();

    void add(long n) {
      nanos.add(n);
    }

    double p(int percentile) {
      long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "p50 %.1f p95 %.1f p99 %.1f ms (n=%d)", p(50), p(95), p(99), nanos.size());
    }
  }

  /** A response: status and body. */
  record Reply(String method, String uri, int statusCode, String body) {}

  /**
   * A client on {@link HttpURLConnection}: blocking, on the caller's thread, connections kept alive. The
   * JDK's {@code HttpClient} hands every exchange to threads of its own; on 2 cores, beside two nodes and
   * PostgreSQL, that is the client's cost counted as the service's (two task-list runs back to back on the
   * same code: list p50 1.2-1.4 ms and p95 4-8 ms lower with this client, docs/performance.md).
   */
  static final class Http {
    final String base;
    final CookieManager cookies = new CookieManager();
    String authorization;
    String csrf;

    Http(int port) {
      base = "http://127.0.0.1:" + port;
    }

    Http basic(String user, String password) {
      authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      return this;
    }

    Http webappLogin(String app, String user, String password) throws IOException {
      get("/camunda/app/" + app + "/");
      Reply r = send("POST", "/camunda/api/admin/auth/user/default/login/" + app, "application/x-www-form-urlencoded", null,
          "username=" + enc(user) + "&password=" + enc(password));
      check(r, 200);
      get("/camunda/api/admin/auth/user/default");
      return this;
    }

    Reply get(String path) throws IOException {
      return send("GET", path, null, null, null);
    }

    Reply post(String path, String json, String accept) throws IOException {
      return send("POST", path, "application/json", accept, json);
    }

    Reply put(String path) throws IOException {
      return send("PUT", path, null, null, "");
    }

    Reply multipart(String path, String fileName, String content, String... fields) throws IOException {
      String boundary = "----bench" + UUID.randomUUID();
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i + 1 < fields.length; i += 2) {
        sb.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
            .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
      }
      sb.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"data\"; filename=\"").append(fileName)
          .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n--").append(boundary).append("--\r\n");
      return send("POST", path, "multipart/form-data; boundary=" + boundary, null, sb.toString());
    }

    Reply send(String method, String path, String contentType, String accept, String body) throws IOException {
      URI uri = URI.create(base + path);
      HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
      c.setRequestMethod(method);
      c.setConnectTimeout(5_000);
      c.setReadTimeout(120_000);
      c.setUseCaches(false);
      for (Map.Entry<String, List<String>> h : cookies.get(uri, Map.of()).entrySet()) {
        if (!h.getValue().isEmpty()) {
          c.setRequestProperty(h.getKey(), String.join("; ", h.getValue()));
        }
      }
      if (authorization != null) {
        c.setRequestProperty("Authorization", authorization);
      }
      if (csrf != null) {
        c.setRequestProperty("X-XSRF-TOKEN", csrf);
      }
      if (accept != null) {
        c.setRequestProperty("Accept", accept);
      }
      if (body != null) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
          c.setRequestProperty("Content-Type", contentType);
        }
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(bytes.length);
        try (OutputStream out = c.getOutputStream()) {
          out.write(bytes);
        }
      }
      int status = c.getResponseCode();
      String text;
      try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
        // read to the end, so the connection goes back to the keep-alive pool
        text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      cookies.put(uri, c.getHeaderFields());
      String token = c.getHeaderField("X-XSRF-TOKEN");
      if (token != null) {
        csrf = token;
      }
      for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
        if (cookie.getName().equals("XSRF-TOKEN")) {
          csrf = cookie.getValue();
        }
      }
      return new Reply(method, uri.toString(), status, text);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void check(Reply r, int status) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(r.method() + " " + r.uri() + ": " + r.statusCode() + " " + r.body());
    }
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  static String machine() {
    try {
      String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 2)).orElse("?");
      String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
      return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + mem + ", Java " + System.getProperty("java.version")
          + ", load average " + Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  static void line(String s) {
    System.out.println(s);
    System.out.flush();
    REPORT.add(s);
  }
}
