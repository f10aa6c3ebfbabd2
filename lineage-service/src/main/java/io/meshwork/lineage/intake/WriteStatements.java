package io.meshwork.lineage.intake;

import io.meshwork.lineage.graph.GraphRows;

/**
 * The statements {@link WriteAttempt} sends. Each is set-based: one array parameter per column,
 * unnested on the server, so a statement costs the same for one event or thousands, and no value
 * ever becomes SQL text. Graph rows (nodes, edges, column edges) are stamped with the writing
 * transaction's id ({@code tx}), from which other instances catch up.
 */
final class WriteStatements {

  private static final String TX = "pg_current_xact_id()::text::bigint";

  static final String UPSERT_NODES =
      "INSERT INTO lineage_node AS n (kind, namespace, name, first_seen, last_updated,"
          + " processing_type, job_type, integration, data_product, owners, facets)"
          + " SELECT k, ns, nm, fs::timestamptz, lu::timestamptz, pt, jt, ig, dp, ow::jsonb, fc::jsonb"
          + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
          + " AS u(k, ns, nm, fs, lu, pt, jt, ig, dp, ow, fc)"
          + " ON CONFLICT (kind, namespace, name) DO UPDATE SET"
          + " first_seen = LEAST(n.first_seen, EXCLUDED.first_seen),"
          + " last_updated = GREATEST(n.last_updated, EXCLUDED.last_updated),"
          + " processing_type = COALESCE(EXCLUDED.processing_type, n.processing_type),"
          + " job_type = COALESCE(EXCLUDED.job_type, n.job_type),"
          + " integration = COALESCE(EXCLUDED.integration, n.integration),"
          + " data_product = COALESCE(EXCLUDED.data_product, n.data_product),"
          + " owners = CASE WHEN EXCLUDED.owners = '[]'::jsonb THEN n.owners ELSE EXCLUDED.owners END,"
          + " facets = n.facets || EXCLUDED.facets,"
          + " version = n.version + 1, tx = "
          + TX
          + " RETURNING "
          + GraphRows.NODE_COLUMNS;

