package se.samverkan.avhoppare.arende;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverkan.avhoppare.arende.ProcessDiagramConventionsTest.BPMN;
import static se.samverkan.avhoppare.arende.ProcessDiagramConventionsTest.BPMNDI;
import static se.samverkan.avhoppare.arende.ProcessDiagramConventionsTest.FLOW_NODES;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every diagram in processes/ is readable as rendered by bpmn-js (Modeler, Cockpit, docs/diagrams):
 * <ol type="a">
 *   <li>no sequence or message flow segment passes through a shape other than its own source and
 *       target and the subprocesses that contain them;</li>
 *   <li>no external label (of an event, a gateway or a flow) overlaps a shape, another label, or a
 *       flow other than its own, and none straddles a subprocess or pool border;</li>
 *   <li>no word of a name is wider than the room bpmn-js wraps it in, so no word is broken: a task's
 *       or subprocess's width less 2 × 7 px padding at 12 px Arial, an external label's width at 11 px;</li>
 *   <li>every sequence flow runs left to right (its target's centre is not left of its source's),
 *       except the loop-backs listed in {@link #LOOP_BACKS};</li>
 *   <li>every message flow to or from a partner drawn as a black box (a participant without a
 *       process) is one straight vertical line between the shape and the partner's band.</li>
 * </ol>
 * Text widths come from the advance widths of Liberation Sans, which is metric-compatible with
 * Arial (bpmn-js's font), in 1/1000 em; a character not in the table counts as a full em, so the
 * estimate errs on the wide side. No font is loaded, so the result is the same on every machine.
 */
class DiagramLayoutTest {

  static final Path PROCESSES = Path.of("processes");

  /** Sequence flows that deliberately run back to an earlier step, with the reason. */
  static final Map<String, String> LOOP_BACKS = Map.ofEntries(
      Map.entry("Flow_UndantagAvslaget", "exception refused: choose another receiving municipality"),
      Map.entry("Flow_SamradNyKommun", "police advise against: choose another receiving municipality"),
      Map.entry("Flow_AvbojdNyKommun", "request declined: choose another receiving municipality"),
      Map.entry("Flow_ForceMajeureNyKommun", "force majeure: choose another receiving municipality"),
      Map.entry("Flow_PamintSvar", "reminded: wait for the answer again"),
      Map.entry("Flow_UppfoljningKlar", "follow-up done: wait for the next one"),
      Map.entry("Flow_BarnHemFortsatt", "event reported: the next event may be reported"),
      Map.entry("Flow_UppsagningHemFortsatt", "event reported: the next event may be reported"),
      Map.entry("Flow_BarnMottagandeFortsatt", "event reported: the next event may be reported"),
      Map.entry("Flow_UppsagningMeddeladMottagande", "event reported: the next event may be reported"),
      Map.entry("Flow_Korrigerat", "figures corrected: calculate again"));

  static final String CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
      + "abcdefghijklmnopqrstuvwxyz{|}~åäöÅÄÖéÉü§–—";
  static final int[] WIDTHS = {278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
      556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722,
      667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667,
      611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556,
      556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 556, 556, 556, 667, 667,
      778, 556, 667, 556, 556, 556, 1000};
  /** bpmn-js: task and subprocess names at 12 px with 7 px padding, external labels at 11 px. */
  static final double TASK_FONT = 12;
  static final double TASK_PADDING = 7;
  static final double LABEL_FONT = 11;
  /** bpmn-js's width for an external label that has no bounds of its own. */
  static final double DEFAULT_LABEL_WIDTH = 90;

  record Box(double x, double y, double w, double h) {
    Box shrink(double d) {
      return new Box(x + d, y + d, w - 2 * d, h - 2 * d);
    }

    boolean overlaps(Box o) {
      return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    boolean contains(Box o) {
      return o.x >= x && o.y >= y && o.x + o.w <= x + w && o.y + o.h <= y + h;
    }

    /** Whether the segment p–q enters the open box (Liang–Barsky clipping). */
    boolean hitBy(double[] p, double[] q) {
      double dx = q[0] - p[0];
      double dy = q[1] - p[1];
      double t0 = 0;
      double t1 = 1;
      double[][] sides = {{-dx, p[0] - x}, {dx, x + w - p[0]}, {-dy, p[1] - y}, {dy, y + h - p[1]}};
      for (double[] side : sides) {
        if (side[0] == 0) {
          if (side[1] <= 0) {
            return false;
          }
        } else {
          double t = side[1] / side[0];
          if (side[0] < 0) {
            t0 = Math.max(t0, t);
          } else {
            t1 = Math.min(t1, t);
          }
        }
      }
      return t0 < t1;
    }
  }

  /** One diagram as drawn: the semantic facts the checks need and the DI geometry. */
  static final class Diagram {
    final Map<String, String> kind = new HashMap<>();
    final Map<String, String> name = new HashMap<>();
    final Map<String, String> parent = new HashMap<>();
    final Map<String, String> source = new HashMap<>();
    final Map<String, String> target = new HashMap<>();
    final Map<String, Box> shapes = new LinkedHashMap<>();
    final Map<String, Box> labels = new LinkedHashMap<>();
    final Map<String, List<double[]>> edges = new LinkedHashMap<>();
    final Set<String> blackBoxes = new HashSet<>();

    Diagram(Path file) throws Exception {
      Document doc = ProcessDiagramConventionsTest.parse(file);
      NodeList all = doc.getElementsByTagNameNS(BPMN, "*");
      for (int i = 0; i < all.getLength(); i++) {
        Element e = (Element) all.item(i);
        String id = e.getAttribute("id");
        if (id.isEmpty()) {
          continue;
        }
        kind.put(id, e.getLocalName());
        name.put(id, e.getAttribute("name"));
        Node up = e.getParentNode();
        if (up instanceof Element p && "subProcess".equals(p.getLocalName())) {
          parent.put(id, p.getAttribute("id"));
        }
        if ("participant".equals(e.getLocalName()) && e.getAttribute("processRef").isEmpty()) {
          blackBoxes.add(id);
        }
        if (e.hasAttribute("sourceRef")) {
          source.put(id, e.getAttribute("sourceRef"));
          target.put(id, e.getAttribute("targetRef"));
        }
      }
      NodeList shapeList = doc.getElementsByTagNameNS(BPMNDI, "BPMNShape");
      for (int i = 0; i < shapeList.getLength(); i++) {
        Element s = (Element) shapeList.item(i);
        String id = s.getAttribute("bpmnElement");
        shapes.put(id, bounds(s));
        Element label = firstChild(s, BPMNDI, "BPMNLabel");
        if (label != null) {
          labels.put(id, bounds(label));
        }
      }
      NodeList edgeList = doc.getElementsByTagNameNS(BPMNDI, "BPMNEdge");
      for (int i = 0; i < edgeList.getLength(); i++) {
        Element e = (Element) edgeList.item(i);
        String id = e.getAttribute("bpmnElement");
        List<double[]> points = new ArrayList<>();
        NodeList wps = e.getElementsByTagNameNS("http://www.omg.org/spec/DD/20100524/DI", "waypoint");
        for (int j = 0; j < wps.getLength(); j++) {
          Element w = (Element) wps.item(j);
          points.add(new double[] {Double.parseDouble(w.getAttribute("x")), Double.parseDouble(w.getAttribute("y"))});
        }
        edges.put(id, points);
        Element label = firstChild(e, BPMNDI, "BPMNLabel");
        if (label != null) {
          labels.put(id, bounds(label));
        }
      }
    }

    boolean isFlowNode(String id) {
      return FLOW_NODES.contains(kind.get(id));
    }

    /** The element and every subprocess around it. */
    Set<String> withContainers(String id) {
      Set<String> out = new HashSet<>();
      for (String e = id; e != null; e = parent.get(e)) {
        out.add(e);
      }
      return out;
    }

    private static Element firstChild(Element e, String ns, String local) {
      NodeList l = e.getElementsByTagNameNS(ns, local);
      return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    private static Box bounds(Element e) {
      Element b = firstChild(e, "http://www.omg.org/spec/DD/20100524/DC", "Bounds");
      return new Box(Double.parseDouble(b.getAttribute("x")), Double.parseDouble(b.getAttribute("y")),
          Double.parseDouble(b.getAttribute("width")), Double.parseDouble(b.getAttribute("height")));
    }
  }

  static List<Path> diagrams() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  /** Width in px of a text in Arial at the given size. */
  static double textWidth(String text, double size) {
    double units = 0;
    for (char c : text.toCharArray()) {
      int i = CHARS.indexOf(c);
      units += i < 0 ? 1000 : WIDTHS[i];
    }
    return units * size / 1000;
  }

  /** The widest word; bpmn-js breaks lines at spaces, hyphens and soft hyphens only. */
  static double widestWord(String text, double size) {
    double max = 0;
    for (String word : text.split("[\\s\\-\\u00AD]+")) {
      max = Math.max(max, textWidth(word, size));
    }
    return max;
  }

  static List<String> problems(Path file) throws Exception {
    Diagram d = new Diagram(file);
    List<String> problems = new ArrayList<>();
    List<String> nodes = d.shapes.keySet().stream().filter(d::isFlowNode).toList();

    // (a) no flow through a foreign shape
    d.edges.forEach((edge, points) -> {
      Set<String> own = new HashSet<>(d.withContainers(d.source.get(edge)));
      own.addAll(d.withContainers(d.target.get(edge)));
      for (String node : nodes) {
        if (own.contains(node)) {
          continue;
        }
        Box box = d.shapes.get(node).shrink(2);
        for (int i = 0; i + 1 < points.size(); i++) {
          if (box.hitBy(points.get(i), points.get(i + 1))) {
            problems.add("(a) " + edge + " passes through " + node);
            break;
          }
        }
      }
    });

    // (b) labels clear of shapes, labels and other flows
    List<String> labelled = new ArrayList<>(d.labels.keySet());
    for (int i = 0; i < labelled.size(); i++) {
      String id = labelled.get(i);
      Box label = d.labels.get(id);
      for (String node : nodes) {
        Box shape = d.shapes.get(node);
        if (node.equals(id)) {
          continue;
        }
        if ("subProcess".equals(d.kind.get(node))) {
          if (label.overlaps(shape) && !shape.contains(label)) {
            problems.add("(b) the label of " + id + " straddles the border of " + node);
          }
        } else if (label.shrink(1).overlaps(shape.shrink(2))) {
          problems.add("(b) the label of " + id + " overlaps " + node);
        }
      }
      d.shapes.forEach((pool, shape) -> {
        if ("participant".equals(d.kind.get(pool)) && label.overlaps(shape) && !shape.contains(label)) {
          problems.add("(b) the label of " + id + " straddles the border of the pool " + pool);
        }
      });
      for (int j = i + 1; j < labelled.size(); j++) {
        if (label.overlaps(d.labels.get(labelled.get(j)))) {
          problems.add("(b) the label of " + id + " overlaps the label of " + labelled.get(j));
        }
      }
      d.edges.forEach((edge, points) -> {
        if (edge.equals(id)) {
          return;
        }
        for (int k = 0; k + 1 < points.size(); k++) {
          if (label.shrink(1).hitBy(points.get(k), points.get(k + 1))) {
            problems.add("(b) " + edge + " runs through the label of " + id);
            break;
          }
        }
      });
    }

    // (c) no word broken
    for (String id : d.shapes.keySet()) {
      String kind = d.kind.get(id);
      String name = d.name.getOrDefault(id, "");
      if (kind == null || name.isBlank() || !d.isFlowNode(id)) {
        continue;
      }
      boolean embedded = kind.endsWith("Task") || "subProcess".equals(kind) || "callActivity".equals(kind);
      double room = embedded ? d.shapes.get(id).w() - 2 * TASK_PADDING
          : d.labels.containsKey(id) ? d.labels.get(id).w() : DEFAULT_LABEL_WIDTH;
      double word = widestWord(name, embedded ? TASK_FONT : LABEL_FONT);
      if (word > room) {
        problems.add(String.format("(c) a word of \"%s\" (%s) is %.0f px wide, room %.0f px", name, id, word, room));
      }
    }
    d.edges.keySet().stream().filter(e -> !d.name.getOrDefault(e, "").isBlank()).forEach(e -> {
      double room = d.labels.containsKey(e) ? d.labels.get(e).w() : DEFAULT_LABEL_WIDTH;
      double word = widestWord(d.name.get(e), LABEL_FONT);
      if (word > room) {
        problems.add(String.format("(c) a word of the label of %s is %.0f px wide, room %.0f px", e, word, room));
      }
    });

    // (d) left to right, (e) message flows straight and vertical
    d.edges.forEach((edge, points) -> {
      if ("sequenceFlow".equals(d.kind.get(edge)) && !LOOP_BACKS.containsKey(edge)) {
        Box from = d.shapes.get(d.source.get(edge));
        Box to = d.shapes.get(d.target.get(edge));
        if (to.x() + to.w() / 2 < from.x() + from.w() / 2 - 1) {
          problems.add("(d) " + edge + " runs right to left");
        }
      }
      boolean toBlackBox = d.blackBoxes.contains(d.source.get(edge)) || d.blackBoxes.contains(d.target.get(edge));
      if ("messageFlow".equals(d.kind.get(edge)) && toBlackBox
          && (points.size() != 2 || Math.abs(points.get(0)[0] - points.get(1)[0]) > 0.5)) {
        problems.add("(e) " + edge + " is not one vertical line");
      }
    });
    return problems;
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void isReadable(Path diagram) throws Exception {
    assertThat(problems(diagram)).as(diagram + " as rendered").isEmpty();
  }

  @Test
  void everyListedLoopBackIsInADiagram() throws Exception {
    Set<String> flows = new HashSet<>();
    for (Path file : diagrams()) {
      flows.addAll(new Diagram(file).edges.keySet());
    }
    assertThat(flows).as("loop-backs in LOOP_BACKS that no diagram has").containsAll(LOOP_BACKS.keySet());
  }
}
