'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadExtension } = require('../stubs/vscode');
const { schemaDiagnostics, serverSettings } = require('../lib/settings');

test('"auto" leaves the schema findings to the YAML extension while it validates', () => {
  assert.equal(schemaDiagnostics('auto', true, true), false);
  assert.equal(schemaDiagnostics('auto', true, undefined), false);
  assert.equal(schemaDiagnostics('auto', true, false), true); // yaml.validate: false
  assert.equal(schemaDiagnostics('auto', false, true), true); // not installed
});

test('"on" and "off" (or true and false typed in settings.json) decide alone', () => {
  for (const installed of [true, false]) {
    assert.equal(schemaDiagnostics('on', installed, true), true);
    assert.equal(schemaDiagnostics(true, installed, true), true);
    assert.equal(schemaDiagnostics('off', installed, false), false);
    assert.equal(schemaDiagnostics(false, installed, false), false);
  }
});

test('the server settings read the editor: the YAML extension, yaml.validate, styr.language', () => {
  const { vscode, state } = loadExtension();
  assert.deepEqual(serverSettings(vscode), { schemaDiagnostics: true, language: null });
  state.extensions.add('redhat.vscode-yaml');
  assert.deepEqual(serverSettings(vscode), { schemaDiagnostics: false, language: null });
  state.settings['yaml.validate'] = false;
  state.settings['styr.language'] = 'en';
  assert.deepEqual(serverSettings(vscode), { schemaDiagnostics: true, language: 'en' });
  state.settings['styr.language'] = 'fr'; // not a language styr speaks: the repository's
  assert.deepEqual(serverSettings(vscode), { schemaDiagnostics: true, language: null });
  state.settings['styr.language'] = ''; // cleared: said so, so the server drops 'en'
  assert.deepEqual(serverSettings(vscode), { schemaDiagnostics: true, language: null });
});
