'use strict';
// Which program starts the language server: a plain function of the setting,
// the workspace folders, the platform and the environment, so that the tests
// can ask it for Windows on Linux.

const path = require('path');

const SERVER_ARGS = ['lsp'];

function pathsFor(platform) {
  return platform === 'win32' ? path.win32 : path.posix;
}

// `styr` in a `.venv` at the top of a workspace folder: where the README's
// quickstart puts it, so a planner who followed it needs no setting.
function inVirtualEnvironment(folder, platform, isFile) {
  const paths = pathsFor(platform);
  const candidate =
    platform === 'win32'
      ? paths.join(folder, '.venv', 'Scripts', 'styr.exe')
      : paths.join(folder, '.venv', 'bin', 'styr');
  return isFile(candidate) ? candidate : undefined;
}

function onPath(platform, env, isFile) {
  const paths = pathsFor(platform);
  // On Windows the variable may be spelt Path, and a program has an extension.
  const searchPath = env.PATH ?? env.Path ?? '';
  const extensions =
    platform === 'win32' ? (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean) : [''];
  for (const folder of searchPath.split(paths.delimiter).filter(Boolean)) {
    for (const extension of extensions) {
      const candidate = paths.join(folder, `styr${extension.toLowerCase()}`);
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

// The module form for a Python that has styr installed but no `styr` on PATH
// (a `pip install --user` on Windows, for one). `python3`, not `python`: macOS
// and Debian have no `python` unless one is installed on purpose. `-P` (Python
// 3.11, as styr needs): the server runs in the workspace's folder, and a folder
// named styr there must not be imported in place of the installed styr.
function pythonModule(platform) {
  const python = platform === 'win32' ? 'py' : 'python3';
  return { command: python, args: ['-P', '-m', 'styr', ...SERVER_ARGS], probe: true };
}

/**
 * The server to start: `{command, args, probe}`, or `{problem}` with the words
 * for the planner. `probe` is true when the command may not have styr at all
 * (the caller asks it for `--version` first).
 *
 * @param {object} options
 * @param {string} options.configuredPath the `styr.path` setting ('' when unset)
 * @param {string[]} options.folders the workspace folders' paths, to look for a `.venv` in
 *   (none for a workspace the planner has not trusted: its programs are not run)
 * @param {string} options.platform `process.platform`
 * @param {Record<string, string | undefined>} options.env the environment
 * @param {(file: string) => boolean} options.isFile whether a regular file is there
 */
function serverCommand({ configuredPath, folders, platform, env, isFile }) {
  const configured = (configuredPath ?? '').trim();
  if (configured !== '') {
    if (!isFile(configured)) return { problem: 'missingConfigured', path: configured };
    return { command: configured, args: SERVER_ARGS, probe: false };
  }
  for (const folder of folders) {
    const found = inVirtualEnvironment(folder, platform, isFile);
    if (found) return { command: found, args: SERVER_ARGS, probe: false };
  }
  const found = onPath(platform, env, isFile);
  if (found) return { command: found, args: SERVER_ARGS, probe: false };
  return pythonModule(platform);
}

/** The arguments that ask the same program for its version instead. */
function versionArgs(server) {
  return [...server.args.slice(0, -SERVER_ARGS.length), '--version'];
}

module.exports = { serverCommand, versionArgs, SERVER_ARGS };
