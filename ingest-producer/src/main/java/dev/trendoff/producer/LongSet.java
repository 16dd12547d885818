package dev.trendoff.producer;

/** A set of longs (open addressing, no boxing): the tweet ids seen in one run. Not thread-safe. */
final class LongSet {

  private static final long EMPTY = 0;
  private long[] slots = new long[1 << 16];
  private int size;
  private boolean hasZero;

  /** Adds {@code v}; false if it was there already. */
  boolean add(long v) {
    if (v == EMPTY) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if (size * 2 >= slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    int i = (int) SyntheticTweets.mix(v) & mask;
    while (true) {
      long s = slots[i];
      if (s == EMPTY) {
        slots[i] = v;
        size++;
        return true;
      }
      if (s == v) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size + (hasZero ? 1 : 0);
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    for (long v : old) {
      if (v != EMPTY) {
        add(v);
      }
    }
  }
}
