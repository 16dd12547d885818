package dev.trendoff.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trendoff.views.ViewPointer;

/**
 * {@code compare-users --json}: exactly the object of docs/compare.md '--json',
 * {@code {"users":[{"name","tweets","words"}...],"words":[{"word","counts","rates","z"}...],
 * "view":{"version","cut","speedRows"},"method":{"rank","prior","prior_size"}}}. With two users a
 * word's {@code z} is one number (A against B); with more, one per user (each against the others
 * pooled), and distinctive words carry the {@code user} whose list they are in. {@code view.version}
 * is null when no recompute has published yet (then {@code cut} is ""). Numbers are JSON numbers,
 * doubles at full precision.
 */
public final class ComparisonJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ComparisonJson() {}

  public static ObjectNode tree(Comparison c) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode users = root.putArray("users");
    for (UserWords u : c.users()) {
      users.addObject().put("name", u.user()).put("tweets", u.tweets()).put("words", u.tokens());
    }
    ArrayNode words = root.putArray("words");
    int n = c.users().size();
    for (RankedWord w : c.ranked()) {
      ObjectNode o = words.addObject();
      if (w.user() >= 0) {
        o.put("user", c.users().get(w.user()).user());
      }
      o.put("word", w.word());
      ArrayNode counts = o.putArray("counts");
      ArrayNode rates = o.putArray("rates");
      for (int i = 0; i < n; i++) {
        counts.add(w.count(i));
        rates.add(w.rate(i));
      }
      if (n == 2) {
        o.put("z", w.z(0));
      } else {
        ArrayNode z = o.putArray("z");
        for (int i = 0; i < n; i++) {
          z.add(w.z(i));
        }
      }
    }
    ObjectNode view = root.putObject("view");
    ViewPointer v = c.read().view();
    if (v.exists()) {
      view.put("version", v.version());
    } else {
      view.putNull("version");
    }
    view.put("cut", v.cutText()).put("speedRows", c.read().speedRows());
    ObjectNode method = root.putObject("method");
    method.put("rank", c.method().rank().cliName()).put("prior", c.method().prior().cliName());
    method.put("prior_size", new java.math.BigDecimal(c.method().priorSizeText()));
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
