import * as assert from 'node:assert/strict';
import { parseIni } from '../../../server/src/languageService/ini/iniDocument';

describe('global.ini parser', () => {
  const text = [
    '# global.ini last modified 2026-10-30 08:12:44.381920 by hdbnameserver',
    '[backup]',
    'log_backup_using_backint=true',
    '  catalog_backup_using_backint  =  true  ',
    '; a comment',
    '',
    '[persistence]',
    'log_backup_timeout_s = 900',
    'log_backup_timeout_s = 600',
    'not a line',
    'basepath_databackup = $(DIR_INSTANCE)/backup/data = odd',
  ].join('\n');
  const ini = parseIni(text);

  it('keeps the header line, sections and every entry with exact ranges', () => {
    assert.equal(ini.headerLine, 0);
    assert.deepEqual(
      ini.sections.map((s) => [s.name, s.line, s.lastLine]),
      [
        ['backup', 1, 3],
        ['persistence', 6, 10],
      ],
    );
    const catalog = ini.entries[1];
    assert.equal(catalog.key, 'catalog_backup_using_backint');
    assert.equal(catalog.value, 'true');
    assert.deepEqual(catalog.keyRange, { start: { line: 3, character: 2 }, end: { line: 3, character: 30 } });
    assert.deepEqual(catalog.valueRange, {
      start: { line: 3, character: 35 },
      end: { line: 3, character: 39 },
    });
  });

  it('keeps duplicate keys in order', () => {
    assert.deepEqual(
      ini.entries.filter((e) => e.key === 'log_backup_timeout_s').map((e) => e.value),
      ['900', '600'],
    );
  });

  it('takes the rest of the line as the value, and reports lines it cannot read', () => {
    assert.equal(ini.entries[4].value, '$(DIR_INSTANCE)/backup/data = odd');
    assert.deepEqual(
      ini.invalid.map((l) => [l.line, l.text]),
      [[9, 'not a line']],
    );
  });

  it('reads a layer directive among the first comment lines', () => {
    const directive = parseIni(
      '# exported from PRD\n# hana-backup: layer=HOST host=hana02 sid=PRD\n[backup]\n',
    ).directive;
    assert.deepEqual(
      { ...directive, range: undefined },
      { layer: 'HOST', host: 'hana02', sid: 'PRD', line: 1, range: undefined },
    );
    assert.equal(parseIni('[backup]\n# hana-backup: layer=HOST\n').directive, undefined);
  });

  it('keeps CRLF line ends', () => {
    assert.equal(parseIni('[backup]\r\nx = 1\r\n').eol, '\r\n');
  });

  it('ends a line at a lone CR, as editors and LSP do', () => {
    const ini = parseIni('[backup]\rx = 1\r\n[persistence]\ny = 2');
    assert.deepEqual(
      ini.entries.map((e) => [e.key, e.line]),
      [
        ['x', 1],
        ['y', 3],
      ],
    );
  });
});
