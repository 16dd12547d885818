package dev.trendoff.core;

/** The Cassandra table names, defined once (the schema is {@code cql/schema.cql}). */
public final class Tables {
  /** The master dataset: every tweet, every field. */
  public static final String TWEETS = "tweets";
  /** Speed layer output: one row per recent tweet, with its word counts. */
  public static final String SPEED_VIEW = "speed_view";
  /** Batch recompute output: per user and version, tweets, tokens and word counts in chunks ({@link BatchViewChunks}). */
  public static final String BATCH_VIEW = "batch_view_chunks";
  /** One row per recompute run: state, cut, figures. */
  public static final String VIEW_VERSIONS = "view_versions";
  /** The pointer row readers follow to the published version. */
  public static final String VIEW_POINTER = "view_pointer";
  /** The key of the pointer row in {@link #VIEW_POINTER}. */
  public static final String CURRENT_POINTER = "current";

  private Tables() {}
}
