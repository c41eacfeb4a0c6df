import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SimClock, parseSpan } from './clock';
import { ConfigLayers } from './configLayers';

describe('hanasim configuration layers', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hanasim-config-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes real files in HANA’s layout and resolves DEFAULT < SYSTEM < DATABASE < HOST', () => {
    const layers = new ConfigLayers(root, 'PRD', '00');
    layers.set('SYSTEM', undefined, 'persistence', 'log_backup_timeout_s', '900');
    layers.set('DATABASE', 'PRD', 'persistence', 'log_backup_timeout_s', '600');
    layers.set('HOST', 'hana02', 'persistence', 'log_backup_timeout_s', '3600');
    assert.ok(fs.existsSync(path.join(root, 'usr/sap/PRD/SYS/global/hdb/custom/config/DB_PRD/global.ini')));
    assert.deepEqual(layers.effective('PRD', 'hana01', 'persistence', 'log_backup_timeout_s'), {
      value: '600',
      layer: 'DATABASE',
    });
    assert.deepEqual(layers.effective('PRD', 'hana02', 'persistence', 'log_backup_timeout_s'), {
      value: '3600',
      layer: 'HOST',
    });
    assert.deepEqual(layers.effective('SYSTEMDB', 'hana01', 'persistence', 'log_backup_timeout_s'), {
      value: '900',
      layer: 'SYSTEM',
    });
  });

  it('changes only the lines it must, keeping the header, and UNSET lets the lower layer apply', () => {
    const layers = new ConfigLayers(root, 'PRD', '00');
    layers.set('SYSTEM', undefined, 'backup', 'log_backup_using_backint', 'true');
    layers.set('SYSTEM', undefined, 'persistence', 'log_backup_timeout_s', '900');
    const file = layers.pathOf('SYSTEM');
    const header = fs.readFileSync(file, 'utf8').split('\n')[0];
    layers.set('SYSTEM', undefined, 'backup', 'log_backup_using_backint', 'false');
    const text = fs.readFileSync(file, 'utf8');
    assert.equal(text.split('\n')[0], header);
    assert.match(
      text,
      /\[backup\]\nlog_backup_using_backint = false\n\n\[persistence\]\nlog_backup_timeout_s = 900\n/,
    );
    layers.set('DATABASE', 'PRD', 'persistence', 'log_backup_timeout_s', '600');
    layers.unset('DATABASE', 'PRD', 'persistence', 'log_backup_timeout_s');
    assert.equal(layers.effective('PRD', undefined, 'persistence', 'log_backup_timeout_s')?.layer, 'SYSTEM');
  });

  it('reads the files back after a restart and lists them for M_INIFILE_CONTENTS', () => {
    new ConfigLayers(root, 'PRD', '00').set('HOST', 'hana02', 'backup', 'backint_response_timeout', '600');
    const again = new ConfigLayers(root, 'PRD', '00');
    assert.deepEqual(again.contents(), [
      {
        fileName: 'global.ini',
        layer: 'HOST',
        tenant: '',
        host: 'hana02',
        section: 'backup',
        key: 'backint_response_timeout',
        value: '600',
      },
    ]);
  });
});

describe('hanasim clock', () => {
  it('runs at its speed and moves forward on request', () => {
    let real = 1_000;
    const clock = new SimClock(Date.UTC(2026, 10, 1), 60, () => real);
    real += 1_000;
    assert.equal(clock.now().toISOString(), '2026-11-01T00:01:00.000Z');
    clock.advance(parseSpan('7d')!);
    assert.equal(clock.now().toISOString(), '2026-11-08T00:01:00.000Z');
    assert.throws(() => clock.advance(-1));
    assert.equal(parseSpan('90m'), 5_400_000);
    assert.equal(parseSpan('soon'), undefined);
  });
});
