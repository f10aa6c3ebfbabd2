package io.meshwork.bench.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.postgresql.PGConnection;

/**
 * 100,000 generated data products (by default) loaded straight into catalog-service's tables with
 * COPY: names of two or three words and a number, descriptions, column names and tags from one
 * vocabulary, spread over 20 domains, almost all published.
 */
final class CatalogCorpus {

  static final String[] WORDS = {
    "customer",
    "order",
    "invoice",
    "payment",
    "refund",
    "shipment",
    "inventory",
    "product",
    "campaign",
    "session",
    "click",
    "account",
    "ledger",
    "balance",
    "supplier",
    "warehouse",
    "store",
    "basket",
    "coupon",
    "review",
    "rating",
    "churn",
    "segment",
    "lifetime",
    "value",
    "revenue",
    "margin",
    "forecast",
    "demand",
    "stock",
    "price",
    "discount",
    "loyalty",
    "member",
    "subscription",
    "plan",
    "usage",
    "event",
    "device",
    "location",
    "region",
    "country",
    "city",
    "employee",
    "payroll",
    "expense",
    "budget",
    "contract",
    "claim",
    "policy",
    "risk",
    "fraud",
    "alert",
    "ticket",
    "support",
    "survey",
    "feedback",
    "lead",
    "opportunity",
    "pipeline",
    "funnel",
    "conversion",
    "attribution",
    "channel",
    "partner",
    "vendor",
    "catalog",
    "category",
    "brand",
    "return",
    "delivery",
    "route",
    "fleet",
    "driver",
    "trip",
    "booking",
    "reservation",
    "guest",
    "room",
    "flight",
    "passenger",
    "patient",
    "visit",
    "diagnosis",
    "lab",
    "sensor",
    "reading",
    "meter",
    "energy",
    "tariff",
    "network",
    "call",
    "message",
    "content",
    "article",
    "author",
    "media",
    "stream",
    "playback",
    "search",
    "query",
    "recommendation",
    "model"
  };
  static final String[] QUALIFIERS = {
    "daily",
    "weekly",
    "monthly",
    "raw",
    "clean",
    "mart",
    "fact",
    "dim",
    "summary",
    "snapshot",
    "history",
    "latest",
    "enriched",
    "scored",
    "aggregated",
    "staged"
  };

  private CatalogCorpus() {}

  /** A product's name: {@code i} decides it, so names are unique and can be made again. */
  static String name(int i) {
    Random random = new Random(i * 7919L);
    return QUALIFIERS[random.nextInt(QUALIFIERS.length)]
        + "_"
        + WORDS[random.nextInt(WORDS.length)]
        + "_"
        + WORDS[random.nextInt(WORDS.length)]
        + "_"
        + i;
  }

  static String domain(int i) {
    return "domain" + (i % 20);
  }

  static String tag(int i) {
    return WORDS[(i * 31) % WORDS.length];
  }

  static void load(Connection connection, int products) throws SQLException, IOException {
    try (Statement sql = connection.createStatement()) {
      sql.execute("SET search_path TO catalog");
      for (int d = 0; d < 20; d++) {
        sql.execute(
            "INSERT INTO data_domain VALUES ('domain"
                + d
                + "', 'team"
                + d
                + "', NULL, 'bench', now()) ON CONFLICT DO NOTHING");
      }
    }
    StringBuilder rows = new StringBuilder(products * 200);
    for (int i = 0; i < products; i++) {
      Random random = new Random(i);
      String name = name(i);
      List<String> columns = new ArrayList<>();
      for (int c = 0; c < 5; c++) {
        columns.add(WORDS[random.nextInt(WORDS.length)] + "_id");
      }
      String description =
          "The "
              + WORDS[random.nextInt(WORDS.length)]
              + " and "
              + WORDS[random.nextInt(WORDS.length)]
              + " of every "
              + WORDS[random.nextInt(WORDS.length)];
      boolean published = i % 10 != 0;
      rows.append(name)
          .append('\t')
          .append(domain(i))
          .append('\t')
          .append("team")
          .append(i % 20)
          .append('\t')
          .append(published ? "PUBLISHED" : "DRAFT")
          .append("\t1.0.0\t")
          .append(published ? "1.0.0" : "\\N")
          .append('\t')
          .append(description)
          .append("\t{")
          .append(tag(i))
          .append(',')
          .append(tag(i + 1))
          .append("}\t{")
          .append(String.join(",", columns))
          .append("}\t24h\t99.9%\t1h\t2026-12-01 00:00:00+00\t2026-12-01 00:00:00+00\n");
    }
    connection
        .unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn(
            "COPY catalog.data_product (name, domain, owner, status, current_version,"
                + " published_version, description, tags, columns, freshness, availability,"
                + " latency, created_at, updated_at) FROM STDIN",
            new StringReader(rows.toString()));
    try (Statement sql = connection.createStatement()) {
      sql.execute("ANALYZE catalog.data_product");
    }
  }
}
