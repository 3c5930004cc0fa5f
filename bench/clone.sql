-- Benchmark data (bench/run): clones one process instance n times, row for row as the engine wrote it
-- (runtime, jobs, per-task authorizations, identity links, variables, byte arrays, history), remapping
-- every id that belongs to the instance (so the copies reference each other exactly as the original
-- does) and shifting timestamps back by g * shift. tables: a LIKE pattern, e.g. 'act_hi_%' for history only.
CREATE OR REPLACE FUNCTION bench_clone(template_pi text, n int, tag text, shift interval DEFAULT interval '1 second',
                                       tables text DEFAULT 'act_%', skip text[] DEFAULT '{}')
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
  t record;
  cols text;
  sel text;
  wh text;
BEGIN
  -- every id of the template instance: rows keyed by it, its tasks, executions, business key
  CREATE TEMP TABLE IF NOT EXISTS bench_rows(tbl text, id text);
  SET LOCAL client_min_messages = warning;
  TRUNCATE bench_rows;
  FOR t IN SELECT c.table_name FROM information_schema.columns c
           WHERE c.table_schema = current_schema() AND c.column_name = 'proc_inst_id_' AND c.table_name LIKE 'act_%'
  LOOP
    EXECUTE format('INSERT INTO bench_rows SELECT %L, id_ FROM %I WHERE proc_inst_id_ = $1', t.table_name, t.table_name) USING template_pi;
  END LOOP;
  INSERT INTO bench_rows SELECT 'act_ru_identitylink', id_ FROM act_ru_identitylink WHERE task_id_ IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = template_pi);
  INSERT INTO bench_rows SELECT 'act_hi_identitylink', id_ FROM act_hi_identitylink WHERE root_proc_inst_id_ = template_pi;
  INSERT INTO bench_rows SELECT 'act_ru_authorization', id_ FROM act_ru_authorization WHERE resource_id_ IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = template_pi);
  INSERT INTO bench_rows SELECT 'act_ru_job', id_ FROM act_ru_job WHERE process_instance_id_ = template_pi;
  INSERT INTO bench_rows SELECT 'act_ge_bytearray', id_ FROM act_ge_bytearray WHERE root_proc_inst_id_ = template_pi
     OR id_ IN (SELECT bytearray_id_ FROM act_ru_variable WHERE proc_inst_id_ = template_pi)
     OR id_ IN (SELECT bytearray_id_ FROM act_hi_varinst WHERE proc_inst_id_ = template_pi)
     OR id_ IN (SELECT bytearray_id_ FROM act_hi_detail WHERE proc_inst_id_ = template_pi);
  SELECT array_agg(DISTINCT id) INTO ids FROM bench_rows;
  ids := ids || template_pi || (SELECT business_key_ FROM act_hi_procinst WHERE id_ = template_pi);
  FOR t IN SELECT tbl FROM (SELECT DISTINCT tbl FROM bench_rows) d WHERE tbl LIKE tables AND NOT tbl = ANY(skip)
           ORDER BY CASE tbl WHEN 'act_ge_bytearray' THEN 0 WHEN 'act_ru_execution' THEN 1 WHEN 'act_ru_task' THEN 2 ELSE 3 END, tbl LOOP
    SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
           string_agg(CASE WHEN data_type = 'character varying' THEN
                        format('CASE WHEN %1$I = ANY($1) THEN (CASE WHEN length(%1$I) <= 50 THEN %1$I || %2$L || g ELSE md5(%1$I || %2$L || g) END) ELSE %1$I END', column_name, '~' || tag)
                      WHEN data_type LIKE 'timestamp%' THEN format('%I - g * $3', column_name)
                      ELSE quote_ident(column_name) END, ', ' ORDER BY ordinal_position)
      INTO cols, sel
      FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = t.tbl;
    EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I, generate_series(1, $2) g WHERE id_ IN (SELECT id FROM bench_rows WHERE tbl = %L)',
                   t.tbl, cols, sel, t.tbl, t.tbl) USING ids, n, shift;
  END LOOP;
END $$;
