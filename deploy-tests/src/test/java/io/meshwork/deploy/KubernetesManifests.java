package io.meshwork.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Rendered manifests read strictly into the Kubernetes API types (fabric8's model): a field the
 * type does not have, or a value of the wrong type, fails. fabric8 keeps unknown fields in an
 * "additionalProperties" any-setter; this mapper ignores any-setters and ignoreUnknown, so nothing
 * is silently kept.
 */
final class KubernetesManifests {

  private static final Map<String, Class<? extends HasMetadata>> TYPES =
      Map.ofEntries(
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("v1/ServiceAccount", ServiceAccount.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("batch/v1/Job", Job.class),
          Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
          Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .annotationIntrospector(new StrictIntrospector())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private final List<HasMetadata> resources;

  private KubernetesManifests(List<? extends HasMetadata> resources) {
    this.resources = List.copyOf(resources);
  }

  /** Every document of a multi-document YAML stream, each into its Kubernetes type. */
  static KubernetesManifests parse(String yaml) {
    return new KubernetesManifests(
        documents(yaml).stream().map(KubernetesManifests::strict).toList());
  }

  /** The documents of a multi-document YAML stream as trees, empty ones left out. */
  static List<JsonNode> documents(String yaml) {
    List<JsonNode> documents = new ArrayList<>();
    for (JsonNode document : YAML.readValues(YAML.createParser(yaml), JsonNode.class).readAll()) {
      if (document != null && document.isObject()) {
        documents.add(document);
      }
    }
    return documents;
  }

  /** One manifest into its type; fails on a kind this chart does not use or an unknown field. */
  static HasMetadata strict(JsonNode manifest) {
    String type = manifest.path("apiVersion").asString() + "/" + manifest.path("kind").asString();
    Class<? extends HasMetadata> cls = TYPES.get(type);
    if (cls == null) {
      throw new IllegalArgumentException("a manifest of unexpected type " + type);
    }
    return STRICT.treeToValue(manifest, cls);
  }

  static HasMetadata strict(String yaml) {
    return strict(YAML.readTree(yaml));
  }

  List<HasMetadata> all() {
    return resources;
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T named(Class<T> type, String name) {
    return all(type).stream()
        .filter(resource -> resource.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
  }

  /** No any-setter (fabric8's additionalProperties) and no ignoreUnknown on any type. */
  private static final class StrictIntrospector extends JacksonAnnotationIntrospector {
    @Override
    public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
      return Boolean.FALSE;
    }

    @Override
    public JsonIgnoreProperties.Value findPropertyIgnoralByName(
        MapperConfig<?> config, Annotated annotated) {
      JsonIgnoreProperties.Value value = super.findPropertyIgnoralByName(config, annotated);
      return value == null ? null : value.withoutIgnoreUnknown();
    }
  }
}
