'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');

const HERE = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(HERE, 'package.json'), 'utf8'));
const readJson = (name) => JSON.parse(fs.readFileSync(path.join(HERE, name), 'utf8'));

test('the manifest starts on a styr repository or a YAML file, from extension.js', () => {
  assert.deepEqual(manifest.activationEvents, ['workspaceContains:**/styr.yaml', 'onLanguage:yaml']);
  assert.equal(manifest.main, './extension.js');
  assert.ok(fs.existsSync(path.join(HERE, manifest.main)));
  assert.match(manifest.engines.vscode, /^\^1\.\d+\.\d+$/);
  assert.ok(manifest.dependencies['vscode-languageclient']);
});

test('in an untrusted workspace the workspace cannot choose the program to run', () => {
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.deepEqual(untrusted.restrictedConfigurations, ['styr.path']);
});

test('the settings the extension reads are the ones it declares, with their defaults', () => {
  const properties = manifest.contributes.configuration.properties;
  assert.deepEqual(Object.keys(properties).sort(), ['styr.language', 'styr.path', 'styr.schemaDiagnostics']);
  assert.equal(properties['styr.path'].default, '');
  assert.equal(properties['styr.schemaDiagnostics'].default, 'auto');
  assert.deepEqual(properties['styr.schemaDiagnostics'].enum, ['auto', 'on', 'off']);
  assert.deepEqual(properties['styr.language'].enum, ['', 'sv', 'en']);
});

test('every %key% of the manifest has English and Swedish words', () => {
  const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]);
  assert.ok(keys.length > 5);
  for (const file of ['package.nls.json', 'package.nls.sv.json']) {
    const words = readJson(file);
    assert.deepEqual(keys.filter((key) => !(key in words)), [], file);
    assert.deepEqual(Object.keys(words).filter((key) => !keys.includes(key)), [], file);
  }
});

test('every message the extension shows has Swedish words', () => {
  const code = ['extension.js', ...fs.readdirSync(path.join(HERE, 'lib')).map((f) => `lib/${f}`)]
    .map((file) => fs.readFileSync(path.join(HERE, file), 'utf8'))
    .join('\n');
  const messages = [...code.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((match) => match[1]);
  assert.ok(messages.length >= 4);
  const swedish = readJson('l10n/bundle.l10n.sv.json');
  assert.deepEqual(messages.filter((message) => !(message in swedish)), []);
  assert.deepEqual(Object.keys(swedish).filter((key) => !messages.includes(key)), []);
});

test('each schema the YAML extension is given is one bundle.py writes', () => {
  for (const { url, fileMatch } of manifest.contributes.yamlValidation) {
    assert.match(url, /^\.\/schemas\/[a-z_]+\.schema\.json$/);
    assert.ok(fileMatch.length > 0);
  }
});
