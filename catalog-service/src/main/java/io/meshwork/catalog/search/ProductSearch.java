package io.meshwork.catalog.search;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Discovery over data products in PostgreSQL alone: full text over names, descriptions, column
 * names and tags ({@code search_vector}, GIN), and, when the words find too few, trigram similarity
 * of names ({@code pg_trgm}, GIN), so a query one typo away from a name still finds it. An exact
 * name always comes first. Every value is bound; the statement text is fixed but for which filters
 * are present.
 */
@ApplicationScoped
public class ProductSearch {

  /** What a query asks: the words, the filters, the page. */
  public record Query(
      String text, String domain, String owner, String tag, String status, int page, int size) {

    boolean hasText() {
      return text != null && !text.isBlank();
    }
  }

  private static final String MATCHED =
      "WITH matched AS MATERIALIZED (SELECT p.name, p.domain, p.owner, p.status, p.current_version,"
          + " p.published_version, p.description, p.tags, p.name = ? AS exact, %s AS score"
          + " FROM data_product p WHERE %s)";

  private static final String WORDS = "p.search_vector @@ websearch_to_tsquery('simple', ?)";
  private static final String WORDS_SCORE =
      "ts_rank(p.search_vector, websearch_to_tsquery('simple', ?))";
  private static final String NAMES = "p.name % ?";
  private static final String NAMES_SCORE = "similarity(p.name, ?)";

  /** How alike a name must be to a query to match it: one typo in a word of the name passes. */
  private static final String SIMILARITY = "0.45";

  /**
   * The page of hits (kind {@code hit}, in rank order) and the facet counts and total over all
   * matches, from one scan of the matched set: a row per hit, then a row per count.
   */
  private static final String ANSWER =
      " (SELECT 'hit', row_number() OVER (ORDER BY exact DESC, score DESC, name), name, domain,"
          + " owner, status, current_version, published_version, description, tags, exact, score"
          + " FROM matched ORDER BY exact DESC, score DESC, name LIMIT ? OFFSET ?)"
          + " UNION ALL SELECT 'total', count(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
          + " NULL, NULL FROM matched"
          + facet("domain", "domain", "matched")
          + facet("owner", "owner", "matched")
          + facet("status", "status", "matched")
          + facet("tag", "t", "matched, unnest(tags) AS t");

  private static String facet(String name, String column, String from) {
    return " UNION ALL SELECT '"
        + name
        + "', count(*), "
        + column
        + ", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM "
        + from
        + " GROUP BY "
        + column;
  }

  private final AgroalDataSource dataSource;

  public ProductSearch(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public SearchResponse search(Query query) throws SQLException {
    String text = query.hasText() ? query.text().strip().toLowerCase(Locale.ROOT) : "";
    List<Object> filterValues = new ArrayList<>();
    StringBuilder filters = new StringBuilder();
    filter(filters, filterValues, "p.domain = ?", query.domain());
    filter(filters, filterValues, "p.owner = ?", query.owner());
    filter(filters, filterValues, "p.tags @> ARRAY[?]::text[]", query.tag());
    if (query.status() != null) {
      filter(filters, filterValues, "p.status = ?", query.status());
    } else {
      // Discovery shows what consumers may use: products with a published, not retired version.
      filters.append(" AND p.published_version IS NOT NULL AND p.status <> 'RETIRED'");
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (Statement settings = connection.createStatement()) {
          settings.execute("SET LOCAL pg_trgm.similarity_threshold = " + SIMILARITY);
        }
        Matching matching = Matching.words(text, filters.toString(), filterValues);
        SearchResponse answer = answer(connection, matching, query, text);
        boolean exact = !answer.results().isEmpty() && answer.results().get(0).exact();
        if (!text.isEmpty() && !exact && answer.total() < query.size() && query.page() == 0) {
          // The words found few: the query may be a name with a typo, so names alike join in.
          answer =
              answer(
                  connection,
                  Matching.wordsOrNames(text, filters.toString(), filterValues),
                  query,
                  text);
        }
        return answer;
      } finally {
        connection.rollback();
      }
    }
  }

  /** The matched-set statement and its parameters, in the order of its placeholders. */
  private record Matching(String sql, List<Object> parameters) {

    static Matching words(String text, String filters, List<Object> filterValues) {
      if (text.isEmpty()) {
        return of(text, "0", List.of(), "TRUE" + filters, List.of(), filterValues);
      }
      return of(text, WORDS_SCORE, List.of(text), WORDS + filters, List.of(text), filterValues);
    }

    static Matching wordsOrNames(String text, String filters, List<Object> filterValues) {
      return of(
          text,
          "greatest(" + WORDS_SCORE + ", " + NAMES_SCORE + ")",
          List.of(text, text),
          "(" + WORDS + " OR " + NAMES + ")" + filters,
          List.of(text, text),
          filterValues);
    }

    private static Matching of(
        String text,
        String score,
        List<Object> scoreValues,
        String where,
        List<Object> whereValues,
        List<Object> filterValues) {
      List<Object> parameters = new ArrayList<>();
      parameters.add(text);
      parameters.addAll(scoreValues);
      parameters.addAll(whereValues);
      parameters.addAll(filterValues);
      return new Matching(MATCHED.formatted(score, where), parameters);
    }
  }

  private static void filter(StringBuilder where, List<Object> values, String sql, String value) {
    if (value != null && !value.isBlank()) {
      where.append(" AND ").append(sql);
      values.add(value);
    }
  }

  /** One statement: the page of hits and the counts over all matches. */
  private static SearchResponse answer(
      Connection connection, Matching matching, Query query, String text) throws SQLException {
    Map<Long, SearchResponse.Hit> hits = new TreeMap<>();
    Map<String, List<SearchResponse.FacetCount>> facets = new LinkedHashMap<>();
    for (String facet : List.of("domain", "owner", "status", "tag")) {
      facets.put(facet, new ArrayList<>());
    }
    long total = 0;
    try (PreparedStatement statement = connection.prepareStatement(matching.sql() + ANSWER)) {
      int index = bind(statement, matching.parameters());
      statement.setInt(index++, query.size());
      statement.setLong(index, (long) query.page() * query.size());
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          String kind = row.getString(1);
          if (kind.equals("hit")) {
            hits.put(
                row.getLong(2),
                new SearchResponse.Hit(
                    row.getString(3),
                    row.getString(4),
                    row.getString(5),
                    row.getString(6),
                    row.getString(7),
                    row.getString(8),
                    row.getString(9),
                    strings(row.getArray(10)),
                    row.getBoolean(11),
                    Math.round(row.getDouble(12) * 1000) / 1000.0));
          } else if (kind.equals("total")) {
            total = row.getLong(2);
          } else {
            facets.get(kind).add(new SearchResponse.FacetCount(row.getString(3), row.getLong(2)));
          }
        }
      }
    }
    Comparator<SearchResponse.FacetCount> order =
        Comparator.comparingLong(SearchResponse.FacetCount::count)
            .reversed()
            .thenComparing(SearchResponse.FacetCount::value);
    facets.values().forEach(counts -> counts.sort(order));
    return new SearchResponse(
        text.isEmpty() ? null : text,
        total,
        query.page(),
        query.size(),
        List.copyOf(hits.values()),
        facets);
  }

  private static int bind(PreparedStatement statement, List<Object> parameters)
      throws SQLException {
    int index = 1;
    for (Object parameter : parameters) {
      statement.setObject(index++, parameter);
    }
    return index;
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}
