import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { setInSection } from '../../../server/src/languageService/ini/features/iniCodeActions';
import { parseIni } from '../../../server/src/languageService/ini/iniDocument';
import { ConfigIndex } from '../../../server/src/languageService/layers/configIndex';
import type { Layer } from '../../../server/src/languageService/layers/layerOf';

/**
 * The system's global.ini files, real files in HANA's layout under the data directory, read and
 * resolved with the language server's own parser and layer index (the same DEFAULT < SYSTEM <
 * DATABASE < HOST rules the editor shows), and edited the way HANA does: only the lines that change.
 */
export class ConfigLayers {
  private readonly index = new ConfigIndex();

  constructor(
    private readonly root: string,
    private readonly sid: string,
    private readonly instance: string,
  ) {
    for (const file of this.existingFiles()) this.load(file);
  }

  /** Where HANA keeps the file of a layer (DEFAULT is read-only and shipped with the instance). */
  pathOf(layer: Layer, name?: string): string {
    const sap = path.join(this.root, 'usr', 'sap', this.sid);
    switch (layer) {
      case 'DEFAULT':
        return path.join(sap, `HDB${this.instance}`, 'exe', 'config', 'global.ini');
      case 'SYSTEM':
        return path.join(sap, 'SYS', 'global', 'hdb', 'custom', 'config', 'global.ini');
      case 'DATABASE':
        return path.join(
          sap,
          'SYS',
          'global',
          'hdb',
          'custom',
          'config',
          `DB_${name!.toUpperCase()}`,
          'global.ini',
        );
      case 'HOST':
        return path.join(sap, `HDB${this.instance}`, name!.toLowerCase(), 'global.ini');
    }
  }

  private existingFiles(): string[] {
    const found: string[] = [];
    const walk = (folder: string) => {
      if (!fs.existsSync(folder)) return;
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === 'global.ini') found.push(full);
      }
    };
    walk(path.join(this.root, 'usr', 'sap', this.sid));
    return found;
  }

  private load(file: string): void {
    this.index.set(file, file.split(path.sep).join('/'), fs.readFileSync(file, 'utf8'));
  }

  private header(): string {
    return `# global.ini last modified ${new Date().toISOString().replace('T', ' ').replace('Z', '')} by hdbnameserver\n`;
  }

  /** `ALTER SYSTEM ALTER CONFIGURATION ('global.ini', layer[, name]) SET (section, key) = value`. */
  set(layer: Layer, name: string | undefined, section: string, key: string, value: string): void {
    const file = this.pathOf(layer, name);
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : this.header();
    const edits = setInSection(parseIni(text), section, key, value);
    this.write(file, TextDocument.applyEdits(TextDocument.create('file:///x', 'ini', 1, text), edits));
  }

  /** `… UNSET (section, key)`: the key leaves that layer; the lower layers apply again. */
  unset(layer: Layer, name: string | undefined, section: string, key: string): void {
    const file = this.pathOf(layer, name);
    if (!fs.existsSync(file)) return;
    const ini = parseIni(fs.readFileSync(file, 'utf8'));
    const lines = ini.lines.filter(
      (_, line) => !ini.entries.some((e) => e.line === line && e.section === section && e.key === key),
    );
    this.write(file, lines.join(ini.eol));
  }

  private write(file: string, text: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.tmp`;
    fs.writeFileSync(temporary, text);
    // A rename is atomic: a kill -9 leaves the old file or the new one, never half of one.
    fs.renameSync(temporary, file);
    this.load(file);
  }

  /** The value a service of `database` on `host` uses, and the layer it comes from. */
  effective(
    database: string,
    host: string | undefined,
    section: string,
    key: string,
  ): { value: string; layer: Layer } | undefined {
    const resolved = this.index.resolve(this.sid, database, section, key);
    const override = host
      ? resolved.hostOverrides.find((o) => o.file.layer?.host === host.toLowerCase())
      : undefined;
    const source = override ?? resolved.database;
    return source ? { value: source.value, layer: source.layer } : undefined;
  }

  /** Rows of M_INIFILE_CONTENTS: every key of every layer file. */
  contents(): {
    fileName: string;
    layer: Layer;
    tenant: string;
    host: string;
    section: string;
    key: string;
    value: string;
  }[] {
    return this.index.all().flatMap((file) =>
      file.ini.entries
        .filter((entry) => entry.section)
        .map((entry) => ({
          fileName: 'global.ini',
          layer: file.layer!.layer,
          tenant: file.layer?.database ?? '',
          host: file.layer?.host ?? '',
          section: entry.section,
          key: entry.key,
          value: entry.value,
        })),
    );
  }
}
