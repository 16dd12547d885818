package dev.trendoff.serving;

import java.time.Instant;
import java.util.List;
import dev.trendoff.views.ViewPointer;

/**
 * What one consistent read of the views gave: the view version followed, each asked user's merged
 * counts (in the order asked), and the time the read finished.
 */
public record ViewsRead(ViewPointer view, List<UserWords> users, Instant asOf) {
  public ViewsRead {
    users = List.copyOf(users);
  }

  /** Speed rows counted, all users together (the JSON {@code view.speedRows}). */
  public int speedRows() {
    return users.stream().mapToInt(UserWords::speedRows).sum();
  }
}
