package dev.trendoff.serving;

import java.time.Instant;
import java.util.List;

import dev.trendoff.views.Corpus;
import dev.trendoff.views.ViewPointer;

/**
 * What one consistent read of the views gave: the view version followed, each asked user's merged
 * counts (in the order asked), the version's corpus when it was asked for, and the time the read finished.
 *
 * @param corpus the corpus of {@code view} ({@link Corpus#NONE} before the first recompute); null when not read
 */
public record ViewsRead(ViewPointer view, List<UserWords> users, Instant asOf, Corpus corpus) {
  public ViewsRead {
    users = List.copyOf(users);
  }

  /** A read without the corpus. */
  public ViewsRead(ViewPointer view, List<UserWords> users, Instant asOf) {
    this(view, users, asOf, null);
  }

  /** Speed rows counted, all users together (the JSON {@code view.speedRows}). */
  public int speedRows() {
    return users.stream().mapToInt(UserWords::speedRows).sum();
  }
}
