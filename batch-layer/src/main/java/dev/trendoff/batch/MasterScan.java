package dev.trendoff.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.util.LongAccumulator;

import com.datastax.spark.connector.japi.CassandraRow;

import dev.trendoff.core.Tokenizer;
import dev.trendoff.views.Cut;
import scala.Tuple2;

/** Plain functions the recompute's closures call. */
final class MasterScan {
  private MasterScan() {}

  /** Whether a scanned master row (user_key, kafka_partition, kafka_offset) belongs to the version of {@code cut}. */
  static boolean covered(CassandraRow r, Cut cut) {
    Integer p = r.isNullAt("kafka_partition") ? null : r.getInt("kafka_partition");
    Long o = r.isNullAt("kafka_offset") ? null : r.getLong("kafka_offset");
    return r.getString("user_key") != null && cut.covers(p, o);
  }

  /**
   * One Spark partition of scanned master rows, counted per user: rows outside the cut are skipped
   * (and counted in {@code skipped}). One aggregate per user and partition, so no per-tweet objects.
   */
  static Iterator<Tuple2<String, UserCounts>> countPartition(Iterator<CassandraRow> rows, Cut cut, LongAccumulator skipped) {
    Map<String, UserCounts> byUser = new HashMap<>();
    Tokenizer tokenizer = Tokenizer.standard();
    long outside = 0;
    while (rows.hasNext()) {
      CassandraRow r = rows.next();
      if (!covered(r, cut)) {
        outside++;
        continue;
      }
      byUser.computeIfAbsent(r.getString("user_key"), u -> UserCounts.empty()).addText(r.getString("text"), tokenizer);
    }
    skipped.add(outside);
    List<Tuple2<String, UserCounts>> out = new ArrayList<>(byUser.size());
    byUser.forEach((u, c) -> out.add(new Tuple2<>(u, c)));
    return out.iterator();
  }
}
