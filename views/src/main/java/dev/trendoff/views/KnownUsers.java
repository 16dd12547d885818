package dev.trendoff.views;

import java.util.Set;
import java.util.TreeSet;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

/**
 * The user keys the views know: the users of the batch view's totals rows and the speed view's
 * distinct partition keys. Scans of keys; used for suggestions, status and the HTTP server's index of names
 * (which reads the batch view's only when a new version is published), never per query.
 */
public final class KnownUsers {

  private KnownUsers() {}

  public static Set<String> all(CqlSession session, String keyspace) {
    Set<String> out = inBatchView(session, keyspace);
    out.addAll(inSpeedView(session, keyspace));
    return out;
  }

  /** Users with rows in the batch view (any version still stored): the totals rows of every partition. */
  public static Set<String> inBatchView(CqlSession session, String keyspace) {
    Set<String> out = new TreeSet<>();
    PreparedStatement totals = session.prepare(BatchViewWords.selectTotals(keyspace));
    for (Row p : session.execute(SimpleStatement.newInstance(BatchViewWords.distinctPartitions(keyspace)).setPageSize(5000))) {
      for (Row r : session.execute(totals.bind(p.getLong("base"), p.getInt("bucket")).setPageSize(5000))) {
        out.add(r.getString("user_key"));
      }
    }
    return out;
  }

  /** Users with speed rows (also those below the cut a recompute has not yet deleted). */
  public static Set<String> inSpeedView(CqlSession session, String keyspace) {
    return scan(session, SpeedView.distinctUsers(keyspace));
  }

  private static Set<String> scan(CqlSession session, String cql) {
    Set<String> out = new TreeSet<>();
    for (Row r : session.execute(SimpleStatement.newInstance(cql).setPageSize(5000))) {
      out.add(r.getString(0));
    }
    return out;
  }
}
