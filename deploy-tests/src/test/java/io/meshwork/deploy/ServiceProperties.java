package io.meshwork.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration a service reads, collected from its sources: keys and {@code ${...}} references
 * of its application.properties and of the platform modules it depends on
 * (META-INF/microprofile-config.properties), {@code @ConfigMapping} interfaces and
 * {@code @ConfigProperty} names. An environment variable reaches the service only if it is one of
 * these names in Quarkus's environment form (QUARKUS_DATASOURCE_JDBC_URL).
 */
final class ServiceProperties {

  private static final Pattern PLATFORM_DEPENDENCY =
      Pattern.compile("<artifactId>meshwork-(web|events|clients)</artifactId>");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^:}$]+)");
  private static final Pattern PROFILE = Pattern.compile("^%[\\w-]+\\.");
  private static final Pattern CONFIG_MAPPING =
      Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
  private static final Pattern CONFIG_PROPERTY =
      Pattern.compile("@ConfigProperty\\(\\s*name = \"([^\"]+)\"");
  private static final Pattern INTERFACE = Pattern.compile("\\binterface (\\w+)");
  private static final Pattern METHOD =
      Pattern.compile("^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s+)*([\\w.]+)(?:<.*>)?\\s+(\\w+)\\(\\);");
  private static final Pattern CAMEL_HUMP = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

  /**
   * Properties a Quarkus extension reads that the files need not mention (a production password has
   * no default to write down), implied by a property that shows the extension is configured.
   */
  private static final Map<String, List<String>> IMPLIED =
      Map.of("quarkus.datasource.db-kind", List.of("quarkus.datasource.password"));

  private final Set<String> properties;

  private ServiceProperties(Set<String> properties) {
    this.properties = properties;
  }

  /** What {@code module} (e.g. catalog-service) reads. */
  static ServiceProperties of(String module) {
    Path root = MeshworkChart.ROOT;
    List<Path> sources = new ArrayList<>(List.of(root.resolve(module)));
    Matcher platform = PLATFORM_DEPENDENCY.matcher(read(root.resolve(module).resolve("pom.xml")));
    while (platform.find()) {
      sources.add(root.resolve("platform").resolve(platform.group(1)));
    }
    Set<String> properties = new TreeSet<>();
    for (Path source : sources) {
      Path resources = source.resolve("src/main/resources");
      for (Path file :
          List.of(
              resources.resolve("application.properties"),
              resources.resolve("META-INF/microprofile-config.properties"))) {
        if (Files.isRegularFile(file)) {
          propertiesFile(read(file), properties);
        }
      }
      for (Path java : javaSources(source.resolve("src/main/java"))) {
        javaSource(read(java), properties);
      }
    }
    IMPLIED.forEach(
        (configured, implied) -> {
          if (properties.contains(configured)) {
            properties.addAll(implied);
          }
        });
    return new ServiceProperties(properties);
  }

  /** The property names (and environment names used as properties), e.g. for a message. */
  Set<String> properties() {
    return properties;
  }

  /** Whether an environment variable of this name maps to a property the service reads. */
  boolean reads(String environmentVariable) {
    return properties.stream().anyMatch(name -> envName(name).equals(environmentVariable));
  }

  /** Quarkus's environment form of a property: non-alphanumerics to '_', upper case. */
  static String envName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private static void propertiesFile(String text, Set<String> properties) {
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      int equals = trimmed.indexOf('=');
      if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 0) {
        continue;
      }
      properties.add(PROFILE.matcher(trimmed.substring(0, equals).strip()).replaceFirst(""));
      Matcher reference = REFERENCE.matcher(trimmed.substring(equals + 1));
      while (reference.find()) {
        properties.add(reference.group(1));
      }
    }
  }

  /** {@code @ConfigProperty} names and the keys of {@code @ConfigMapping} interfaces. */
  private static void javaSource(String text, Set<String> properties) {
    Matcher property = CONFIG_PROPERTY.matcher(text);
    while (property.find()) {
      properties.add(property.group(1));
    }
    Matcher mapping = CONFIG_MAPPING.matcher(text);
    if (!mapping.find()) {
      return;
    }
    Map<String, List<String[]>> methods = interfaceMethods(text);
    Matcher first = INTERFACE.matcher(text.substring(mapping.end()));
    if (first.find()) {
      mappingKeys(mapping.group(1), first.group(1), methods, properties);
    }
  }

  /** Methods (return type, name) of each interface of a file, nested ones included. */
  private static Map<String, List<String[]>> interfaceMethods(String text) {
    Map<String, List<String[]>> methods = new HashMap<>();
    Deque<String> open = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    int depth = 0;
    for (String line : text.split("\n")) {
      Matcher declared = INTERFACE.matcher(line);
      if (declared.find() && line.contains("{")) {
        open.push(declared.group(1));
        depths.push(depth);
        methods.putIfAbsent(declared.group(1), new ArrayList<>());
      } else if (!open.isEmpty()) {
        Matcher method = METHOD.matcher(line);
        if (method.find()) {
          methods.get(open.peek()).add(new String[] {method.group(1), method.group(2)});
        }
      }
      depth += count(line, '{') - count(line, '}');
      while (!depths.isEmpty() && depth <= depths.peek()) {
        open.pop();
        depths.pop();
      }
    }
    return methods;
  }

  private static void mappingKeys(
      String prefix, String type, Map<String, List<String[]>> methods, Set<String> properties) {
    for (String[] method : methods.getOrDefault(type, List.of())) {
      String key = prefix + "." + kebab(method[1]);
      if (methods.containsKey(method[0])) {
        mappingKeys(key, method[0], methods, properties);
      } else {
        properties.add(key);
      }
    }
  }

  private static String kebab(String camel) {
    return CAMEL_HUMP.matcher(camel).replaceAll("-").toLowerCase(Locale.ROOT);
  }

  private static int count(String line, char c) {
    return (int) line.chars().filter(ch -> ch == c).count();
  }

  private static List<Path> javaSources(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(file -> file.toString().endsWith(".java")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
