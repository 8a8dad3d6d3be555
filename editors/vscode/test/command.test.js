'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { serverCommand, versionArgs } = require('../lib/command');

const none = () => false;
const only = (...files) => (file) => files.includes(file);

test('styr.path is started with "lsp" when it names a file', () => {
  const server = serverCommand({
    configuredPath: '/opt/styr/bin/styr',
    folders: ['/home/planner/helsingborg'],
    platform: 'linux',
    env: { PATH: '/usr/bin' },
    isFile: only('/opt/styr/bin/styr', '/usr/bin/styr'),
  });
  assert.deepEqual(server, { command: '/opt/styr/bin/styr', args: ['lsp'], probe: false });
});

test('a styr.path that names nothing is a problem, not a fallback', () => {
  const server = serverCommand({
    configuredPath: 'C:\\Verktyg\\styr.exe',
    folders: [],
    platform: 'win32',
    env: { PATH: 'C:\\Python\\Scripts' },
    isFile: only('C:\\Python\\Scripts\\styr.exe'),
  });
  assert.deepEqual(server, { problem: 'missingConfigured', path: 'C:\\Verktyg\\styr.exe' });
});

test('styr in the workspace .venv goes before PATH', () => {
  const server = serverCommand({
    configuredPath: '',
    folders: ['/home/planner/helsingborg'],
    platform: 'linux',
    env: { PATH: '/usr/bin' },
    isFile: only('/home/planner/helsingborg/.venv/bin/styr', '/usr/bin/styr'),
  });
  assert.equal(server.command, '/home/planner/helsingborg/.venv/bin/styr');
});

test('on Windows the .venv holds Scripts\\styr.exe', () => {
  const server = serverCommand({
    configuredPath: '',
    folders: ['C:\\Users\\planner\\helsingborg'],
    platform: 'win32',
    env: {},
    isFile: only('C:\\Users\\planner\\helsingborg\\.venv\\Scripts\\styr.exe'),
  });
  assert.equal(server.command, 'C:\\Users\\planner\\helsingborg\\.venv\\Scripts\\styr.exe');
});

test('styr on PATH is found, with PATHEXT on Windows', () => {
  const linux = serverCommand({
    configuredPath: '  ',
    folders: [],
    platform: 'linux',
    env: { PATH: '/usr/local/bin:/home/planner/.local/bin' },
    isFile: only('/home/planner/.local/bin/styr'),
  });
  assert.deepEqual(linux, { command: '/home/planner/.local/bin/styr', args: ['lsp'], probe: false });
  const windows = serverCommand({
    configuredPath: '',
    folders: [],
    platform: 'win32',
    env: { Path: 'C:\\Windows;C:\\Users\\planner\\.local\\bin', PATHEXT: '.COM;.EXE' },
    isFile: only('C:\\Users\\planner\\.local\\bin\\styr.exe'),
  });
  assert.equal(windows.command, 'C:\\Users\\planner\\.local\\bin\\styr.exe');
});

test('without styr on PATH: py -m styr on Windows, python3 -m styr elsewhere, probed first', () => {
  const windows = serverCommand({ configuredPath: '', folders: [], platform: 'win32', env: {}, isFile: none });
  assert.deepEqual(windows, { command: 'py', args: ['-P', '-m', 'styr', 'lsp'], probe: true });
  const mac = serverCommand({ configuredPath: '', folders: [], platform: 'darwin', env: { PATH: '/usr/bin' }, isFile: none });
  assert.deepEqual(mac, { command: 'python3', args: ['-P', '-m', 'styr', 'lsp'], probe: true });
  assert.deepEqual(versionArgs(mac), ['-P', '-m', 'styr', '--version']);
  assert.deepEqual(versionArgs({ command: 'styr', args: ['lsp'] }), ['--version']);
});
