'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadExtension, context, RelativePattern } = require('../stubs/vscode');

const REPOSITORY = '/home/planner/kommuner/helsingborg';

function withPath(value, body) {
  const saved = process.env.PATH;
  process.env.PATH = value;
  return Promise.resolve()
    .then(body)
    .finally(() => {
      process.env.PATH = saved;
    });
}

async function activated(options = {}, prepare = () => {}) {
  const loaded = loadExtension(options);
  loaded.state.folders = ['/home/planner/kommuner'];
  loaded.state.manifests = [`${REPOSITORY}/styr.yaml`];
  prepare(loaded.state);
  const ctx = context();
  await loaded.extension.activate(ctx);
  return { ...loaded, ctx };
}

test('the server is styr on PATH with the argument "lsp"', () =>
  withPath('/opt/tools:/usr/bin', async () => {
    const { state } = await activated({ files: ['/usr/bin/styr'] });
    assert.equal(state.clients.length, 1);
    const [client] = state.clients;
    assert.deepEqual(client.serverOptions, { command: '/usr/bin/styr', args: ['lsp'] });
    assert.equal(client.running, true);
  }));

test('styr.path is the command when set', () =>
  withPath('/usr/bin', async () => {
    const { state } = await activated({ files: ['/srv/styr/bin/styr', '/usr/bin/styr'] }, (s) => {
      s.settings['styr.path'] = '/srv/styr/bin/styr';
    });
    assert.deepEqual(state.clients[0].serverOptions, { command: '/srv/styr/bin/styr', args: ['lsp'] });
  }));

test('styr in the .venv of a trusted workspace folder; not until the workspace is trusted', () =>
  withPath('/usr/bin', async () => {
    const venv = '/home/planner/kommuner/.venv/bin/styr';
    const { state, trustGranted } = await activated({ files: [venv, '/usr/bin/styr'] }, (s) => {
      s.trusted = false;
    });
    assert.equal(state.clients[0].serverOptions.command, '/usr/bin/styr');
    state.trusted = true;
    await trustGranted.fire();
    assert.equal(state.clients.length, 2);
    assert.equal(state.clients[0].running, false);
    assert.equal(state.clients[1].serverOptions.command, venv);
  }));

test('python3 -m styr lsp when styr is not on PATH but Python has it', () =>
  withPath('/usr/bin', async () => {
    const { state, spawned } = await activated({ probe: 0 });
    assert.deepEqual(spawned, [['python3', '-P', '-m', 'styr', '--version']]);
    assert.deepEqual(state.clients[0].serverOptions, { command: 'python3', args: ['-P', '-m', 'styr', 'lsp'] });
  }));

