package io.meshwork.bench.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.bench.support.Load;
import io.meshwork.bench.support.ServiceSettings;
import io.meshwork.testing.ServiceEnvironment;
import io.meshwork.testing.ServiceProcess;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Load harness for discovery search (./meshwork bench catalog): 100,000 generated products ({@link
 * CatalogCorpus}) and 1,000 varied queries through {@code GET /api/v1/search}: exact names, words,
 * names with one typo, and facet filters. Side by side, each after the same short pause: the same
 * server's trivial authenticated GET (the floor any HTTP answer pays) and the same query texts as
 * an unindexed {@code ILIKE '%q%'} over the same rows (the classic approach). Also counts how often
 * an exact name comes first and a typo's target is in the top 5.
 */
public final class CatalogLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PRODUCTS = Integer.getInteger("bench.products", 100_000);
  private static final int QUERIES = Integer.getInteger("bench.queries", 1_000);
  private static final int WARM_UP = Integer.getInteger("bench.warmup", 300);
  private static final long PAUSE_MILLIS = Long.getLong("bench.pause", 20);

  private CatalogLoad() {}

  private enum Kind {
    EXACT,
    WORD,
    TYPO,
    FACET
  }

  private record Query(Kind kind, String text, String params, String target) {}

  public static void main(String[] args) throws Exception {
    try (ServiceEnvironment environment = ServiceEnvironment.create()) {
      ServiceProcess service =
          environment.start(
              "catalog-service", ServiceSettings.of(Map.of("QUARKUS_LOG_CONSOLE_LEVEL", "WARN")));
      String jdbc = environment.jdbcUrl();
      try (Connection connection =
          DriverManager.getConnection(jdbc, environment.infra().require("postgres.user"), "")) {
        long load = System.nanoTime();
        CatalogCorpus.load(connection, PRODUCTS);
        System.out.printf(
            "CATALOG corpus: %d products (COPY and ANALYZE) in %.1f s%n",
            PRODUCTS, (System.nanoTime() - load) / 1e9);
        String token = "Bearer " + environment.tokens().user("cody");
        String base = service.baseUrl();
        List<Query> queries = queries(QUERIES, new Random(42));
        for (Query query : queries(WARM_UP, new Random(7))) {
          search(base, token, query);
          Load.send(Load.get(base + "/api/v1/me").header("Authorization", token));
          ilike(connection, query);
        }
        long[] searchNanos = new long[queries.size()];
        long[] trivialNanos = new long[queries.size()];
        long[] ilikeNanos = new long[queries.size()];
        int exact = 0;
        int exactFirst = 0;
        int typos = 0;
        int typosTop5 = 0;
        for (int i = 0; i < queries.size(); i++) {
          Query query = queries.get(i);
          pause();
          long start = System.nanoTime();
          JsonNode answer = search(base, token, query);
          searchNanos[i] = System.nanoTime() - start;
          pause();
          start = System.nanoTime();
          Load.send(Load.get(base + "/api/v1/me").header("Authorization", token));
          trivialNanos[i] = System.nanoTime() - start;
          start = System.nanoTime();
          ilike(connection, query);
          ilikeNanos[i] = System.nanoTime() - start;
          List<String> names = new ArrayList<>();
          answer.path("results").forEach(hit -> names.add(hit.path("name").asText()));
          if (query.kind() == Kind.EXACT) {
            exact++;
            exactFirst += !names.isEmpty() && names.get(0).equals(query.target()) ? 1 : 0;
          } else if (query.kind() == Kind.TYPO) {
            typos++;
            typosTop5 +=
                names.subList(0, Math.min(5, names.size())).contains(query.target()) ? 1 : 0;
          }
        }
        report(searchNanos, trivialNanos, ilikeNanos);
        System.out.printf(
            "CATALOG ranking: exact name first in %d of %d exact queries (%.1f%%; target 100%%);"
                + " typo target in the top 5 in %d of %d (%.1f%%; target >= 95%%)%n",
            exactFirst,
            exact,
            100.0 * exactFirst / exact,
            typosTop5,
            typos,
            100.0 * typosTop5 / typos);
      }
    }
  }

  private static void report(long[] search, long[] trivial, long[] ilike) {
    Load.Result ours = new Load.Result(search.length, 0, 1, search);
    Load.Result floor = new Load.Result(trivial.length, 0, 1, trivial);
    Load.Result classic = new Load.Result(ilike.length, 0, 1, ilike);
    System.out.printf(
        "CATALOG search through HTTP (n=%d): p50 %.2f ms, p99 %.2f ms%n",
        search.length, ours.percentileMillis(50), ours.percentileMillis(99));
    System.out.printf(
        "CATALOG floor: trivial authenticated GET, same pauses: p50 %.2f ms, p99 %.2f ms%n",
        floor.percentileMillis(50), floor.percentileMillis(99));
    System.out.printf(
        "CATALOG baseline: unindexed ILIKE '%%q%%' over names and descriptions, JDBC: p50 %.2f ms,"
            + " p99 %.2f ms%n",
        classic.percentileMillis(50), classic.percentileMillis(99));
    double p99Ratio = ours.percentileMillis(99) / floor.percentileMillis(99);
    double p50Speedup = classic.percentileMillis(50) / ours.percentileMillis(50);
    System.out.printf(
        "CATALOG ratios: search p99 / trivial p99 %.1fx (target <= 10x: %s); ILIKE p50 / search"
            + " p50 %.1fx (target >= 10x: %s)%n",
        p99Ratio,
        p99Ratio <= 10 ? "met" : "NOT met",
        p50Speedup,
        p50Speedup >= 10 ? "met" : "NOT met");
  }

  private static JsonNode search(String base, String token, Query query) throws Exception {
    StringBuilder url = new StringBuilder(base).append("/api/v1/search?size=10");
    if (query.text() != null) {
      url.append("&q=").append(URLEncoder.encode(query.text(), StandardCharsets.UTF_8));
    }
    if (query.params() != null) {
      url.append('&').append(query.params());
    }
    return JSON.readTree(Load.send(Load.get(url.toString()).header("Authorization", token)));
  }

  /** The same text and filters the classic way: ILIKE over names and descriptions, no index. */
  private static void ilike(Connection connection, Query query) throws Exception {
    String text = query.text() == null ? "" : query.text();
    String domain = null;
    String tag = null;
    if (query.params() != null) {
      for (String param : query.params().split("&")) {
        String[] pair = param.split("=", 2);
        domain = pair[0].equals("domain") ? pair[1] : domain;
        tag = pair[0].equals("tag") ? pair[1] : tag;
      }
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT name, domain, owner, status, description, tags FROM catalog.data_product"
                + " WHERE (name ILIKE ? OR description ILIKE ?) AND published_version IS NOT NULL"
                + " AND (?::text IS NULL OR domain = ?) AND (?::text IS NULL OR ? = ANY(tags))"
                + " ORDER BY name LIMIT 10")) {
      statement.setString(1, "%" + text + "%");
      statement.setString(2, "%" + text + "%");
      statement.setString(3, domain);
      statement.setString(4, domain);
      statement.setString(5, tag);
      statement.setString(6, tag);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          rows.getString(1);
        }
      }
    }
  }

  /** A quarter each: exact names, vocabulary words, names with one typo, facet filters. */
  private static List<Query> queries(int count, Random random) {
    List<Query> queries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // Published products only: every tenth is a draft, which discovery leaves out.
      int product = random.nextInt(PRODUCTS / 10) * 10 + 1 + random.nextInt(9);
      String name = CatalogCorpus.name(product);
      queries.add(
          switch (Kind.values()[i % 4]) {
            case EXACT -> new Query(Kind.EXACT, name, null, name);
            case WORD ->
                new Query(
                    Kind.WORD,
                    CatalogCorpus.WORDS[random.nextInt(CatalogCorpus.WORDS.length)],
                    null,
                    null);
            case TYPO -> new Query(Kind.TYPO, typo(name, random), null, name);
            case FACET ->
                new Query(
                    Kind.FACET,
                    random.nextBoolean()
                        ? CatalogCorpus.WORDS[random.nextInt(CatalogCorpus.WORDS.length)]
                        : null,
                    "domain="
                        + CatalogCorpus.domain(product)
                        + "&tag="
                        + CatalogCorpus.tag(product),
                    null);
          });
    }
    return queries;
  }

  /** One letter of the name's words dropped, doubled, swapped with the next, or replaced. */
  private static String typo(String name, Random random) {
    int at;
    do {
      at = random.nextInt(name.length() - 1);
    } while (!Character.isLetter(name.charAt(at)) || !Character.isLetter(name.charAt(at + 1)));
    return switch (random.nextInt(4)) {
      case 0 -> name.substring(0, at) + name.substring(at + 1);
      case 1 -> name.substring(0, at) + name.charAt(at) + name.substring(at);
      case 2 ->
          name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2);
      default -> name.substring(0, at) + (char) ('a' + random.nextInt(26)) + name.substring(at + 1);
    };
  }

  private static void pause() throws InterruptedException {
    Thread.sleep(PAUSE_MILLIS);
  }
}
