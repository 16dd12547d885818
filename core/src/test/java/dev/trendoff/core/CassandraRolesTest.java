package dev.trendoff.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CassandraRolesTest {

  @Test
  void aNewNodeGetsTheSuperusersOwnPasswordFirstThenTheApplicationsRole() {
    List<String> s = CassandraRoles.statements(true, "Su1", "trendoff", "App2");
    assertThat(s).containsExactly(
        "ALTER ROLE cassandra WITH PASSWORD = 'Su1'",
        "CREATE ROLE IF NOT EXISTS trendoff WITH PASSWORD = 'App2' AND LOGIN = true",
        "ALTER ROLE trendoff WITH PASSWORD = 'App2' AND LOGIN = true",
        "GRANT CREATE ON ALL KEYSPACES TO trendoff");
  }

  @Test
  void laterTheSuperuserIsLeftAloneAndTheApplicationsPasswordIsSetAgain() {
    List<String> s = CassandraRoles.statements(false, "Su1", "app_1", "New3");
    assertThat(s).noneMatch(st -> st.contains("Su1"));
    assertThat(s).contains("ALTER ROLE app_1 WITH PASSWORD = 'New3' AND LOGIN = true");
  }

  @Test
  void aQuoteInAPasswordIsDoubledAsCqlWants() {
    assertThat(CassandraRoles.literal("it's")).isEqualTo("'it''s'");
    assertThat(CassandraRoles.statements(true, "a'b", "trendoff", "c").get(0))
        .isEqualTo("ALTER ROLE cassandra WITH PASSWORD = 'a''b'");
  }

  @Test
  void aRoleNameCqlWouldFoldOrTheSuperuserItselfIsRefused() {
    for (String bad : List.of("Trendoff", "tr-endoff", "", "cassandra", "x; DROP")) {
      assertThatThrownBy(() -> CassandraRoles.statements(false, "a", bad, "b")).isInstanceOf(UserError.class)
          .hasMessageContaining("trendoff.cassandra.username");
    }
    assertThatThrownBy(() -> CassandraRoles.statements(false, "a", "trendoff", "")).isInstanceOf(UserError.class)
        .hasMessageContaining("password");
  }
}
