package io.meshwork.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StorageRefusalsTest {

  @Test
  void anUnreachableDatabaseIs503WithRetryAfterAndNoDriverText() {
    for (String state : new String[] {"08001", "08006", "57P01", "53300"}) {
      RuntimeException wrapped =
          new IllegalStateException(
              "could not commit", new SQLException("Connection to 127.0.0.1:5432 refused", state));

      Response response = StorageRefusals.of(wrapped, null).orElseThrow();

      assertThat(response.getStatus()).as(state).isEqualTo(503);
      assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
      Problem problem = (Problem) response.getEntity();
      assertThat(problem.code()).isEqualTo("service.unavailable");
      assertThat(problem.detail()).doesNotContain("127.0.0.1", "5432", state);
    }
  }

  @Test
  void whatTheCallerSentIsStill400AndOtherFailuresAreNotOurs() {
    Response nul =
        StorageRefusals.of(new SQLException("invalid byte", "22021"), null).orElseThrow();

    assertThat(nul.getStatus()).isEqualTo(400);
    assertThat(StorageRefusals.of(new SQLException("deadlock", "40P01"), null)).isEmpty();
  }

  @Test
  void anOutageIsFoundAnywhereInTheCauses() {
    Exception restart =
        new IllegalStateException(
            "rollback", new RuntimeException(new SQLException("terminating connection", "57P01")));

    assertThat(DatabaseOutage.causes(restart)).isTrue();
    assertThat(DatabaseOutage.causes(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(DatabaseOutage.causes(new IllegalStateException("no SQL at all"))).isFalse();
  }
}
