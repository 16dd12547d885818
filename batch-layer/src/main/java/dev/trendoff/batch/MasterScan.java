package dev.trendoff.batch;

import java.util.ArrayList;
import java.util.List;

import com.datastax.spark.connector.japi.CassandraRow;

/** Plain functions the recompute's closures call. */
final class MasterScan {
  private MasterScan() {}

  /** Whether a scanned master row (user_key, kafka_partition, kafka_offset) belongs to the version of {@code cut}. */
  static boolean covered(CassandraRow r, Cut cut) {
    Integer p = r.isNullAt("kafka_partition") ? null : r.getInt("kafka_partition");
    Long o = r.isNullAt("kafka_offset") ? null : r.getLong("kafka_offset");
    return r.getString("user_key") != null && cut.covers(p, o);
  }

  /** The batch_view rows of one user's counts in {@code version}. */
  static List<ViewWordRow> wordRows(String user, long version, UserCounts counts) {
    List<ViewWordRow> rows = new ArrayList<>(counts.words().size());
    counts.words().forEach((w, n) -> rows.add(new ViewWordRow(user, version, w, n)));
    return rows;
  }
}
