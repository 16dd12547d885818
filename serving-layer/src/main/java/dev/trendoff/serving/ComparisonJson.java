package dev.trendoff.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trendoff.views.ViewPointer;

/**
 * {@code compare-users --json}: exactly the object of docs/compare.md '--json',
 * {@code {"users":[{"name","tweets","words"}x2],"words":[{"word","counts":[a,b]}],"view":{"version","cut","speedRows"}}}.
 * {@code view.version} is null when no recompute has published yet (then {@code cut} is "").
 */
public final class ComparisonJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ComparisonJson() {}

  public static ObjectNode tree(Comparison c) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode users = root.putArray("users");
    for (UserWords u : c.read().users()) {
      users.addObject().put("name", u.user()).put("tweets", u.tweets()).put("words", u.tokens());
    }
    ArrayNode words = root.putArray("words");
    for (WordCounts w : c.words()) {
      ObjectNode o = words.addObject().put("word", w.word());
      o.putArray("counts").add(w.a()).add(w.b());
    }
    ObjectNode view = root.putObject("view");
    ViewPointer v = c.read().view();
    if (v.exists()) {
      view.put("version", v.version());
    } else {
      view.putNull("version");
    }
    view.put("cut", v.cutText()).put("speedRows", c.read().speedRows());
    return root;
  }

  /** One line of JSON. */
  public static String render(Comparison c) {
    try {
      return MAPPER.writeValueAsString(tree(c));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
