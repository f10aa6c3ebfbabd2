package io.meshwork.provisioning.schema;

/** Column types the provisioners map schemas to (PostgreSQL names in {@link #sql}). */
public enum FieldType {
  STRING("text"),
  INTEGER("integer"),
  BIGINT("bigint"),
  DOUBLE("double precision"),
  DECIMAL("numeric"),
  BOOLEAN("boolean"),
  DATE("date"),
  TIMESTAMP("timestamptz"),
  TIME("time"),
  BYTES("bytea"),
  UUID("uuid"),
  JSON("jsonb");

  private final String sql;

  FieldType(String sql) {
    this.sql = sql;
  }

  public String sql() {
    return sql;
  }
}
