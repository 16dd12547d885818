package dev.trendoff.serving;

import java.util.Set;
import java.util.TreeSet;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.trendoff.core.Tables;

/**
 * The user keys the views know: the distinct partition keys of batch view and
 * the speed view. A scan of partition keys only; used for suggestions and status, never per query.
 */
public final class KnownUsers {

  private KnownUsers() {}

  public static Set<String> all(CqlSession session, String keyspace, String readConsistency) {
    Set<String> out = new TreeSet<>();
    for (String table : new String[] {Tables.BATCH_VIEW, Tables.SPEED_VIEW}) {
      SimpleStatement s = SimpleStatement.newInstance("SELECT DISTINCT user_key FROM " + keyspace + "." + table)
          .setConsistencyLevel(DefaultConsistencyLevel.valueOf(readConsistency.strip().toUpperCase(java.util.Locale.ROOT)))
          .setPageSize(5000);
      for (Row r : session.execute(s)) {
        out.add(r.getString(0));
      }
    }
    return out;
  }
}
