package dev.trendoff.producer.bluesky;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The handles of the authors seen (DID to handle and display name), from identity events and the
 * resolver, at most {@code size} of them (the least recently used go first) and each for {@code ttl}
 * at most, so a handle changed while no identity event was seen is asked for again. Not thread-safe.
 */
final class Handles {

  /** An author's names. */
  record Author(String handle, String displayName) {}

  private record Entry(Author author, long atNanos) {}

  private final Map<String, Entry> byDid;
  private final long ttlNanos;
  private final LongSupplier clock;

  Handles(int size, Duration ttl, LongSupplier clock) {
    this.ttlNanos = ttl.toNanos();
    this.clock = clock;
    this.byDid = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > size;
      }
    };
  }

  /** The author of {@code did} when known and not stale, else null. */
  Author known(String did) {
    Entry e = byDid.get(did);
    if (e == null) {
      return null;
    }
    if (clock.getAsLong() - e.atNanos() > ttlNanos) {
      byDid.remove(did);
      return null;
    }
    return e.author();
  }

  /** An identity event named {@code did}'s handle (the display name, not in the event, is kept). */
  void identity(String did, String handle) {
    Entry old = byDid.get(did);
    put(did, new Author(handle, old == null ? null : old.author().displayName()));
  }

  void put(String did, Author author) {
    byDid.put(did, new Entry(author, clock.getAsLong()));
  }

  void forget(String did) {
    byDid.remove(did);
  }
}
