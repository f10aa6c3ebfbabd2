package io.meshwork.contracts.contract.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path must agree with java.util.regex on every string, or refuse the pattern. */
class LinearPatternTest {

  private static final List<String> SAMPLES =
      List.of(
          "",
          "ORD-12345678",
          "ORD-1234567",
          "ORD-123456789",
          "ord-12345678",
          "CUST-00000001",
          "a@b",
          "@b",
          "a@",
          "a@@b",
          "a b@c",
          "SKU-AB12CD",
          "SKU-ab12cd",
          "SKU-AB12C",
          "x",
          "xy",
          "2026-01-31",
          "20260131",
          "ID",
          "IDN",
          "hello world",
          "tab\there",
          "€uro",
          "A_b-9",
          "...",
          "a.b",
          "a\nb");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "^ORD-[0-9]{8}$",
        "^CUST-\\d{8}$",
        "^[^@\\s]+@[^@\\s]+$",
        "^SKU-[A-Z0-9]{6}$",
        "^[a-z]$",
        "^x?y$",
        "^\\d{4}-\\d{2}-\\d{2}$",
        "^[A-Z]{2,3}$",
        "^\\w+$",
        "^\\S+$",
        "^[^,]*$",
        "^a\\.b$",
        "^.{3}$",
        "^[-A-Z_a-z0-9]{1,}$"
      })
  void agreesWithJavaRegexOnEveryString(String regex) {
    LinearPattern linear = LinearPattern.compile(regex).orElseThrow();
    Pattern reference = Pattern.compile(regex);
    Random random = new Random(regex.hashCode());
    for (int round = 0; round < 2000; round++) {
      String sample =
          round < SAMPLES.size()
              ? SAMPLES.get(round)
              : randomString(random, 1 + random.nextInt(14));
      assertThat(linear.test(sample))
          .as("%s on '%s'", regex, sample)
          .isEqualTo(reference.matcher(sample).find());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ORD-[0-9]{8}",
        "^(a|b)$",
        "^a+a$",
        "^[a-z]*[a-c]$",
        "^a*?$",
        "^\\bword$",
        "^[[a-z]]$",
        "^\\p{L}+$",
        "^a{2,1}$",
        "^\\d+\\d$"
      })
  void refusesPatternsItCannotMatchExactly(String regex) {
    assertThat(LinearPattern.compile(regex)).isEmpty();
  }

  private static String randomString(Random random, int length) {
    String alphabet = "ORDCUSTSKU-0123456789abxyzAZ@ ._\t,";
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