test('styr not installed: a clear message that opens the setting, and no server', () =>
  withPath('/usr/bin', async () => {
    const { state } = await activated({ probe: 1 }, (s) => {
      s.answerError = 'Open Settings';
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(state.clients.length, 0);
    assert.equal(state.errors.length, 1);
    assert.match(state.errors[0].text, /styr is not installed/);
    assert.match(state.errors[0].text, /styr\.path/);
    assert.deepEqual(state.commands, [['workbench.action.openSettings', 'styr.path']]);
  }));

test('a styr.path that names nothing says so and starts nothing', () =>
  withPath('/usr/bin', async () => {
    const { state } = await activated({ files: ['/usr/bin/styr'] }, (s) => {
      s.settings['styr.path'] = '/nowhere/styr';
    });
    assert.equal(state.clients.length, 0);
    assert.match(state.errors[0].text, /\/nowhere\/styr/);
  }));

test('no styr.yaml in the workspace: no server, no message', () =>
  withPath('/usr/bin', async () => {
    const { state } = await activated({ files: ['/usr/bin/styr'] }, (s) => {
      s.manifests = [];
    });
    assert.equal(state.clients.length, 0);
    assert.equal(state.errors.length, 0);
  }));

test('the document selector: the YAML files of each folder holding a styr.yaml', () =>
  withPath('/usr/bin', async () => {
    const { state } = await activated({ files: ['/usr/bin/styr'] }, (s) => {
      s.manifests = [
        '/home/planner/kommuner/huddinge/styr.yaml',
        `${REPOSITORY}/styr.yaml`,
        `${REPOSITORY}/styr.yaml`,
      ];
    });
    const selector = state.clients[0].clientOptions.documentSelector;
    assert.deepEqual(
      selector.map((filter) => [filter.scheme, filter.language, filter.pattern.baseUri.fsPath, filter.pattern.pattern]),
      [
        ['file', 'yaml', REPOSITORY, '**/*'],
        ['file', 'yaml', '/home/planner/kommuner/huddinge', '**/*'],
      ],
    );
    assert.ok(selector.every((filter) => filter.pattern instanceof RelativePattern));
  }));

test('initializationOptions: schemaDiagnostics false while the YAML extension validates', () =>
  withPath('/usr/bin', async () => {
    const { state } = await activated({ files: ['/usr/bin/styr'] }, (s) => {
      s.extensions.add('redhat.vscode-yaml');
      s.settings['styr.language'] = 'sv';
    });
    assert.deepEqual(state.clients[0].clientOptions.initializationOptions, {
      schemaDiagnostics: false,
      language: 'sv',
    });
  }));

test('initializationOptions: schemaDiagnostics true without the YAML extension', () =>
  withPath('/usr/bin', async () => {
    const { state } = await activated({ files: ['/usr/bin/styr'] });
    assert.deepEqual(state.clients[0].clientOptions.initializationOptions, {
      schemaDiagnostics: true,
      language: null,
    });
  }));

test('no watcher of its own for the YAML files: the server registers one', () =>
  withPath('/usr/bin', async () => {
    const { state } = await activated({ files: ['/usr/bin/styr'] });
    assert.equal(state.clients[0].clientOptions.synchronize, undefined);
    assert.deepEqual(state.watchers.map((watcher) => watcher.pattern), ['**/styr.yaml']);
  }));

test('a changed setting is sent under "styr", with "auto" decided', () =>
  withPath('/usr/bin', async () => {
    const { state, changeSettings, extensionsChanged } = await activated({ files: ['/usr/bin/styr'] });
    const [client] = state.clients;
    await changeSettings({ 'styr.language': 'en' });
    state.extensions.add('redhat.vscode-yaml');
    await extensionsChanged.fire();
    await changeSettings({ 'yaml.validate': false });
    await changeSettings({ 'editor.fontSize': 14 }); // not the server's business
    await changeSettings({ 'styr.language': '' }); // cleared: null, so the server drops 'en'
    assert.deepEqual(client.notifications, [
      { method: 'workspace/didChangeConfiguration', params: { settings: { styr: { schemaDiagnostics: true, language: 'en' } } } },
      { method: 'workspace/didChangeConfiguration', params: { settings: { styr: { schemaDiagnostics: false, language: 'en' } } } },
      { method: 'workspace/didChangeConfiguration', params: { settings: { styr: { schemaDiagnostics: true, language: 'en' } } } },
      { method: 'workspace/didChangeConfiguration', params: { settings: { styr: { schemaDiagnostics: true, language: null } } } },
    ]);
  }));

test('the server asking for "styr" gets the decided settings, other sections as the editor has them', () =>
  withPath('/usr/bin', async () => {
    const { state } = await activated({ files: ['/usr/bin/styr'] }, (s) => {
      s.extensions.add('redhat.vscode-yaml');
    });
    const middleware = state.clients[0].clientOptions.middleware.workspace.configuration;
    const raw = [{ schemaDiagnostics: 'auto' }, { validate: true }];
    const params = { items: [{ section: 'styr' }, { section: 'yaml' }] };
    const answers = await middleware(params, undefined, async () => raw);
    assert.deepEqual(answers, [{ schemaDiagnostics: false, language: null }, { validate: true }]);
  }));

test('changing styr.path starts the server again with the new program', () =>
  withPath('/usr/bin', async () => {
    const { state, changeSettings } = await activated({ files: ['/usr/bin/styr', '/srv/styr'] });
    await changeSettings({ 'styr.path': '/srv/styr' });
    assert.equal(state.clients.length, 2);
    assert.equal(state.clients[0].running, false);
    assert.equal(state.clients[1].serverOptions.command, '/srv/styr');
    assert.equal(state.clients[1].running, true);
  }));

test('a styr.yaml made later starts the server; deactivate stops it', () =>
  withPath('/usr/bin', async () => {
    const { state, extension } = await activated({ files: ['/usr/bin/styr'] }, (s) => {
      s.manifests = [];
    });
    assert.equal(state.clients.length, 0);
    const manifests = state.watchers.find((watcher) => watcher.pattern === '**/styr.yaml');
    state.manifests = [`${REPOSITORY}/styr.yaml`];
    await manifests.onDidCreate.fire();
    assert.equal(state.clients.length, 1);
    assert.equal(state.clients[0].running, true);
    await extension.deactivate();
    assert.equal(state.clients[0].running, false);
  }));

test('the command styr.restart starts the server again, after styr was installed', () =>
  withPath('/usr/bin', async () => {
    const { state } = await activated({ files: [] }, (s) => {
      s.settings['styr.path'] = '/usr/bin/styr';
    });
    assert.equal(state.clients.length, 0); // not there yet
    await state.registered['styr.restart']();
    assert.equal(state.clients.length, 0);
    assert.equal(state.errors.length, 2); // still not there: said again
    state.files.add('/usr/bin/styr'); // the planner installs styr
    await state.registered['styr.restart']();
    assert.equal(state.clients.length, 1);
    assert.equal(state.clients[0].running, true);
  }));

test('a server that fails to start is said in words, and a restart after it works', () =>
  withPath('/usr/bin', async () => {
    const { state } = await activated({ files: ['/usr/bin/styr'] }, (s) => {
      s.startFails = 'spawn styr EACCES';
    });
    assert.equal(state.errors.length, 1);
    assert.match(state.errors[0].text, /could not start checking as you write: spawn styr EACCES/);
    state.startFails = undefined;
    await state.registered['styr.restart']();
    assert.equal(state.clients.length, 2);
    assert.equal(state.clients[1].running, true);
  }));

test('the commands the extension registers are the ones its manifest declares', () =>
  withPath('/usr/bin', async () => {
    const { state } = await activated({ files: ['/usr/bin/styr'] });
    const manifest = require('../package.json');
    const declared = manifest.contributes.commands.map((command) => command.command);
    assert.deepEqual(Object.keys(state.registered), declared);
  }));
