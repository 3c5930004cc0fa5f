package se.samverkan.avhoppare.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Camunda webapp our users meet speaks Swedish completely: each key of the English locale
 * Camunda ships (read from the webapp jar on the classpath, so an upgrade that adds labels fails here)
 * has a non-empty Swedish value in our {@code sv.json}, keeping the same {@code {{placeholders}}}, and
 * the app's {@code config.js} offers Swedish only.
 */
class WebappLocalesTest {

  static final String APPS = "META-INF/resources/webjars/camunda/app/";
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");
  final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "admin", "tasklist", "welcome"})
  void everyEnglishKeyHasASwedishValue(String app) throws IOException {
    Map<String, String> english = flatten(read(APPS + app + "/locales/en.json", "jar:"));
    Map<String, String> swedish = flatten(read(APPS + app + "/locales/sv.json", "file:"));
    assertThat(english).as("Camunda's English labels of %s", app).hasSizeGreaterThan(100);

    List<String> missing = new ArrayList<>();
    List<String> placeholders = new ArrayList<>();
    english.forEach((key, en) -> {
      String sv = swedish.get(key);
      if (sv == null || (sv.isBlank() && !en.isBlank())) {
        missing.add(key + " (en: \"" + en + "\")");
      } else if (!placeholders(en).equals(placeholders(sv))) {
        placeholders.add(key + ": en " + placeholders(en) + ", sv " + placeholders(sv));
      }
    });
    assertThat(missing).as("keys of Camunda's %s en.json without a Swedish value in %s/locales/sv.json", app, app)
        .isEmpty();
    assertThat(placeholders).as("Swedish %s labels whose {{placeholders}} differ from the English", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "admin", "tasklist", "welcome"})
  void configOffersSwedishOnly(String app) throws IOException {
    String config;
    try (InputStream in = resource(APPS + app + "/scripts/config.js", "file:").openStream()) {
      config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String code = config.replaceAll("(?m)^\\s*//.*$", "").replaceAll("(?s)/\\*.*?\\*/", "");
    assertThat(code).as("%s/scripts/config.js", app)
        .containsPattern("availableLocales:\\s*\\[\\s*'sv'\\s*]")
        .containsPattern("fallbackLocale:\\s*'sv'");
  }

  private JsonNode read(String path, String protocol) throws IOException {
    try (InputStream in = resource(path, protocol).openStream()) {
      byte[] bytes = in.readAllBytes();
      String text = new String(bytes, StandardCharsets.UTF_8);
      return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  /** The one copy of {@code path} from a jar (Camunda's) or from our own resources (a directory). */
  private static URL resource(String path, String protocol) throws IOException {
    List<URL> found = Collections.list(WebappLocalesTest.class.getClassLoader().getResources(path)).stream()
        .filter(url -> url.toString().startsWith(protocol))
        .toList();
    assertThat(found).as("%s on the classpath (%s)", path, protocol.equals("jar:") ? "Camunda's webjar" : "ours")
        .hasSize(1);
    return found.get(0);
  }

  /** "labels.KEY" → text, "dateLocales.months[0]" → text, ... for every leaf. */
  private static Map<String, String> flatten(JsonNode node) {
    Map<String, String> out = new TreeMap<>();
    flatten("", node, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), out);
      }
    } else {
      out.put(prefix, node.asText());
    }
  }

  private static List<String> placeholders(String text) {
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    Collections.sort(names);
    return names;
  }
}
