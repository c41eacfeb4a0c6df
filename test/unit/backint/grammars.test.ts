import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  include?: string;
  patterns?: Rule[];
  captures?: Record<string, { name: string }>;
  beginCaptures?: Record<string, { name: string }>;
}
interface Grammar {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

function load(file: string): Grammar {
  return JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../syntaxes', file), 'utf8')) as Grammar;
}

/** Oniguruma's leading `(?i)` is a flag in JavaScript; the rest of these patterns reads the same in both. */
function regex(source: string): RegExp {
  return source.startsWith('(?i)') ? new RegExp(source.slice(4), 'i') : new RegExp(source);
}

function rules(grammar: Grammar): Rule[] {
  const all: Rule[] = [];
  const walk = (list: Rule[] | undefined) =>
    list?.forEach((rule) => {
      all.push(rule);
      walk(rule.patterns);
    });
  walk(grammar.patterns);
  Object.values(grammar.repository).forEach((rule) => walk([rule]));
  return all;
}

/** The scope a repository rule's `match` (or `begin`) gives to `text`, whole or in capture `group`. */
function scopeOf(grammar: Grammar, rule: string, line: string, expected: string, group = 0): void {
  const r = grammar.repository[rule];
  const found = regex(r.match ?? r.begin!).exec(line);
  assert.ok(found, `${rule} does not match ${JSON.stringify(line)}`);
  const captures = r.captures ?? r.beginCaptures ?? {};
  const name = group ? captures[String(group)]?.name : r.name;
  assert.equal(found[group], expected);
  assert.ok(name, `${rule} names no scope for group ${group}`);
}

describe('TextMate grammars', () => {
  for (const [file, scope] of [
    ['hana-backint-utl.tmLanguage.json', 'source.hana-backint-utl'],
    ['hana-ini.tmLanguage.json', 'source.hana-ini'],
  ]) {
    it(`${file}: scope, includes resolve, patterns compile`, () => {
      const grammar = load(file);
      assert.equal(grammar.scopeName, scope);
      for (const rule of rules(grammar)) {
        if (rule.include) assert.ok(grammar.repository[rule.include.slice(1)], `missing ${rule.include}`);
        for (const source of [rule.match, rule.begin, rule.end]) if (source) regex(source);
        if (rule.name) assert.ok(rule.name.endsWith(scope.replace('source.', '')), rule.name);
      }
    });
  }

  it('utl: comments, keys, values', () => {
    const g = load('hana-backint-utl.tmLanguage.json');
    scopeOf(g, 'comment', '# profile', '# profile');
    scopeOf(g, 'entry', 'BACKUPIDPREFIX ERP___', 'BACKUPIDPREFIX', 1);
    scopeOf(g, 'entry', 'THREADNUM=8', '=', 2);
    scopeOf(g, 'number', 'MAX_SESSIONS 2', '2');
    assert.equal(regex(g.repository.number.match!).exec('ERP___2x'), null);
    scopeOf(g, 'boolean', 'PASSWORDREQUIRED YES', 'YES');
    scopeOf(g, 'path', 'CONFIG_FILE /usr/sap/ERP/initERP.bki', '/usr/sap/ERP/initERP.bki');
  });

  it('ini: header, comments, sections, key = value', () => {
    const g = load('hana-ini.tmLanguage.json');
    scopeOf(g, 'header', '# global.ini last modified 2024-01-01 by hdbnameserver', 'global.ini', 2);
    scopeOf(g, 'comment', '; note', ';', 1);
    scopeOf(g, 'section', '[backup]', 'backup', 2);
    scopeOf(g, 'entry', 'log_backup_timeout_s = 900', 'log_backup_timeout_s', 1);
    scopeOf(g, 'entry', 'log_mode=normal', '=', 2);
    scopeOf(g, 'boolean', 'enable_auto_log_backup = yes', 'yes');
    scopeOf(g, 'path', 'basepath_databackup = $(DIR_INSTANCE)/backup/data', '$(DIR_INSTANCE)/backup/data');
    scopeOf(g, 'number', 'parallel_data_backup_backint_channels = 4', '4');
    assert.equal(regex(g.repository.entry.begin!).exec('[backup]'), null);
    assert.equal(regex(g.repository.entry.begin!).exec('# a = b'), null);
  });
});
