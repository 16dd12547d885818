package dev.trendoff.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.trendoff.core.UserError;
import dev.trendoff.core.UserKeys;

/** {@code compare-users}: checks the two names, reads both users in one consistent read, ranks. */
public final class CompareUsers {

  private final ServingReader reader;
  private final Supplier<Set<String>> knownUsers;
  private final int suggestions;

  public CompareUsers(ServingReader reader, Supplier<Set<String>> knownUsers, int suggestions) {
    this.reader = reader;
    this.knownUsers = knownUsers;
    this.suggestions = suggestions;
  }

  /** Fails with a {@link UserError} (one line) on an empty name, the same user twice, or an unknown user. */
  public Comparison compare(String a, String b, Rank rank, int top) {
    checkNames(a, b);
    ViewsRead read = reader.read(List.of(a, b));
    List<String> unknown = new ArrayList<>();
    for (UserWords u : read.users()) {
      if (u.isEmpty()) {
        unknown.add(u.user());
      }
    }
    if (!unknown.isEmpty()) {
      throw new UserError(unknownMessage(unknown, knownUsers.get(), suggestions));
    }
    return Comparison.of(read, rank, top);
  }

  /** Empty names and the same user twice are usage errors (exit 2), before anything is read. */
  public static void checkNames(String a, String b) {
    for (String n : new String[] {a, b}) {
      if (UserKeys.of(n) == null || UserKeys.of(n).isEmpty()) {
        throw UserError.usage("a user name must not be empty");
      }
    }
    if (UserKeys.of(a).equals(UserKeys.of(b))) {
      throw UserError.usage("\"" + a + "\" and \"" + b + "\" are the same user (" + UserKeys.of(a)
          + "): name two different users");
    }
  }

  /** "unknown user "alcie" (nearest known names: alice, alicia)", for one or both users. */
  public static String unknownMessage(List<String> unknown, Set<String> known, int n) {
    List<String> parts = new ArrayList<>();
    for (String u : unknown) {
      List<String> near = Suggestions.nearest(u, known, n);
      parts.add("\"" + u + "\"" + (near.isEmpty() ? "" : " (nearest known names: " + String.join(", ", near) + ")"));
    }
    String what = (unknown.size() == 1 ? "unknown user " : "unknown users ") + String.join(" and ", parts);
    return known.isEmpty()
        ? what + ": no user is known yet (no recompute has published and the speed view is empty)"
        : what + ": no tweets counted for " + (unknown.size() == 1 ? "it" : "them");
  }
}
