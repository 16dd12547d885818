package dev.trendoff.localstack.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * For tests: the documented shape of each command's {@code --json} object, the example under the
 * docs/json.md heading that names the command (like {@code `bench serving`}; several examples there
 * are alternative shapes, and an object matching one of them is documented), and how an object
 * differs from it in field names, nesting and kinds of value. A documented {@code null}, or a null
 * value, is taken for any kind; a documented {@code {}} for an object with any keys (keys that are
 * data); an array's elements are compared with the documented array's first element.
 */
public final class JsonDocs {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonDocs() {}

  /** The example object of {@code command} in docs/json.md (the first, when the section shows several). */
  public static JsonNode example(String command) {
    return examples(command).get(0);
  }

  /**
   * Every example object under the docs/json.md heading that names {@code command}: a command whose
   * object takes more than one shape (compare-users with two users and with more) shows each.
   */
  public static List<JsonNode> examples(String command) {
    List<String> lines = lines();
    String heading = "`" + command + "`";
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("## ") && lines.get(i).contains(heading)) {
        for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("## "); j++) {
          if (lines.get(j).strip().equals("```json")) {
            StringBuilder json = new StringBuilder();
            int k = j + 1;
            for (; !lines.get(k).strip().equals("```"); k++) {
              json.append(lines.get(k)).append('\n');
            }
            try {
              out.add(MAPPER.readTree(json.toString()));
            } catch (IOException e) {
              throw new AssertionError("docs/json.md: an example of " + heading + " is not JSON: " + e.getMessage(), e);
            }
            j = k;
          }
        }
        if (!out.isEmpty()) {
          return out;
        }
      }
    }
    throw new AssertionError("docs/json.md has no heading naming " + heading + " with a json example under it");
  }

  /** {@code json} (one JSON text) against the example of {@code command}: the differences, none when alike. */
  public static List<String> differences(String command, String json) {
    try {
      return differences(command, MAPPER.readTree(json));
    } catch (IOException e) {
      return List.of("not JSON: " + e.getMessage() + ": " + json);
    }
  }

  /** {@code actual} against the example of {@code command}: the differences, none when alike. */
  public static List<String> differences(String command, JsonNode actual) {
    List<String> fewest = null;
    for (JsonNode example : examples(command)) {
      List<String> out = new ArrayList<>();
      compare("", example, actual, out);
      if (fewest == null || out.size() < fewest.size()) {
        fewest = out;
      }
    }
    return fewest;
  }

  private static void compare(String path, JsonNode documented, JsonNode actual, List<String> out) {
    if (documented.isNull() || actual.isNull()) {
      return;
    }
    if (documented.getNodeType() != actual.getNodeType()) {
      out.add(where(path) + ": documented as " + documented.getNodeType() + ", is " + actual.getNodeType());
      return;
    }
    if (documented.isObject() && documented.size() > 0) {
      Set<String> expected = names(documented);
      Set<String> got = names(actual);
      for (String name : expected) {
        if (got.contains(name)) {
          compare(path + "." + name, documented.get(name), actual.get(name), out);
        } else {
          out.add(where(path) + ": documented field '" + name + "' is missing");
        }
      }
      got.removeAll(expected);
      got.forEach(name -> out.add(where(path) + ": field '" + name + "' is not documented"));
    } else if (documented.isArray() && documented.size() > 0) {
      for (int i = 0; i < actual.size(); i++) {
        compare(path + "[" + i + "]", documented.get(0), actual.get(i), out);
      }
    }
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static String where(String path) {
    return path.isEmpty() ? "the object" : path.substring(1);
  }

  /** docs/json.md of the repository: found from the working directory (a module's or the root) upwards. */
  private static List<String> lines() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path doc = dir.resolve("docs/json.md");
      if (Files.isRegularFile(doc)) {
        try {
          return Files.readAllLines(doc);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new AssertionError("no docs/json.md in " + Path.of("").toAbsolutePath() + " or above");
  }
}
