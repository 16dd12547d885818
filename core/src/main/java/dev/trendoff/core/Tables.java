package dev.trendoff.core;

/**
 * The master table's name (the schema is {@code cql/schema.cql}). The derived tables (speed view,
 * batch view, version log, pointer) belong to the views module: {@code views/src/main/java/dev/trendoff/views/ViewTables.java}.
 */
public final class Tables {
  /** The master dataset: every tweet, every field. */
  public static final String TWEETS = "tweets";

  private Tables() {}
}
