'use strict';
// extension.js with the real vscode-languageclient (after npm ci) starting the
// real `styr lsp` (STYR_PATH names the program) on a copy of the Helsingborg
// example, whose board file is open with unsaved changes: a broken link in
// the goal chain and a value the schema does not allow. With the YAML
// extension installed, styr reports the chain and leaves the schema to it.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');
const { editor, textDocument, Uri } = require('../stubs/editor');

const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'helsingborg');
const PATIENCE_MS = 30000;

function codeOf(diagnostic) {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

async function until(condition, what) {
  const deadline = Date.now() + PATIENCE_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('the extension starts styr lsp, which checks the unsaved buffer and leaves the schema to the YAML extension', async () => {
  assert.ok(process.env.STYR_PATH, 'STYR_PATH names the styr program');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-vscode-'));
  const repository = path.join(folder, 'helsingborg');
  fs.cpSync(EXAMPLE, repository, { recursive: true });
  const board = path.join(repository, 'organisation', 'kulturnamnden.yaml');
  const saved = fs.readFileSync(board, 'utf8');
  const unsaved = saved
    .replace('contributes_to: [inriktning-livskvalitet, inriktning-trygghet]', 'contributes_to: [inriktning-livskvalitet, inriktning-trygghett]')
    .replace('better: higher', 'better: sometimes');
  assert.notEqual(unsaved, saved);
  const made = editor({
    folder,
    manifests: [path.join(repository, 'styr.yaml')],
    documents: [textDocument(board, unsaved)],
    settings: { 'styr.path': process.env.STYR_PATH },
    extensions: ['redhat.vscode-yaml'],
  });
  const originalLoad = Module._load;
  Module._load = function load(request, parent, isMain) {
    return request === 'vscode' ? made.vscode : originalLoad.call(this, request, parent, isMain);
  };
  const extension = require('../extension');
  try {
    await extension.activate({ subscriptions: [] });
    assert.deepEqual(made.errors, []);
    const uri = Uri.file(board).toString();
    await until(() => (made.diagnostics.get(uri) ?? []).some((d) => codeOf(d) === 'C001'), 'C001 on the board');
    const codes = made.diagnostics.get(uri).map(codeOf);
    assert.ok(!codes.includes('S002'), `the schema problem is the YAML extension's: ${codes}`);
    const broken = made.diagnostics.get(uri).find((d) => codeOf(d) === 'C001');
    const line = unsaved.split('\n').findIndex((text) => text.includes('inriktning-trygghett'));
    assert.equal(broken.range.start.line, line);
  } finally {
    await extension.deactivate();
    Module._load = originalLoad;
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
