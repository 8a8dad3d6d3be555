'use strict';
// Starts `styr lsp` for the YAML files of the styr repositories in the
// workspace, and keeps its settings in step with the editor's. Completion and
// hover from the JSON Schemas are the YAML extension's (see contributes.yamlValidation).

const childProcess = require('child_process');
const fs = require('fs');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { serverCommand, versionArgs } = require('./lib/command');
const { documentSelector, repositoryRoots, MANIFESTS } = require('./lib/selector');
const { SECTION, affectsServerSettings, serverSettings } = require('./lib/settings');

const PROBE_TIMEOUT_MS = 15000;
const RESTART_COMMAND = 'styr.restart';

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Whether the command answers `--version`: it has styr. */
function answersVersion(server) {
  const result = childProcess.spawnSync(server.command, versionArgs(server), {
    timeout: PROBE_TIMEOUT_MS,
    windowsHide: true,
    stdio: 'ignore',
  });
  return result.status === 0;
}

function problemText(problem) {
  if (problem.problem === 'missingConfigured') {
    return vscode.l10n.t(
      'The setting styr.path names {0}, which is not there. Correct it, or leave it empty to use styr from PATH.',
      problem.path,
    );
  }
  return vscode.l10n.t(
    'styr is not installed, so the steering model is not checked while you write. Install styr (its README tells how) or name the program in the setting styr.path.',
  );
}

async function showProblem(problem) {
  const openSettings = vscode.l10n.t('Open Settings');
  const choice = await vscode.window.showErrorMessage(problemText(problem), openSettings);
  if (choice === openSettings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.path`);
  }
}

/**
 * The workspace folders whose `.venv` may hold the styr to run: none until the
 * planner trusts the workspace, since a folder from elsewhere could hold any program.
 */
function trustedFolders() {
  if (vscode.workspace.isTrusted === false) return [];
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
}

function showStartError(error) {
  const reason = error instanceof Error ? error.message : String(error);
  void vscode.window.showErrorMessage(
    vscode.l10n.t('styr could not start checking as you write: {0}', reason),
  );
}

/** The answer to the server's workspace/configuration, with "auto" decided for "styr". */
async function resolvedConfiguration(params, token, next) {
  const answers = await next(params, token);
  if (!Array.isArray(answers)) return answers;
  return params.items.map((item, index) => {
    if (item.section !== SECTION) return answers[index];
    const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
    return serverSettings(vscode, scope);
  });
}

/** One language server for the workspace, started again when its repositories change. */
class Controller {
  constructor() {
    this.client = undefined;
    this.queue = Promise.resolve();
  }

  /** Runs `step` after the steps before it, so that a start and a stop never overlap. */
  enqueue(step) {
    this.queue = this.queue.then(step).catch(showStartError);
    return this.queue;
  }

  start() {
    return this.enqueue(() => this.startNow());
  }

  stop() {
    return this.enqueue(() => this.stopNow());
  }

  restart() {
    return this.enqueue(async () => {
      await this.stopNow();
      await this.startNow();
    });
  }

  async startNow() {
    const roots = await repositoryRoots(vscode);
    if (roots.length === 0) return; // no styr repository here: nothing to check
    const server = serverCommand({
      configuredPath: vscode.workspace.getConfiguration(SECTION).get('path', ''),
      folders: trustedFolders(),
      platform: process.platform,
      env: process.env,
      isFile,
    });
    if (server.problem) return void showProblem(server);
    if (server.probe && !answersVersion(server)) return void showProblem({ problem: 'notInstalled' });
    const client = new LanguageClient(
      'styr',
      'styr',
      { command: server.command, args: server.args },
      {
        documentSelector: documentSelector(vscode, roots),
        initializationOptions: serverSettings(vscode),
        // No file watcher here: the server registers its own for the files it reads
        // from disk, and a second one would send every change twice.
        middleware: { workspace: { configuration: resolvedConfiguration } },
      },
    );
    this.client = client;
    await client.start();
  }

  async stopNow() {
    const client = this.client;
    this.client = undefined;
    if (client === undefined) return;
    try {
      await client.stop();
    } catch {
      // A server that never started has nothing to stop.
    }
  }

  /** Tells the running server the settings again, "auto" decided anew. */
  async sendSettings() {
    if (this.client === undefined) return;
    await this.client.sendNotification('workspace/didChangeConfiguration', {
      settings: { [SECTION]: serverSettings(vscode) },
    });
  }

  configurationChanged(event) {
    if (event.affectsConfiguration(`${SECTION}.path`)) return this.restart();
    if (affectsServerSettings(event)) return this.sendSettings();
    return Promise.resolve();
  }
}

let controller;

async function activate(context) {
  controller = new Controller();
  // A styr.yaml made or removed changes which folders are repositories.
  const manifests = vscode.workspace.createFileSystemWatcher(MANIFESTS, false, true, false);
  context.subscriptions.push(
    manifests,
    // After installing styr, or when the server has stopped: no need to restart the editor.
    vscode.commands.registerCommand(RESTART_COMMAND, () => controller.restart()),
    manifests.onDidCreate(() => controller.restart()),
    manifests.onDidDelete(() => controller.restart()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => controller.restart()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => controller.restart()),
    vscode.workspace.onDidChangeConfiguration((event) => controller.configurationChanged(event)),
    // The YAML extension installed, removed, enabled or disabled changes "auto".
    vscode.extensions.onDidChange(() => controller.sendSettings()),
  );
  await controller.start();
  return controller;
}

async function deactivate() {
  if (controller !== undefined) await controller.stop();
}

module.exports = { activate, deactivate, resolvedConfiguration };
