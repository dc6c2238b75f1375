#!/usr/bin/env node
// The domain package must stay pure: it may import only its own files (and, in tests, vitest and fast-check).
// Fails with the offending file and import otherwise. Runs in CI before the tests.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', 'packages', 'domain');
const TEST_ONLY = new Set(['vitest', 'fast-check']);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const problems = [];
for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
  for (const name of Object.keys(pkg[field] ?? {})) problems.push(`package.json ${field}: ${name}`);
}

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (/\.[cm]?[jt]sx?$/.test(e.name)) check(full);
  }
}
function check(file) {
  const isTest = /\.test\.[jt]sx?$/.test(file) || file.includes(`${path.sep}testing${path.sep}`);
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (spec.startsWith('.')) {
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(root + path.sep))
        problems.push(`${path.relative(root, file)}: imports outside the package: ${spec}`);
      continue;
    }
    if (isTest && TEST_ONLY.has(spec)) continue;
    problems.push(`${path.relative(root, file)}: imports ${spec}`);
  }
}
walk(path.join(root, 'src'));
if (problems.length > 0) {
  console.error(
    'The domain package must not import the server, a database driver, a framework or node built-ins:',
  );
  for (const p of problems) console.error('  ' + p);
  process.exit(1);
}
console.log('domain dependency check: ok (imports only its own files)');
