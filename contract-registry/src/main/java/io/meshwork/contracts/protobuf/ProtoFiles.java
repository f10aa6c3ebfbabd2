package io.meshwork.contracts.protobuf;

import com.squareup.wire.schema.CoreLoader;
import com.squareup.wire.schema.ErrorCollector;
import com.squareup.wire.schema.Linker;
import com.squareup.wire.schema.Loader;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.SchemaException;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import io.meshwork.contracts.registry.RegistryException;
import io.meshwork.web.problem.Incidents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * {@code .proto} text through Wire (the parser Confluent's registry uses): parsed, then linked
 * against the files its imports name, so an unknown type or a clash is refused at registration.
 */
final class ProtoFiles {

  /** The registered file's path while it is parsed and linked; imports use reference names. */
  static final String ROOT = "registered.proto";

  private static final Logger LOG = Logger.getLogger(ProtoFiles.class);
  private static final String WELL_KNOWN = "google/protobuf/";
  private static final Pattern PLACE = Pattern.compile("([\\w./-]+\\.proto):(\\d+):(\\d+)");
  private static final String HEADER = "// Proto schema formatted by Wire";
  private static final int MAX_DEPTH = 64;

  private ProtoFiles() {}

  static ProtoFileElement parse(String text) {
    requireShallow(text);
    try {
      return ProtoParser.Companion.parse(Location.get(ROOT), text);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw invalid(e.getMessage().replaceFirst("^Syntax error in ", ""));
    }
  }

  /**
   * Links {@code root} with {@code dependencies} (import path to file). Google's well-known types
   * ({@code google/protobuf/*.proto}) resolve without being registered, as Confluent's do.
   */
  static Schema link(ProtoFileElement root, Map<String, ProtoFileElement> dependencies) {
    for (String path : imports(root)) {
      if (!dependencies.containsKey(path) && !wellKnown(path)) {
        throw invalid(
            "import \""
                + path
                + "\" is not among the schema's references; register it and add a reference"
                + " named \""
                + path
                + "\"");
      }
    }
    Loader loader = new DependencyLoader(root, dependencies);
    try {
      return new Linker(loader, new ErrorCollector(), false, true)
          .link(List.of(ProtoFile.Companion.get(root)));
    } catch (SchemaException e) {
      throw invalid(String.join("; ", e.getMessage().lines().map(String::strip).toList()));
    } catch (IllegalArgumentException e) {
      // What Wire refuses while resolving a type: "map key must be non-byte, ...: bytes".
      throw invalid(e.getMessage());
    } catch (RuntimeException e) {
      // Wire's linker reports what it cannot link as SchemaException; anything else is ours.
      throw RegistryException.invalidSchema(
          Incidents.record(
              LOG, "Invalid schema of type PROTOBUF, details: the schema cannot be linked", e));
    }
  }

  /**
   * Wire's parser and linker recurse once per level of nesting, so a file nested thousands deep
   * would exhaust the stack (and hundreds deep takes seconds); real files stay within a few levels.
   */
  private static void requireShallow(String text) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (text.startsWith("//", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end;
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? text.length() : end + 1;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '{' || c == '[' || c == '(' || c == '<') {
        if (++depth > MAX_DEPTH) {
          throw invalid("the file nests deeper than " + MAX_DEPTH + " levels");
        }
      } else if (c == '}' || c == ']' || c == ')' || c == '>') {
        depth = Math.max(0, depth - 1);
      }
    }
  }

  /** Wire's rendering of a file, without the banner it puts first. */
  static String print(ProtoFileElement file) {
    String text = file.toSchema();
    if (text.startsWith(HEADER)) {
      int body = text.indexOf("\n\n");
      text = body < 0 ? text : text.substring(body + 2);
    }
    return text;
  }

  static boolean wellKnown(String path) {
    return path.startsWith(WELL_KNOWN)
        && ProtoFiles.class.getClassLoader().getResource(path) != null;
  }

  static RegistryException invalid(String detail) {
    return RegistryException.invalidSchema(
        "Invalid schema of type PROTOBUF, details: " + places(detail));
  }

  private static List<String> imports(ProtoFileElement file) {
    List<String> all = new ArrayList<>(file.getImports());
    all.addAll(file.getPublicImports());
    all.addAll(file.getWeakImports());
    return all;
  }

  /** {@code registered.proto:3:5} reads "line 3, column 5"; other files keep their name. */
  private static String places(String detail) {
    Matcher matcher = PLACE.matcher(detail);
    StringBuilder text = new StringBuilder();
    while (matcher.find()) {
      String file = matcher.group(1).equals(ROOT) ? "" : matcher.group(1) + " ";
      matcher.appendReplacement(
          text,
          Matcher.quoteReplacement(
              file + "line " + matcher.group(2) + ", column " + matcher.group(3)));
    }
    return matcher.appendTail(text).toString();
  }

  /** The registered file, the files of its references by import path, then Wire's own. */
  private record DependencyLoader(ProtoFileElement root, Map<String, ProtoFileElement> files)
      implements Loader {

    @Override
    public ProtoFile load(String path) {
      if (path.equals(ROOT)) {
        return ProtoFile.Companion.get(root);
      }
      ProtoFileElement file = files.get(path);
      if (file != null) {
        return ProtoFile.Companion.get(
            file.copy(
                Location.get(path),
                file.getPackageName(),
                file.getSyntax(),
                file.getImports(),
                file.getPublicImports(),
                file.getWeakImports(),
                file.getTypes(),
                file.getServices(),
                file.getExtendDeclarations(),
                file.getOptions()));
      }
      return CoreLoader.INSTANCE.load(path);
    }

    @Override
    public Loader withErrors(ErrorCollector errors) {
      return this;
    }
  }
}
