package io.meshwork.catalog.search;

import io.meshwork.catalog.product.ProductStatus;
import io.meshwork.web.problem.InvalidRequestException;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SearchResource {

  private final ProductSearch search;

  public SearchResource(ProductSearch search) {
    this.search = search;
  }

  @GET
  @Operation(
      summary =
          "Find data products by name, description, column names and tags (typos forgiven; an exact"
              + " name first), with facet counts; published products unless status is given")
  public SearchResponse search(
      @QueryParam("q") @Size(max = 200, message = "must be at most 200 characters") String q,
      @QueryParam("domain") String domain,
      @QueryParam("owner") String owner,
      @QueryParam("tag") String tag,
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more")
          int page,
      @QueryParam("size")
          @DefaultValue("20")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 100, message = "must be at most 100")
          int size)
      throws SQLException {
    return search.search(
        new ProductSearch.Query(q, domain, owner, tag, status(status), page, size));
  }

  private static String status(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return ProductStatus.valueOf(value.strip().toUpperCase(Locale.ROOT)).name();
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.ofField(
          "catalog.search.invalid-status",
          "status",
          "must be one of " + List.of(ProductStatus.values()));
    }
  }
}
