#!/usr/bin/env node
// The installed command: runs the compiled CLI (npm install builds it via "prepare").
// `serve` first makes sure V8 runs with the young generation the server is tuned for
// (src/cli/young-generation.ts): if it is not set, Node replaces itself by one that has it.
const generation = require('../dist/src/cli/young-generation.js');

let flag;
try {
  flag = generation.youngGenerationFlag(process.argv, process.execArgv, process.env);
} catch (err) {
  process.stderr.write(`clustergraph: ${err.message}\n`);
  process.exit(2);
}
if (!flag || !generation.relaunch(flag)) require('../dist/src/main.js');
