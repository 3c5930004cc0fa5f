package se.samverkan.avhoppare.security.attack;

import java.util.Map;

/** One attempt against another municipality's data: a request template with placeholders. */
record Attack(String method, String path, String body) {

  static Attack parse(String line) {
    String[] parts = line.trim().split("\\s+", 3);
    return new Attack(parts[0], parts[1], parts.length > 2 ? parts[2] : null);
  }

  Attack resolve(Map<String, String> values) {
    String p = path;
    String b = body;
    for (Map.Entry<String, String> e : values.entrySet()) {
      p = p.replace("{" + e.getKey() + "}", e.getValue());
      if (b != null) {
        b = b.replace("{" + e.getKey() + "}", e.getValue());
      }
    }
    return new Attack(method, p, b);
  }

  @Override
  public String toString() {
    return method + " " + path + (body == null ? "" : " " + body);
  }
}
