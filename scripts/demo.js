#!/usr/bin/env node
'use strict';
// `npm run demo`: installs the demo site in example/ (hexo, the landscape theme and the
// renderers from npm, hexo-beian linked from this repository), generates it, and runs
// `hexo beian check` on it, as a user would.
const { spawnSync } = require('child_process');
const { existsSync } = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const example = path.join(root, 'example');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  console.log(`\n$ ${[path.basename(command), ...args].join(' ')}`);
  const { status, error } = spawnSync(command, args, { cwd: example, stdio: 'inherit' });
  if (error) throw error;
  return status;
}

if (!existsSync(path.join(root, 'dist', 'index.js'))) {
  console.error('hexo-beian is not built: run `npm install` in the repository first.');
  process.exit(1);
}
// --no-save: install what example/package-lock.json pins, and leave it as committed (npm
// would otherwise record the linked repository's current dev dependencies in it).
if (run(npm, ['install', '--no-save', '--no-audit', '--no-fund']) !== 0) process.exit(1);
const hexoBin = path.join(example, 'node_modules', '.bin', 'hexo');
if (run(hexoBin, ['clean']) !== 0 || run(hexoBin, ['generate']) !== 0) process.exit(1);
const checked = run(hexoBin, ['beian', 'check']);

console.log(`
The demo site is built. Look at:
  ${path.join('example', 'public', 'index.html')}   the home page: both filing numbers in the site footer
  ${path.join('example', 'public', '2024', '06', '02', 'beian-guide', 'index.html')}   a long Chinese post, with the same footer
Serve it:   cd example && npx hexo server   (then open http://localhost:4000/ and scroll to the bottom)
Check it:   cd example && npx hexo beian check`);
process.exit(checked);
