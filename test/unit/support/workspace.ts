import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  HanaBackupLanguageService,
  TextDocument,
  type PolicySettings,
} from '../../../server/src/languageService';
import { findings, type Finding } from './kit';

export const ERP = '/usr/sap/ERP';
export const SYSTEM_INI = `${ERP}/SYS/global/hdb/custom/config/global.ini`;
export const dbIni = (db: string) => `${ERP}/SYS/global/hdb/custom/config/DB_${db}/global.ini`;
export const hostIni = (host: string) => `${ERP}/HDB10/${host}/global.ini`;
export const DEFAULT_INI = `${ERP}/HDB10/exe/config/global.ini`;

/** A workspace of files (path → text), every file indexed the way the server and the CLI do it. */
export class TestWorkspace {
  readonly service = new HanaBackupLanguageService();
  private readonly documents = new Map<string, TextDocument>();

  constructor(
    files: Record<string, string>,
    readonly settings: PolicySettings = { connections: [] },
  ) {
    for (const [file, text] of Object.entries(files)) this.write(file, text);
  }

  uri(file: string): string {
    return `file:///ws${file.startsWith('/') ? '' : '/'}${file}`;
  }

  write(file: string, text: string): string[] {
    const uri = this.uri(file);
    const version = (this.documents.get(uri)?.version ?? 0) + 1;
    const document = TextDocument.create(uri, '', version, text);
    this.documents.set(uri, document);
    return this.service.indexDocument(document, this.settings);
  }

  remove(file: string): string[] {
    this.documents.delete(this.uri(file));
    return this.service.remove(this.uri(file), this.settings);
  }

  document(file: string): TextDocument {
    const document = this.documents.get(this.uri(file));
    if (!document) throw new Error(`no file ${file}`);
    return document;
  }

  check(file: string): Finding[] {
    const document = this.document(file);
    return findings(document, this.service.validate(document, this.settings));
  }

  codes(file: string): string[] {
    return this.check(file).map((f) => f.code);
  }
}

/** The shared example workspace, as files under /ws. */
export function exampleFiles(): Record<string, string> {
  const root = path.resolve(__dirname, '../../fixtures/shared-examples/workspace');
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[`/${path.relative(root, full).split(path.sep).join('/')}`] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}
