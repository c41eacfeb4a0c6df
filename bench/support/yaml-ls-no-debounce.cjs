// Preloaded with `node --require` into yaml-language-server for the benchmark's "no debounce" run.
//
// yaml-language-server waits a fixed 200 ms after every change before it validates
// (SettingsState.validationDelayMs, set in the constructor; no setting or LSP option changes it).
// Our server runs with `validate.delay: 0`, so comparing edit→diagnostics times against the stock
// server would mostly compare a timer. Subclassing the settings class before server.js creates its
// instance zeroes that delay and leaves every other line of yaml-language-server as shipped.
const settingsModule = require(require.resolve('yaml-language-server/out/server/src/yamlSettings.js'));

const Original = settingsModule.SettingsState;
settingsModule.SettingsState = class NoDebounceSettingsState extends Original {
  constructor(...args) {
    super(...args);
    this.validationDelayMs = 0;
  }
};
