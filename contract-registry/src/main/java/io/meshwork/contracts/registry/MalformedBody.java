package io.meshwork.contracts.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.meshwork.web.problem.ParserMessages;

/**
 * Why a request body could not be read, in our words. Jackson's binding messages name the Java
 * types behind the API ({@code java.util.ArrayList}, the request record's class); only the place in
 * the body and, for plain syntax errors, the parser's reason are public.
 */
final class MalformedBody {

  private MalformedBody() {}

  static String reason(JsonProcessingException e) {
    if (e instanceof StreamReadException) {
      return ParserMessages.notJson(e);
    }
    String where = ParserMessages.location(e).map(at -> " at " + at).orElse("");
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field '" + unknown.getPropertyName() + "'" + where;
    }
    String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
    return path.isEmpty()
        ? "the body is not a JSON object of the expected shape" + where
        : "field '" + path + "' does not have the expected type" + where;
  }

  /** {@code references[0].version} from Jackson's reference chain. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
