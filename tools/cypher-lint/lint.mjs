// Lint Cypher statements with Neo4j's own grammar and semantic analysis
// (@neo4j-cypher/language-support, lintCypherQuery), as Cypher 5 (Neo4j 5).
//
// stdin:  a JSON array of statement strings.
// stdout: a JSON array, one entry per statement, in order:
//         {"index": i, "diagnostics": [{"severity", "message", "line", "column"}]}
//         severity is "error", "warning", "information" or "hint"; line and column
//         are 1-based. Only "error" means the statement is not valid Neo4j 5 Cypher.
// exit:   0 whatever the diagnostics; 2 with one line on stderr when the input is
//         not a JSON array of strings.
//
// The schema is empty on purpose: unknown labels, types and procedures are not
// reported, only syntax and semantic errors. Statements use $parameters that are
// bound at run time, so "Parameter $x is not defined." is dropped, with the
// package's own isNotParamError filter.

import { isNotParamError, lintCypherQuery } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const SCHEMA = { defaultLanguage: 'CYPHER 5' };

function fail(message) {
  process.stderr.write(`lint.mjs: ${message}\n`);
  process.exit(2);
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function lintOne(statement) {
  const { diagnostics } = lintCypherQuery(statement, SCHEMA);
  return diagnostics.filter(isNotParamError).map((d) => ({
    severity: SEVERITY[d.severity ?? 1] ?? 'error',
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
  }));
}

let statements;
try {
  statements = JSON.parse(await readStdin());
} catch (err) {
  fail(`stdin is not JSON: ${err.message}`);
}
if (!Array.isArray(statements) || !statements.every((s) => typeof s === 'string')) {
  fail('stdin must be a JSON array of strings');
}

const results = statements.map((statement, index) => ({
  index,
  diagnostics: lintOne(statement),
}));
process.stdout.write(JSON.stringify(results) + '\n');
