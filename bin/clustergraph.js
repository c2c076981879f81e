#!/usr/bin/env node
// The installed command: runs the compiled CLI (npm install builds it via "prepare").
require('../dist/src/main.js');
