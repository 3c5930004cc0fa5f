package se.samverkan.avhoppare.security.attack;

import java.util.Map;

/**
 * One attempt against another municipality's data: a request template with placeholders. A line
 * starting with {@code ~} lists data the attacker may legitimately see (shared definitions, their
 * own cases): it passes when none of the victim's data is in the answer, whatever the status.
 */
record Attack(String method, String path, String body, boolean mayListOwnData) {

  static Attack parse(String line) {
    String trimmed = line.trim();
    boolean own = trimmed.startsWith("~");
    String[] parts = (own ? trimmed.substring(1) : trimmed).split("\\s+", 3);
    return new Attack(parts[0], parts[1], parts.length > 2 ? parts[2] : null, own);
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
    return new Attack(method, p, b, mayListOwnData);
  }

  @Override
  public String toString() {
    return method + " " + path + (body == null ? "" : " " + body);
  }
}
