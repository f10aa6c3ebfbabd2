package io.meshwork.lineage.query;

import io.meshwork.lineage.graph.Node;
import io.meshwork.lineage.graph.Walk;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Draws a walk the way lineage diagrams are drawn by hand (and in the seed): datasets as boxes,
 * each job as the label of the arrows from the datasets it reads to the ones it writes. A job with
 * no input or no output in view is drawn as a node of its own.
 */
final class LineageDrawing {

  private final Map<String, Node> datasets = new TreeMap<>();
  private final Map<String, Node> jobs = new TreeMap<>();
  private final Map<String, TreeSet<String>> reads = new TreeMap<>();
  private final Map<String, TreeSet<String>> writes = new TreeMap<>();
  private final Map<String, String> ids = new LinkedHashMap<>();

  LineageDrawing(Walk walk) {
    add(walk.root());
    walk.reached().forEach(r -> add(r.node()));
    for (Walk.Link link : walk.links()) {
      if (link.source().isDataset()) {
        reads
            .computeIfAbsent(link.target().key().id(), k -> new TreeSet<>())
            .add(link.source().key().id());
      } else {
        writes
            .computeIfAbsent(link.source().key().id(), k -> new TreeSet<>())
            .add(link.target().key().id());
      }
    }
    datasets.keySet().forEach(id -> ids.put(id, "d" + ids.size()));
    jobs.keySet().forEach(id -> ids.put(id, "j" + ids.size()));
  }

  private void add(Node node) {
    (node.isDataset() ? datasets : jobs).put(node.key().id(), node);
  }

  String mermaid() {
    StringBuilder out = new StringBuilder("graph TD\n");
    for (Map.Entry<String, Node> dataset : datasets.entrySet()) {
      out.append("    ")
          .append(ids.get(dataset.getKey()))
          .append("(\"")
          .append(mermaidText(dataset.getValue().name()))
          .append("\")\n");
    }
    for (Map.Entry<String, Node> job : jobs.entrySet()) {
      List<String> in = List.copyOf(reads.getOrDefault(job.getKey(), new TreeSet<>()));
      List<String> out2 = List.copyOf(writes.getOrDefault(job.getKey(), new TreeSet<>()));
      String label = mermaidText(job.getValue().name());
      if (in.isEmpty() || out2.isEmpty()) {
        String jobId = ids.get(job.getKey());
        out.append("    ").append(jobId).append("{{\"").append(label).append("\"}}\n");
        in.forEach(
            i -> out.append("    ").append(ids.get(i)).append(" --> ").append(jobId).append('\n'));
        out2.forEach(
            o -> out.append("    ").append(jobId).append(" --> ").append(ids.get(o)).append('\n'));
        continue;
      }
      for (String i : in) {
        for (String o : out2) {
          out.append("    ")
              .append(ids.get(i))
              .append(" -->|\"")
              .append(label)
              .append("\"| ")
              .append(ids.get(o))
              .append('\n');
        }
      }
    }
    return out.toString();
  }

  String dot() {
    StringBuilder out =
        new StringBuilder("digraph lineage {\n    rankdir=LR;\n    node [shape=box];\n");
    for (Map.Entry<String, Node> dataset : datasets.entrySet()) {
      out.append("    ")
          .append(ids.get(dataset.getKey()))
          .append(" [label=")
          .append(dotText(dataset.getValue().name()))
          .append(", tooltip=")
          .append(dotText(dataset.getKey()))
          .append("];\n");
    }
    for (Map.Entry<String, Node> job : jobs.entrySet()) {
      List<String> in = List.copyOf(reads.getOrDefault(job.getKey(), new TreeSet<>()));
      List<String> outs = List.copyOf(writes.getOrDefault(job.getKey(), new TreeSet<>()));
      String label = dotText(job.getValue().name());
      if (in.isEmpty() || outs.isEmpty()) {
        String jobId = ids.get(job.getKey());
        out.append("    ")
            .append(jobId)
            .append(" [shape=hexagon, label=")
            .append(label)
            .append("];\n");
        in.forEach(
            i -> out.append("    ").append(ids.get(i)).append(" -> ").append(jobId).append(";\n"));
        outs.forEach(
            o -> out.append("    ").append(jobId).append(" -> ").append(ids.get(o)).append(";\n"));
        continue;
      }
      for (String i : in) {
        for (String o : outs) {
          out.append("    ")
              .append(ids.get(i))
              .append(" -> ")
              .append(ids.get(o))
              .append(" [label=")
              .append(label)
              .append("];\n");
        }
      }
    }
    return out.append("}\n").toString();
  }

  private static String mermaidText(String text) {
    return text.replace("\"", "#quot;").replace("\n", " ");
  }

  private static String dotText(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
  }
}
