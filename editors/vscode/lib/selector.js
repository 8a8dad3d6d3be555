'use strict';
// Which files the server is given: the YAML files of the folders that hold a
// styr.yaml (a styr repository), and no other YAML in the workspace.

const MANIFEST = 'styr.yaml';
const MANIFESTS = `**/${MANIFEST}`;
const SKIPPED = '**/node_modules/**';

/** The folders of the workspace that hold a styr.yaml, each once, in order. */
async function repositoryRoots(vscode) {
  const manifests = await vscode.workspace.findFiles(MANIFESTS, SKIPPED);
  const roots = new Map();
  for (const manifest of manifests) {
    const root = vscode.Uri.joinPath(manifest, '..');
    roots.set(root.toString(), root);
  }
  return [...roots.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, root]) => root);
}

/** A document selector for the YAML files inside these repositories. */
function documentSelector(vscode, roots) {
  return roots.map((root) => ({
    scheme: 'file',
    language: 'yaml',
    pattern: new vscode.RelativePattern(root, '**/*'),
  }));
}

module.exports = { MANIFEST, MANIFESTS, repositoryRoots, documentSelector };
