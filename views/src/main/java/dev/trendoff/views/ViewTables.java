package dev.trendoff.views;

import java.util.List;

/**
 * The names of the derived tables (the schema is {@code cql/schema.cql}, the contract
 * docs/lambda.md). Only this module writes CQL for them; other modules read and write them through
 * its classes. The names are public for what reports them (status, test assertions on its output).
 */
public final class ViewTables {
  /** Speed layer output: one row per recent tweet, keyed by where it was read, with its word counts ({@link SpeedRow}). */
  public static final String SPEED_VIEW = "speed_rows";
  /** Recompute output: per user, word and version, the word's count, and the user's totals ({@link BatchViewWords}). */
  public static final String BATCH_VIEW = "batch_view_words";
  /** Recompute output: per version, every word's count over all users, in chunks ({@link Corpus}, {@link CorpusWrites}). */
  public static final String CORPUS = "corpus_chunks";
  /** One row per recompute run: state, cut, figures ({@link ViewStore}). */
  public static final String VIEW_VERSIONS = "view_versions";
  /** Named pointer rows: the published version readers follow, the recompute lease, tools' markers. */
  public static final String VIEW_POINTER = "view_pointer";
  /** The users each incremental run writes rows for, written first: what repairs a killed run ({@link ViewStore}). */
  public static final String VERSION_USERS = "version_users";

  /** Every derived table, in the order status lists them. */
  public static final List<String> ALL = List.of(SPEED_VIEW, BATCH_VIEW, CORPUS, VIEW_VERSIONS, VIEW_POINTER, VERSION_USERS);

  /** The pointer row readers follow. */
  static final String CURRENT = "current";

  private ViewTables() {}

  static String in(String keyspace, String table) {
    return keyspace + "." + table;
  }
}
