package dev.trendoff.views;

import java.util.Set;
import java.util.TreeSet;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

/**
 * The user keys the views know: the distinct partition keys of the batch view and the speed view. A
 * scan of partition keys only; used for suggestions and status, never per query.
 */
public final class KnownUsers {

  private KnownUsers() {}

  public static Set<String> all(CqlSession session, String keyspace) {
    Set<String> out = new TreeSet<>();
    for (String cql : new String[] {BatchViewChunks.distinctUsers(keyspace), SpeedView.distinctUsers(keyspace)}) {
      for (Row r : session.execute(SimpleStatement.newInstance(cql).setPageSize(5000))) {
        out.add(r.getString(0));
      }
    }
    return out;
  }
}
