package io.meshwork.contracts.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.contracts.registry.SchemaLookupService;
import io.meshwork.contracts.registry.SchemaLookupService.Found;
import io.meshwork.contracts.registry.VersionId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.jboss.logging.Logger;

/**
 * The columns a dataset was made with: the top-level fields of the schema it names ({@code
 * urn:schema:<subject>/v<n>}), an AVRO record's fields or a JSON Schema's properties, as
 * provisioning-service turned them into columns.
 */
@ApplicationScoped
public class RegisteredColumns {

  private static final Logger LOG = Logger.getLogger(RegisteredColumns.class);
  private static final Pattern URN =
      Pattern.compile("^urn:schema:([A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*)/v([1-9][0-9]{0,8})$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaLookupService lookup;

  public RegisteredColumns(SchemaLookupService lookup) {
    this.lookup = lookup;
  }

  public Optional<List<String>> columns(String urn) {
    Matcher matcher = URN.matcher(urn == null ? "" : urn);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      Found found =
          lookup.version(matcher.group(1), new VersionId(Integer.parseInt(matcher.group(2))), true);
      List<String> columns = new ArrayList<>();
      if ("JSON".equals(found.content().schemaType)) {
        JsonNode properties = JSON.readTree(found.content().canonical).path("properties");
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
          columns.add(names.next());
        }
      } else {
        Schema schema = new Schema.Parser().parse(found.content().canonical);
        schema.getFields().forEach(field -> columns.add(field.name()));
      }
      return Optional.of(columns);
    } catch (Exception e) {
      LOG.warnf("The registered schema %s of a monitored dataset cannot be read: %s", urn, e);
      return Optional.empty();
    }
  }
}
