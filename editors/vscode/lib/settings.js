'use strict';
// The settings the server is given (initializationOptions, and
// workspace/didChangeConfiguration under "styr"): the editor's settings with
// "auto" decided, since only the editor knows which other extensions run.

const SECTION = 'styr';
const YAML_EXTENSION = 'redhat.vscode-yaml';
const LANGUAGES = ['sv', 'en'];

/**
 * Whether styr reports the JSON Schema findings. "auto": not while the YAML
 * extension is installed and validating, since it reports them from the same
 * schemas and each problem should be shown once.
 */
function schemaDiagnostics(setting, yamlExtensionInstalled, yamlValidate) {
  if (setting === true || setting === 'on') return true;
  if (setting === false || setting === 'off') return false;
  return !(yamlExtensionInstalled && yamlValidate !== false);
}

/** What the server is told, from the editor's settings and extensions. */
function serverSettings(vscode, scope) {
  const styr = vscode.workspace.getConfiguration(SECTION, scope);
  const yaml = vscode.workspace.getConfiguration('yaml', scope);
  const installed = vscode.extensions.getExtension(YAML_EXTENSION) !== undefined;
  const settings = {
    schemaDiagnostics: schemaDiagnostics(
      styr.get('schemaDiagnostics', 'auto'),
      installed,
      yaml.get('validate', true),
    ),
  };
  const language = styr.get('language', '');
  // null when unset: the server then takes the repository's language, also after
  // the planner clears a language set before (a key left out would keep that one).
  settings.language = LANGUAGES.includes(language) ? language : null;
  return settings;
}

/** Whether a change of the editor's settings changes what the server is told. */
function affectsServerSettings(event) {
  return (
    event.affectsConfiguration(`${SECTION}.schemaDiagnostics`) ||
    event.affectsConfiguration(`${SECTION}.language`) ||
    event.affectsConfiguration('yaml.validate')
  );
}

module.exports = { SECTION, YAML_EXTENSION, schemaDiagnostics, serverSettings, affectsServerSettings };
