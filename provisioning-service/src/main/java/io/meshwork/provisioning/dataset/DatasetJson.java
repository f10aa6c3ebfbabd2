package io.meshwork.provisioning.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.provisioning.schema.FieldSpec;
import io.meshwork.provisioning.storage.DriftFinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The JSON columns of a dataset: spec, resolved fields, drift findings. */
@ApplicationScoped
public class DatasetJson {

  private final ObjectMapper mapper;

  public DatasetJson(ObjectMapper mapper) {
    this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public DatasetSpec spec(Dataset dataset) {
    return read(dataset.spec, new TypeReference<DatasetSpec>() {});
  }

  public List<FieldSpec> fields(String json) {
    return json == null ? null : read(json, new TypeReference<List<FieldSpec>>() {});
  }

  public List<DriftFinding> drift(Dataset dataset) {
    return dataset.drift == null
        ? null
        : read(dataset.drift, new TypeReference<List<DriftFinding>>() {});
  }

  /** What Idempotency-Key compares: the normalized spec ({@link #write} of it), hashed. */
  public String hash(String specJson) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(specJson.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String json, TypeReference<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored JSON is unreadable: " + e.getOriginalMessage(), e);
    }
  }
}
