package dev.trendoff.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.trendoff.core.UserKeys;
import dev.trendoff.serving.CompareRequest;
import dev.trendoff.serving.Comparison;
import dev.trendoff.serving.QueryError;
import dev.trendoff.serving.Ranking;

/**
 * The query parameters of {@code /api/compare}, {@code /api/compare.csv}, {@code /api/compare.png} and
 * {@code /api/compare/stream} (docs/http.md): named one to one after {@link CompareRequest}'s (users, rank,
 * top, prior, prior_size), which checks them as it checks the command line's, plus the server's own limits on users and top.
 * A parameter the endpoint does not know, or a single-valued one given twice, is a bad parameter too.
 */
final class CompareParams {

  /** The parameters of a comparison: {@link CompareRequest#parse}'s arguments. */
  static final List<String> NAMES = List.of("users", "rank", "top", "prior", "prior_size");

  private final Map<String, List<String>> params;
  private final HttpSettings limits;

  private CompareParams(Map<String, List<String>> params, HttpSettings limits) {
    this.params = params;
    this.limits = limits;
  }

  /** The request {@code params} ask for; {@code extra} names the endpoint's own further parameters (width, height). */
  static CompareParams of(Map<String, List<String>> params, HttpSettings limits, Set<String> extra) {
    Set<String> unknown = new TreeSet<>(params.keySet());
    NAMES.forEach(unknown::remove);
    unknown.removeAll(extra);
    if (!unknown.isEmpty()) {
      String name = unknown.iterator().next();
      List<String> known = new ArrayList<>(NAMES);
      known.addAll(new TreeSet<>(extra));
      throw QueryError.badParameter(name, "is not a parameter of this endpoint (it takes " + String.join(", ", known) + ")");
    }
    return new CompareParams(params, limits);
  }

  /** The users as named (a comma-separated list; the parameter may also be repeated). */
  List<String> users() {
    List<String> values = params.get("users");
    if (values == null || values.isEmpty()) {
      throw QueryError.badParameter("users", "is missing: name the users to compare, like users=alice,bob");
    }
    List<String> names = new ArrayList<>();
    for (String v : values) {
      for (String n : v.split(",", -1)) {
        names.add(n.strip());
      }
    }
    if (names.size() > limits.maxUsers()) {
      throw QueryError.badParameter("users", "names " + names.size() + " users; at most " + limits.maxUsers()
          + " can be compared (" + HttpSettings.SECTION + ".max-users)");
    }
    return names;
  }

  /** The request, checked by {@link CompareRequest#parse} and against the server's limit on top. */
  CompareRequest request() {
    return parse(users());
  }

  /**
   * The same request with each user named by its key ({@code @Alice} is {@code alice}): equal for every
   * spelling of the same question, so that the event streams of one question share one watcher.
   */
  CompareRequest keyed() {
    return parse(users().stream().map(UserKeys::of).toList());
  }

  private CompareRequest parse(List<String> users) {
    String top = single("top");
    checkTop(top);
    return CompareRequest.parse(users, single("rank"), top, single("prior"), single("prior_size"));
  }

  /** A single value of an optional parameter (null when absent); given twice is a bad parameter. */
  String single(String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw QueryError.badParameter(name, "is given " + values.size() + " times: give it once");
    }
    return values.get(0);
  }

  /** A whole number parameter between {@code min} and {@code max}, {@code fallback} when absent. */
  int number(String name, int fallback, int min, int max) {
    String v = single(name);
    if (v == null) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw QueryError.badParameter(name, "must be a whole number, not '" + v + "'");
    }
    if (n < min || n > max) {
      throw QueryError.badParameter(name, "must be between " + min + " and " + max + ", not " + n);
    }
    return n;
  }

  /** A number above the limit is refused here; anything else not a positive number or 'all' is left to CompareRequest. */
  private void checkTop(String top) {
    if (top == null) {
      return;
    }
    try {
      long n = Long.parseLong(top.strip());
      if (n > limits.maxTop()) {
        throw QueryError.badParameter("top", "must be at most " + limits.maxTop() + " (" + HttpSettings.SECTION
            + ".max-top), or 'all', not " + top.strip());
      }
    } catch (NumberFormatException e) {
      // 'all' or not a number: CompareRequest says which
    }
  }

  /** {@code answer}, unless it was asked with top=all and has more words than the limit on top: then a bad parameter. */
  static Comparison checkSize(Comparison answer, HttpSettings limits) {
    if (answer.top() == Ranking.ALL && answer.words().size() > limits.maxTop()) {
      throw QueryError.badParameter("top", "'all' gives " + answer.words().size() + " words, more than the limit of "
          + limits.maxTop() + " (" + HttpSettings.SECTION + ".max-top): ask for top=" + limits.maxTop() + " or fewer");
    }
    return answer;
  }
}
