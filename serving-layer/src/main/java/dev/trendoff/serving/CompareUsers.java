package dev.trendoff.serving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Answers a {@link CompareRequest}: the users in one consistent read, checked to be known, ranked and scored. */
public final class CompareUsers {

  private final ServingReader reader;
  private final Supplier<Set<String>> knownUsers;
  private final int suggestions;

  public CompareUsers(ServingReader reader, Supplier<Set<String>> knownUsers, int suggestions) {
    this.reader = reader;
    this.knownUsers = knownUsers;
    this.suggestions = suggestions;
  }

  /** Fails with a {@link QueryError} of kind UNKNOWN_USER when a user has nothing counted. */
  public Comparison compare(CompareRequest request) {
    ViewsRead read = reader.read(request.users(), request.prior() == Prior.CORPUS);
    List<String> unknown = new ArrayList<>();
    for (UserWords u : read.users()) {
      if (u.isEmpty()) {
        unknown.add(u.user());
      }
    }
    if (!unknown.isEmpty()) {
      Set<String> known = knownUsers.get();
      Map<String, List<String>> nearest = new LinkedHashMap<>();
      unknown.forEach(u -> nearest.put(u, Suggestions.nearest(u, known, suggestions)));
      throw QueryError.unknownUsers(unknownMessage(nearest, known.isEmpty()), nearest);
    }
    return Comparison.of(read, request.method(), request.top());
  }

  /** "unknown user "alcie" (nearest known names: alice, alicia): ...", for one or more users. */
  static String unknownMessage(Map<String, List<String>> nearest, boolean noneKnown) {
    List<String> parts = new ArrayList<>();
    nearest.forEach((u, near) ->
        parts.add("\"" + u + "\"" + (near.isEmpty() ? "" : " (nearest known names: " + String.join(", ", near) + ")")));
    String what = (nearest.size() == 1 ? "unknown user " : "unknown users ") + String.join(" and ", parts);
    return noneKnown
        ? what + ": no user is known yet (no recompute has published and the speed view is empty)"
        : what + ": no tweets counted for " + (nearest.size() == 1 ? "it" : "them");
  }
}
