package io.meshwork.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * This module cannot inherit meshwork-parent (its Quarkus BOM pins fabric8 and Jackson), so it
 * repeats the parent's build versions; they must stay the parent's.
 */
class BuildVersionsTest {

  @Test
  void sharedVersionsAreTheParents() throws Exception {
    Map<String, String> parent = properties(MeshworkChart.ROOT.resolve("pom.xml"));
    Map<String, String> module = properties(MeshworkChart.ROOT.resolve("deploy-tests/pom.xml"));

    Map<String, String> shared = new LinkedHashMap<>(module);
    shared.keySet().retainAll(parent.keySet());
    assertThat(shared)
        .containsOnlyKeys(
            "project.build.sourceEncoding",
            "maven.compiler.release",
            "assertj.version",
            "compiler-plugin.version",
            "surefire.version",
            "spotless.version",
            "google-java-format.version");
    shared.forEach((name, value) -> assertThat(value).as(name).isEqualTo(parent.get(name)));
  }

  private static Map<String, String> properties(Path pom) throws Exception {
    Element project =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(pom.toFile())
            .getDocumentElement();
    Map<String, String> properties = new LinkedHashMap<>();
    NodeList children =
        ((Element) project.getElementsByTagName("properties").item(0)).getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element element) {
        properties.put(element.getTagName(), element.getTextContent().trim());
      }
    }
    return properties;
  }
}
