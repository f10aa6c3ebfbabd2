package io.meshwork.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code helm package} resolves the links in files/: the archive carries the contents of
 * deploy/keycloak and deploy/prometheus, so an installation from the .tgz needs no checkout.
 */
class ChartPackageTest {

  @Test
  void thePackageCarriesTheLinkedFilesAndLeavesTheTestValuesOut() throws IOException {
    Path target = MeshworkChart.ROOT.resolve("deploy-tests/target/helm");
    Files.createDirectories(target);

    new Helm(MeshworkChart.DIR).packageIt().withDestination(target).call();

    Map<String, byte[]> entries = entries(target.resolve("meshwork-0.1.0.tgz"));
    assertThat(entries.get("meshwork/files/meshwork-realm.json"))
        .isEqualTo(
            Files.readAllBytes(MeshworkChart.ROOT.resolve("deploy/keycloak/meshwork-realm.json")));
    assertThat(entries.get("meshwork/files/alert_rules.yml"))
        .isEqualTo(
            Files.readAllBytes(MeshworkChart.ROOT.resolve("deploy/prometheus/alert_rules.yml")));
    assertThat(entries).containsKeys("meshwork/Chart.yaml", "meshwork/values.schema.json");
    assertThat(entries.keySet()).noneMatch(name -> name.startsWith("meshwork/ci/"));
  }

  /** The regular files of a .tgz (ustar headers of 512 bytes, contents padded to 512). */
  private static Map<String, byte[]> entries(Path tgz) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
      byte[] header = new byte[512];
      while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        long size = Long.parseLong(field(header, 124, 12).trim(), 8);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(in.readNBytes((int) size));
        in.readNBytes((int) ((512 - size % 512) % 512));
        if (header[156] == '0' || header[156] == 0) {
          entries.put(prefix.isEmpty() ? name : prefix + "/" + name, content.toByteArray());
        }
      }
    }
    return entries;
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
