// Validates every element template in processes/.camunda/element-templates/ against Camunda's
// element-templates JSON schema (npm @camunda/element-templates-json-schema, the one Camunda Modeler
// uses). Exits 1 listing each error. Run: npm run check-templates
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');
const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'processes', '.camunda', 'element-templates');

// strict: false because Camunda's schema uses annotation keywords (e.g. "deprecated") Ajv does not know
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`No element templates in ${dir}`);
  process.exit(1);
}
let failed = 0;
const ids = new Map();
for (const file of files) {
  let templates;
  try {
    templates = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  } catch (e) {
    console.error(`${file}: not JSON: ${e.message}`);
    failed++;
    continue;
  }
  if (!validate(templates)) {
    failed++;
    for (const error of validate.errors) {
      console.error(`${file}${error.instancePath}: ${error.message} ${JSON.stringify(error.params)}`);
    }
  }
  for (const t of [].concat(templates)) {
    if (ids.has(t.id)) {
      console.error(`${file}: template id ${t.id} also in ${ids.get(t.id)}`);
      failed++;
    }
    ids.set(t.id, file);
  }
}
if (failed) {
  console.error(`Element templates: ${failed} problem(s)`);
  process.exit(1);
}
console.log(`Element templates: ${ids.size} templates in ${files.length} files valid against the Camunda element-templates schema`);
