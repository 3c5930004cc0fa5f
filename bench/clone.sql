-- Benchmark data (bench/run): clones process instances n times, row for row as the engine wrote them
-- (runtime, jobs, per-task authorizations, identity links, variables, byte arrays, history), remapping
-- every id that belongs to the instance (so the copies reference each other exactly as the original
-- does) and shifting timestamps back by g * shift. tables: a LIKE pattern, e.g. 'act_hi_%' for history only.
-- templates: one instance, or the instances of one case (arende and uppdrag share the business key), whose
-- ids are remapped together. first: the number of the first copy (copies first .. first + n - 1), so that
-- several sessions can make disjoint ranges of copies at once. finished_history false: the history rows the
-- engine only ever inserts and never touches again are left out (finished activity and task instances,
-- identity-link log), for copies that only go on running; what a running instance updates is kept.
DROP FUNCTION IF EXISTS bench_clone(text[], int, text, interval, text, text[]);
CREATE OR REPLACE FUNCTION bench_clone(templates text[], n int, tag text, shift interval DEFAULT interval '1 second',
                                       tables text DEFAULT 'act_%', skip text[] DEFAULT '{}', first int DEFAULT 1,
                                       finished_history boolean DEFAULT true)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
  t record;
  cols text;
  sel text;
  wh text;
BEGIN
  IF NOT finished_history THEN
    skip := skip || ARRAY['act_hi_identitylink'];
  END IF;
  -- every id of the template instance: rows keyed by it, its tasks, executions, business key
  CREATE TEMP TABLE IF NOT EXISTS bench_rows(tbl text, id text);
  SET LOCAL client_min_messages = warning;
  TRUNCATE bench_rows;
  FOR t IN SELECT c.table_name FROM information_schema.columns c
           WHERE c.table_schema = current_schema() AND c.column_name = 'proc_inst_id_' AND c.table_name LIKE 'act_%'
  LOOP
    EXECUTE format('INSERT INTO bench_rows SELECT %L, id_ FROM %I WHERE proc_inst_id_ = ANY($1)', t.table_name, t.table_name) USING templates;
  END LOOP;
  INSERT INTO bench_rows SELECT 'act_ru_identitylink', id_ FROM act_ru_identitylink WHERE task_id_ IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = ANY(templates));
  INSERT INTO bench_rows SELECT 'act_hi_identitylink', id_ FROM act_hi_identitylink WHERE root_proc_inst_id_ = ANY(templates);
  INSERT INTO bench_rows SELECT 'act_ru_authorization', id_ FROM act_ru_authorization WHERE resource_id_ IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = ANY(templates));
  INSERT INTO bench_rows SELECT 'act_ru_job', id_ FROM act_ru_job WHERE process_instance_id_ = ANY(templates);
  INSERT INTO bench_rows SELECT 'act_ge_bytearray', id_ FROM act_ge_bytearray WHERE root_proc_inst_id_ = ANY(templates)
     OR id_ IN (SELECT bytearray_id_ FROM act_ru_variable WHERE proc_inst_id_ = ANY(templates))
     OR id_ IN (SELECT bytearray_id_ FROM act_hi_varinst WHERE proc_inst_id_ = ANY(templates))
     OR id_ IN (SELECT bytearray_id_ FROM act_hi_detail WHERE proc_inst_id_ = ANY(templates));
  SELECT array_agg(DISTINCT id) INTO ids FROM bench_rows;
  ids := ids || templates || ARRAY(SELECT DISTINCT business_key_ FROM act_hi_procinst WHERE id_ = ANY(templates) AND business_key_ IS NOT NULL);
  -- looked up through a hash (a hashed SubPlan), not compared with every id: a case with its history has thousands
  CREATE TEMP TABLE IF NOT EXISTS bench_ids(id text);
  TRUNCATE bench_ids;
  INSERT INTO bench_ids SELECT DISTINCT unnest(ids);
  ANALYZE bench_ids;
  FOR t IN SELECT tbl FROM (SELECT DISTINCT tbl FROM bench_rows) d WHERE tbl LIKE tables AND NOT tbl = ANY(skip)
           ORDER BY CASE tbl WHEN 'act_ge_bytearray' THEN 0 WHEN 'act_ru_execution' THEN 1 WHEN 'act_ru_task' THEN 2 ELSE 3 END, tbl LOOP
    SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
           string_agg(CASE WHEN data_type = 'character varying' THEN
                        format('CASE WHEN %1$I IN (SELECT id FROM bench_ids) THEN (CASE WHEN length(%1$I) <= 50 THEN %1$I || %2$L || g ELSE md5(%1$I || %2$L || g) END) ELSE %1$I END', column_name, '~' || tag)
                      WHEN data_type LIKE 'timestamp%' THEN format('%I - g * $3', column_name)
                      ELSE quote_ident(column_name) END, ', ' ORDER BY ordinal_position)
      INTO cols, sel
      FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = t.tbl;
    wh := CASE WHEN NOT finished_history AND t.tbl IN ('act_hi_actinst', 'act_hi_taskinst') THEN ' AND end_time_ IS NULL' ELSE '' END;
    EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I, generate_series($4, $4 + $2 - 1) g WHERE id_ IN (SELECT id FROM bench_rows WHERE tbl = %L)%s',
                   t.tbl, cols, sel, t.tbl, t.tbl, wh) USING ids, n, shift, first;
  END LOOP;
END $$;

-- The service's own rows of a case (bench/run's follow-up timer burst): every row of every table of ours
-- keyed by the case reference (arende.referens, elsewhere the column arende), copied n times with the
-- reference and the case's process instance ids remapped exactly as bench_clone remaps them (so the copies
-- find each other), the reference also replaced inside other text (message ids such as
-- 'rapport-begard:<referens>:…' stay unique), and new identity ids. The access log is not a case's data.
DROP FUNCTION IF EXISTS bench_clone_case_rows(text, text[], int, text);
CREATE OR REPLACE FUNCTION bench_clone_case_rows(referens text, instances text[], n int, tag text, first int DEFAULT 1)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ids text[] := instances || referens;
  t record;
  cols text;
  sel text;
BEGIN
  FOR t IN SELECT c.table_name, c.column_name FROM information_schema.columns c
           WHERE c.table_schema = current_schema() AND c.table_name NOT LIKE 'act_%' AND c.table_name NOT LIKE 'databasechangelog%'
             AND c.table_name <> 'atkomstlogg'
             AND ((c.table_name = 'arende' AND c.column_name = 'referens') OR (c.table_name <> 'arende' AND c.column_name = 'arende'))
           ORDER BY c.table_name <> 'arende', c.table_name LOOP
    SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
           string_agg(CASE WHEN data_type = 'character varying' THEN
                        format('CASE WHEN %1$I = ANY($1) THEN %1$I || %2$L || g ELSE replace(%1$I, $2, $2 || %2$L || g) END', column_name, '~' || tag)
                      ELSE quote_ident(column_name) END, ', ' ORDER BY ordinal_position)
      INTO cols, sel
      FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = t.table_name AND is_identity = 'NO';
    EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I, generate_series($4, $4 + $3 - 1) g WHERE %I = $2',
                   t.table_name, cols, sel, t.table_name, t.column_name) USING ids, referens, n, first;
  END LOOP;
END $$;
