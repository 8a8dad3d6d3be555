'use strict';
// A `vscode` module just real enough for the real vscode-languageclient to
// start a real `styr lsp`: documents, settings, a diagnostics collection and
// the value classes diagnostics are made of. Whatever else the client touches
// (providers it registers, status items) is a stand-in that does nothing.

const path = require('path');

const disposable = () => ({ dispose() {} });
const event = () => disposable();

/** A stand-in for any part of the API the test does not look at. */
function nothing(name, overrides = {}) {
  const fn = function stub() {
    return nothing(`${name}()`);
  };
  return new Proxy(fn, {
    get(_target, property) {
      if (property in overrides) return overrides[property];
      if (property === 'then' || property === Symbol.iterator) return undefined;
      if (property === 'dispose') return () => {};
      return nothing(`${name}.${String(property)}`);
    },
    construct() {
      return nothing(`new ${name}`);
    },
  });
}

class Uri {
  constructor(fsPath) {
    this.fsPath = fsPath;
    this.path = fsPath;
    this.scheme = 'file';
  }

  static file(fsPath) {
    return new Uri(path.resolve(fsPath));
  }

  static parse(text) {
    return Uri.file(decodeURIComponent(text.replace(/^file:\/\//, '')));
  }

  static joinPath(uri, ...parts) {
    return Uri.file(path.join(uri.fsPath, ...parts));
  }

  toString() {
    return `file://${this.fsPath.split(path.sep).map(encodeURIComponent).join('/')}`;
  }
}

class Position {
  constructor(line, character) {
    Object.assign(this, { line, character });
  }
}

class Range {
  constructor(startLine, startCharacter, endLine, endCharacter) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
}

class Diagnostic {
  constructor(range, message, severity) {
    Object.assign(this, { range, message, severity });
  }
}

class CancellationTokenSource {
  constructor() {
    this.token = { isCancellationRequested: false, onCancellationRequested: event };
  }

  cancel() {
    this.token.isCancellationRequested = true;
  }

  dispose() {}
}

class RelativePattern {
  constructor(base, pattern) {
    this.baseUri = base;
    this.pattern = pattern;
  }
}

/** A document open in the editor, with text that need not be on disk. */
function textDocument(file, text) {
  return {
    uri: Uri.file(file),
    fileName: file,
    languageId: 'yaml',
    version: 1,
    isClosed: false,
    getText: () => text,
  };
}

/** Whether a document filter (language, scheme, a RelativePattern's folder) takes a document. */
function matches(selector, document) {
  return (Array.isArray(selector) ? selector : [selector]).some(
    (filter) =>
      (filter.language === undefined || filter.language === document.languageId) &&
      (filter.scheme === undefined || filter.scheme === document.uri.scheme) &&
      (!(filter.pattern instanceof RelativePattern) ||
        document.uri.fsPath.startsWith(filter.pattern.baseUri.fsPath + path.sep)),
  );
}

/**
 * The editor: a workspace folder, its styr.yaml files, the open documents and
 * settings. `diagnostics` collects what the client hands the editor, by URI.
 */
function editor({ folder, manifests, documents, settings = {}, extensions = [] }) {
  const diagnostics = new Map();
  const errors = [];
  const vscode = nothing('vscode', {
    Uri,
    Position,
    Range,
    Diagnostic,
    RelativePattern,
    CancellationTokenSource,
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    Disposable: class {
      static from() {
        return disposable();
      }

      dispose() {}
    },
    EventEmitter: class {
      constructor() {
        this.event = event;
      }

      fire() {}

      dispose() {}
    },
    l10n: { t: (text, ...values) => text.replace(/\{(\d+)\}/g, (_, i) => String(values[i])) },
    version: '1.90.0',
    env: nothing('env', { language: 'en', appName: 'test', machineId: 'test', sessionId: 'test' }),
    workspace: nothing('workspace', {
      workspaceFolders: [{ uri: Uri.file(folder), name: path.basename(folder), index: 0 }],
      isTrusted: true,
      textDocuments: documents,
      notebookDocuments: [],
      getConfiguration: (section) => ({
        get: (key, fallback) => settings[`${section}.${key}`] ?? fallback,
      }),
      getWorkspaceFolder: () => undefined,
      findFiles: async () => manifests.map((file) => Uri.file(file)),
      createFileSystemWatcher: () => ({
        onDidCreate: event,
        onDidChange: event,
        onDidDelete: event,
        dispose() {},
      }),
      ...Object.fromEntries(
        [
          'onDidOpenTextDocument', 'onDidCloseTextDocument', 'onDidChangeTextDocument',
          'onDidSaveTextDocument', 'onWillSaveTextDocument', 'onDidChangeConfiguration',
          'onDidChangeWorkspaceFolders', 'onDidGrantWorkspaceTrust', 'onDidCreateFiles',
          'onDidRenameFiles', 'onDidDeleteFiles', 'onWillCreateFiles', 'onWillRenameFiles',
          'onWillDeleteFiles', 'onDidOpenNotebookDocument', 'onDidCloseNotebookDocument',
          'onDidChangeNotebookDocument', 'onDidSaveNotebookDocument',
        ].map((name) => [name, event]),
      ),
    }),
    window: nothing('window', {
      // STYR_TEST_LOG=1 shows what the client writes to its output channel.
      createOutputChannel: () =>
        nothing('outputChannel', {
          append: (text) => process.env.STYR_TEST_LOG && process.stderr.write(text),
          appendLine: (text) => process.env.STYR_TEST_LOG && process.stderr.write(`${text}\n`),
        }),
      showErrorMessage: async (text) => {
        errors.push(text);
      },
      visibleTextEditors: [],
      activeTextEditor: undefined,
      onDidChangeActiveTextEditor: event,
      onDidChangeVisibleTextEditors: event,
      tabGroups: { all: [], onDidChangeTabs: event, onDidChangeTabGroups: event },
    }),
    languages: nothing('languages', {
      match: (selector, document) => (matches(selector, document) ? 10 : 0),
      createDiagnosticCollection: () => ({
        set(uri, found) {
          diagnostics.set(String(uri), found ?? []);
        },
        delete(uri) {
          diagnostics.delete(String(uri));
        },
        clear() {
          diagnostics.clear();
        },
        forEach() {},
        dispose() {},
      }),
    }),
    extensions: {
      getExtension: (id) => (extensions.includes(id) ? { id } : undefined),
      onDidChange: event,
    },
    commands: nothing('commands', { registerCommand: () => disposable() }),
  });
  return { vscode, diagnostics, errors };
}

module.exports = { editor, textDocument, Uri };
