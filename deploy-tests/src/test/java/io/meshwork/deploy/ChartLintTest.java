package io.meshwork.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChartLintTest {

  @ParameterizedTest
  @EnumSource(ValueSet.class)
  void lintsStrictlyWithoutWarnings(ValueSet set, @TempDir Path work) {
    LintResult result = MeshworkChart.lint(set, work);

    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    // Only Helm's advice to add an icon (INFO) remains; --strict fails on any warning.
    assertThat(result.getMessages()).allMatch(message -> message.startsWith("[INFO]"));
  }
}
