package dev.trendoff.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.trendoff.core.UserKeys;
import dev.trendoff.serving.QueryService;
import dev.trendoff.views.KnownUsers;

/**
 * The user keys the views know, in memory, for autocomplete ({@code /api/users}) and for the nearest
 * names of an unknown user, so that no request scans partition keys. Refreshed in the background
 * every {@code trendoff.http.users-refresh}: the speed view's users each time (the speed view holds
 * only what the last recompute has not absorbed), the batch view's only when the pointer names a new
 * version (a version's users never change). A failed refresh keeps the last names and is logged.
 */
final class KnownUserIndex implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KnownUserIndex.class);

  private final QueryService query;
  private final String keyspace;
  private final ScheduledExecutorService refresher;
  private volatile NavigableSet<String> users = Collections.emptyNavigableSet();
  private Set<String> batchUsers = Set.of();
  private Long batchVersion;
  private boolean batchRead;

  KnownUserIndex(QueryService query, String keyspace) {
    this.query = query;
    this.keyspace = keyspace;
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "known-users-refresh");
      t.setDaemon(true);
      return t;
    });
  }

  /** Reads the names now (a failure is the caller's), then again every {@code every}. */
  KnownUserIndex start(java.time.Duration every) {
    refresh();
    refresher.scheduleWithFixedDelay(() -> {
      try {
        refresh();
      } catch (RuntimeException e) {
        LOG.warn("known users not refreshed (the last {} names stay): {}", users.size(), e.getMessage());
      }
    }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Reads the speed view's users, and the batch view's when the published version changed. */
  synchronized void refresh() {
    Long version = query.currentView().version();
    if (!batchRead || !Objects.equals(version, batchVersion)) {
      batchUsers = query.guard(() -> KnownUsers.inBatchView(query.session(), keyspace));
      batchVersion = version;
      batchRead = true;
    }
    TreeSet<String> all = new TreeSet<>(batchUsers);
    all.addAll(query.guard(() -> KnownUsers.inSpeedView(query.session(), keyspace)));
    users = Collections.unmodifiableNavigableSet(all);
  }

  /** Every known user key. */
  Set<String> all() {
    return users;
  }

  /** At most {@code limit} known keys that start with {@code prefix} (keyed like a user: no @, lower case), in order. */
  List<String> startingWith(String prefix, int limit) {
    String p = UserKeys.of(prefix);
    List<String> out = new ArrayList<>(Math.min(limit, 16));
    for (String u : users.tailSet(p, true)) {
      if (!u.startsWith(p) || out.size() == limit) {
        break;
      }
      out.add(u);
    }
    return out;
  }

  @Override
  public void close() {
    refresher.shutdownNow();
  }
}
