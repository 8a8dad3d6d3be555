'use strict';
// Stand-ins for the `vscode` module (which only exists inside the editor) and
// for vscode-languageclient, installed before extension.js is loaded. Each
// test sets the editor's state (folders, files, settings, extensions) and
// reads back what the extension did.

const Module = require('module');
const path = require('path');

class Uri {
  constructor(fsPath) {
    this.fsPath = fsPath;
    this.scheme = 'file';
  }

  static file(fsPath) {
    return new Uri(path.posix.normalize(fsPath));
  }

  static joinPath(uri, ...parts) {
    return Uri.file(path.posix.join(uri.fsPath, ...parts));
  }

  static parse(text) {
    return Uri.file(text.replace(/^file:\/\//, ''));
  }

  toString() {
    return `file://${this.fsPath}`;
  }
}

class RelativePattern {
  constructor(base, pattern) {
    this.baseUri = base;
    this.pattern = pattern;
  }
}

function emitter() {
  const listeners = [];
  const event = (listener) => {
    listeners.push(listener);
    return { dispose() {} };
  };
  event.fire = (value) => Promise.all(listeners.map((listener) => listener(value)));
  return event;
}

/** A fresh editor: no folders, no settings, no other extensions. */
function editor() {
  const state = {
    folders: [],
    manifests: [],
    settings: {},
    extensions: new Set(),
    errors: [],
    commands: [],
    watchers: [],
    clients: [],
    answerError: undefined,
    trusted: true,
    registered: {},
  };
  const configurationChanged = emitter();
  const extensionsChanged = emitter();
  const foldersChanged = emitter();
  const trustGranted = emitter();
  const configuration = (section) => ({
    get(key, fallback) {
      const full = `${section}.${key}`;
      return full in state.settings ? state.settings[full] : fallback;
    },
  });
  const watcher = (pattern) => {
    const created = emitter();
    const deleted = emitter();
    const made = {
      pattern,
      disposed: false,
      onDidCreate: created,
      onDidDelete: deleted,
      onDidChange: emitter(),
      dispose() {
        made.disposed = true;
      },
    };
    state.watchers.push(made);
    return made;
  };
  const vscode = {
    Uri,
    RelativePattern,
    l10n: { t: (text, ...values) => text.replace(/\{(\d+)\}/g, (_, i) => String(values[i])) },
    workspace: {
      get workspaceFolders() {
        return state.folders.map((folder) => ({ uri: Uri.file(folder) }));
      },
      getConfiguration: configuration,
      findFiles: async (include) => (include === '**/styr.yaml' ? state.manifests.map(Uri.file) : []),
      createFileSystemWatcher: watcher,
      onDidChangeConfiguration: configurationChanged,
      onDidChangeWorkspaceFolders: foldersChanged,
      onDidGrantWorkspaceTrust: trustGranted,
      get isTrusted() {
        return state.trusted;
      },
    },
    extensions: {
      getExtension: (id) => (state.extensions.has(id) ? { id } : undefined),
      onDidChange: extensionsChanged,
    },
    window: {
      showErrorMessage: async (text, ...actions) => {
        state.errors.push({ text, actions });
        return state.answerError;
      },
    },
    commands: {
      executeCommand: async (...args) => {
        state.commands.push(args);
      },
      registerCommand: (name, handler) => {
        state.registered[name] = handler;
        return { dispose() {} };
      },
    },
  };
  const changeSettings = (changes) => {
    Object.assign(state.settings, changes);
    const keys = Object.keys(changes);
    return configurationChanged.fire({
      affectsConfiguration: (section) => keys.some((key) => key === section || key.startsWith(`${section}.`)),
    });
  };
  return { vscode, state, changeSettings, extensionsChanged, foldersChanged, trustGranted };
}

/** vscode-languageclient/node whose LanguageClient records what it was given. */
function languageClient(state) {
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions });
      this.notifications = [];
      this.running = false;
      state.clients.push(this);
    }

    async start() {
      if (state.startFails) throw new Error(state.startFails);
      this.running = true;
    }

    async stop() {
      this.running = false;
    }

    async sendNotification(method, params) {
      this.notifications.push({ method, params });
    }
  }
  return { LanguageClient };
}

const EXTENSION = path.resolve(__dirname, '..', 'extension.js');

/**
 * extension.js loaded afresh against a new editor. `files` are the paths that
 * exist (for `styr.path`, `.venv` and PATH), `probe` the exit code of
 * `--version` for the `python -m styr` form.
 */
function loadExtension({ files = [], probe = 0 } = {}) {
  const made = editor();
  made.state.files = new Set(files);
  const spawned = [];
  const stubs = {
    vscode: made.vscode,
    'vscode-languageclient/node': languageClient(made.state),
  };
  const fs = require('fs');
  const childProcess = require('child_process');
  const fakeFs = { ...fs, statSync: (file) => {
    if (!made.state.files.has(file)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return { isFile: () => true };
  } };
  const fakeChildProcess = { ...childProcess, spawnSync: (command, args) => {
    spawned.push([command, ...args]);
    return { status: probe };
  } };
  const originalLoad = Module._load;
  Module._load = function load(request, parent, isMain) {
    if (request in stubs) return stubs[request];
    if (request === 'fs' && parent && parent.filename === EXTENSION) return fakeFs;
    if (request === 'child_process' && parent && parent.filename === EXTENSION) return fakeChildProcess;
    return originalLoad.call(this, request, parent, isMain);
  };
  try {
    // extension.js and lib/ afresh, so that each test has its own editor.
    const fresh = [EXTENSION, path.join(path.dirname(EXTENSION), 'lib') + path.sep];
    for (const key of Object.keys(require.cache)) {
      if (fresh.some((start) => key.startsWith(start))) delete require.cache[key];
    }
    const extension = require(EXTENSION);
    return { extension, ...made, spawned };
  } finally {
    Module._load = originalLoad;
  }
}

/** An activation context that collects what the extension disposes of later. */
function context() {
  return { subscriptions: [] };
}

module.exports = { loadExtension, context, Uri, RelativePattern };