  static final String INSERT_EVENTS =
      "INSERT INTO lineage_event (event_time, kind, event_type, run_id, job_namespace, job_name,"
          + " producer, payload)"
          + " SELECT et::timestamptz, k, t, r::uuid, jn, jm, p, pl::jsonb"
          + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::text[]) AS u(et, k, t, r, jn, jm, p, pl)";

  static final String UPSERT_RUNS =
      "INSERT INTO lineage_run AS r (run_id, job_id, state, started_at, ended_at, parent_run_id,"
          + " updated_at)"
          + " SELECT id::uuid, j, s, sa::timestamptz, ea::timestamptz, p::uuid, u::timestamptz"
          + " FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[]) AS x(id, j, s, sa, ea, p, u)"
          + " ON CONFLICT (run_id) DO UPDATE SET"
          + " state = CASE WHEN EXCLUDED.updated_at >= r.updated_at THEN EXCLUDED.state"
          + " ELSE r.state END,"
          + " started_at = LEAST(r.started_at, EXCLUDED.started_at),"
          + " ended_at = GREATEST(r.ended_at, EXCLUDED.ended_at),"
          + " parent_run_id = COALESCE(EXCLUDED.parent_run_id, r.parent_run_id),"
          + " updated_at = GREATEST(r.updated_at, EXCLUDED.updated_at)";

  static final String INSERT_RUN_DATASETS =
      "INSERT INTO lineage_run_dataset (run_id, node_id, direction)"
          + " SELECT r::uuid, n, d FROM unnest(?::text[], ?::bigint[], ?::text[]) AS x(r, n, d)"
          + " ON CONFLICT DO NOTHING";

  /** A job's newer statement of what it reads and writes outranks an older event's edges. */
  private static final String NOT_SUPERSEDED =
      " NOT EXISTS (SELECT 1 FROM lineage_job_io io WHERE io.job_id = x.j"
          + " AND io.as_of > x.f::timestamptz)";

  static final String OPEN_EDGES =
      "INSERT INTO lineage_edge AS e (source_id, target_id, valid_from)"
          + " SELECT s, t, f::timestamptz"
          + " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[]) AS x(s, t, f, j)"
          + " WHERE"
          + NOT_SUPERSEDED
          + " ON CONFLICT (source_id, target_id) WHERE valid_to IS NULL DO UPDATE SET"
          + " valid_from = EXCLUDED.valid_from, tx = "
          + TX
          + " WHERE EXCLUDED.valid_from < e.valid_from"
          + " RETURNING "
          + GraphRows.EDGE_COLUMNS;

  static final String OPEN_COLUMN_EDGES =
      "INSERT INTO lineage_column_edge AS c (job_id, input_id, input_field, output_id,"
          + " output_field, transformations, valid_from)"
          + " SELECT j, i, fi, o, fo, tr::jsonb, f::timestamptz"
          + " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[],"
          + " ?::text[]) AS x(j, i, fi, o, fo, tr, f)"
          + " WHERE"
          + NOT_SUPERSEDED
          + " ON CONFLICT (job_id, input_id, input_field, output_id, output_field)"
          + " WHERE valid_to IS NULL DO UPDATE SET"
          + " valid_from = LEAST(c.valid_from, EXCLUDED.valid_from),"
          + " transformations = EXCLUDED.transformations, tx = "
          + TX
          + " WHERE EXCLUDED.valid_from < c.valid_from"
          + " OR c.transformations IS DISTINCT FROM EXCLUDED.transformations"
          + " RETURNING "
          + GraphRows.COLUMN_EDGE_COLUMNS;

  /**
   * Ends the job's open edges to datasets its completing run did not read or write; a run that
   * named no dataset at all says nothing and ends nothing.
   */
  static final String CLOSE_EDGES =
      "UPDATE lineage_edge AS e SET valid_to = x.f::timestamptz, tx = "
          + TX
          + " FROM unnest(?::bigint[], ?::text[], ?::text[]) AS x(j, f, r)"
          + " WHERE e.valid_to IS NULL AND e.valid_from <= x.f::timestamptz"
          + " AND (e.source_id = x.j OR e.target_id = x.j) AND"
          + NOT_SUPERSEDED
          + " AND EXISTS (SELECT 1 FROM lineage_run_dataset d WHERE d.run_id = x.r::uuid)"
          + " AND NOT EXISTS (SELECT 1 FROM lineage_run_dataset d WHERE d.run_id = x.r::uuid"
          + " AND d.node_id = CASE WHEN e.source_id = x.j THEN e.target_id ELSE e.source_id END"
          + " AND d.direction = CASE WHEN e.source_id = x.j THEN 'O' ELSE 'I' END)"
          + " RETURNING e.id, e.source_id, e.target_id, e.valid_from, e.valid_to";

  static final String CLOSE_COLUMN_EDGES =
      "UPDATE lineage_column_edge AS c SET valid_to = x.f::timestamptz, tx = "
          + TX
          + " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) AS x(j, o, f, keep)"
          + " WHERE c.job_id = x.j AND c.output_id = x.o AND c.valid_to IS NULL"
          + " AND c.valid_from <= x.f::timestamptz AND"
          + NOT_SUPERSEDED
          + " AND NOT x.keep::jsonb @> jsonb_build_array(jsonb_build_array(c.input_id,"
          + " c.input_field, c.output_field))"
          + " RETURNING c.id, c.job_id, c.input_id, c.input_field, c.output_id, c.output_field,"
          + " c.transformations::text, c.valid_from, c.valid_to";

  static final String MARK_JOB_IO =
      "INSERT INTO lineage_job_io AS io (job_id, as_of)"
          + " SELECT j, f::timestamptz FROM unnest(?::bigint[], ?::text[], ?::text[]) AS x(j, f, r)"
          + " WHERE EXISTS (SELECT 1 FROM lineage_run_dataset d WHERE d.run_id = x.r::uuid)"
          + " ON CONFLICT (job_id) DO UPDATE SET as_of = GREATEST(io.as_of, EXCLUDED.as_of)";

  private WriteStatements() {}
}
