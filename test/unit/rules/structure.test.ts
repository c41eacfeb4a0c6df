import * as assert from 'node:assert/strict';
import { basePolicy, codes, diagnose, policyWith } from '../support/kit';
import { stringify } from 'yaml';

describe('structural rules (HBP001–HBP008)', () => {
  it('accepts the sound base policy without any diagnostic', () => {
    assert.deepEqual(diagnose(policyWith(() => {})), []);
  });

  describe('HBP001 YAML syntax error', () => {
    it('reports a broken flow mapping where the parser stopped', () => {
      const found = diagnose('apiVersion: hana-backup/v1\nkind: BackupPolicy\nspec: { targets: [\n');
      const syntax = found.filter((f) => f.code === 'HBP001');
      assert.ok(syntax.length >= 1);
      assert.match(syntax[0].message, /YAML syntax error/);
    });
    it('does not add "missing key" noise on top of a syntax error', () => {
      const found = diagnose('apiVersion: hana-backup/v1\nkind: BackupPolicy\nmetadata: {name: x\n');
      assert.ok(found.some((f) => f.code === 'HBP001'));
      assert.ok(!found.some((f) => f.code === 'HBP004'));
    });
    it('near miss: a tab inside a quoted value is fine', () => {
      assert.ok(
        !codes(policyWith((p) => ((p.metadata as Record<string, unknown>).description = 'a\tb'))).includes(
          'HBP001',
        ),
      );
    });
  });

  describe('HBP002 unknown key', () => {
    it('proposes the closest known key, on the key itself', () => {
      const text = policyWith((p) => {
        p.spec.schedules.ful = p.spec.schedules.full;
        delete p.spec.schedules.full;
      });
      const [finding] = diagnose(text).filter((f) => f.code === 'HBP002');
      assert.equal(finding.text, 'ful');
      assert.match(finding.message, /Did you mean `full`\?/);
      assert.deepEqual((finding.diagnostic.data as { proposal: string }).proposal, 'full');
    });
    it('lists the known keys when nothing is close', () => {
      const [finding] = diagnose(policyWith((p) => (p.spec.objectives.banana = '1h'))).filter(
        (f) => f.code === 'HBP002',
      );
      assert.match(finding.message, /Known keys: `rpo`, `rto`/);
    });
    it('near miss: every documented key is known', () => {
      const text = policyWith((p) => {
        p.spec.provider = 'generic';
        p.spec.destinations.snapshot = { command: '/bin/snap', timeout: '10m' };
        p.spec.schedules.snapshot = { every: 'day', at: '04:30' };
        p.spec.retention.snapshot = '3d';
        p.spec.retention.deleteFromDestination = true;
        (p.metadata as Record<string, unknown>).labels = { env: 'prod' };
      });
      assert.deepEqual(codes(text), []);
    });
  });

  describe('HBP003 wrong type, enum or pattern', () => {
    it('names the allowed values of an enum, on the value', () => {
      const [finding] = diagnose(
        policyWith((p) => ((p.spec.schedules.full as Record<string, unknown>).every = 'fortnight')),
      ).filter((f) => f.code === 'HBP003');
      assert.equal(finding.text, 'fortnight');
      assert.match(finding.message, /`every` must be day, week or month/);
    });
    it('explains a wrong apiVersion and an invalid policy name', () => {
      const found = diagnose(
        policyWith((p) => {
          p.apiVersion = 'v2';
          (p.metadata as Record<string, unknown>).name = 'PRD_Standard';
        }),
      );
      assert.ok(
        found.some((f) => f.code === 'HBP003' && f.text === 'v2' && /hana-backup\/v1/.test(f.message)),
      );
      assert.ok(
        found.some((f) => f.code === 'HBP003' && f.text === 'PRD_Standard' && /lower-case/.test(f.message)),
      );
    });
    it('says when a value is missing altogether', () => {
      const [finding] = diagnose(policyWith((p) => (p.spec.timezone = null))).filter(
        (f) => f.code === 'HBP003',
      );
      assert.match(finding.message, /`timezone` has no value/);
    });
    it('near miss: a string label passes, a number label does not', () => {
      assert.deepEqual(
        codes(policyWith((p) => ((p.metadata as Record<string, unknown>).labels = { tier: '1' }))),
        [],
      );
      assert.deepEqual(
        codes(policyWith((p) => ((p.metadata as Record<string, unknown>).labels = { tier: 1 }))),
        ['HBP003'],
      );
    });
  });

  describe('HBP004 required key missing', () => {
    it('is reported on the parent key', () => {
      const [finding] = diagnose(policyWith((p) => delete p.spec.destinations.log)).filter(
        (f) => f.code === 'HBP004',
      );
      assert.equal(finding.text, 'destinations');
      assert.match(finding.message, /missing `log`/);
    });
    it('requires `on` for a weekly schedule, on the schedule key', () => {
      const [finding] = diagnose(
        policyWith((p) => delete (p.spec.schedules.full as Record<string, unknown>).on),
      ).filter((f) => f.code === 'HBP004');
      assert.equal(finding.text, 'full');
      assert.match(finding.message, /`every: week` needs `on`/);
    });
    it('near miss: `every: day` without `on` means every day', () => {
      assert.deepEqual(
        codes(policyWith((p) => delete (p.spec.schedules.differential as Record<string, unknown>).on)).filter(
          (c) => c === 'HBP004',
        ),
        [],
      );
    });
  });

  describe('HBP005 duplicate key', () => {
    it('reports the second key and points at the first', () => {
      const text = stringify(basePolicy()).replace(
        '  timezone: Europe/Berlin\n',
        '  timezone: Europe/Berlin\n  timezone: UTC\n',
      );
      const [finding] = diagnose(text).filter((f) => f.code === 'HBP005');
      assert.equal(finding.text, 'timezone');
      assert.equal(finding.line, 6);
      assert.equal(finding.diagnostic.relatedInformation?.[0].location.range.start.line, 5);
    });
    it('near miss: the same key in two different mappings', () => {
      assert.deepEqual(codes(policyWith(() => {})), []);
    });
    // Found by the fuzzer: yaml's `visit` copied the path to every node, quadratic in nesting depth;
    // the walk that replaced it must still reach the deepest mapping.
    it('finds a duplicate key 500 lists deep', () => {
      const text = `spec: { objectives: ${'['.repeat(500)}{ rpo: 1h, rpo: 2h }${']'.repeat(500)} }\n`;
      const duplicates = diagnose(text).filter((f) => f.code === 'HBP005');
      assert.deepEqual(
        duplicates.map((f) => f.text),
        ['rpo'],
      );
    });
  });

  describe('HBP006 invalid duration', () => {
    for (const bad of ['15 m', '1h30m', '0s', '15min', '-5m', '1.5h']) {
      it(`rejects "${bad}"`, () => {
        const [finding] = diagnose(policyWith((p) => (p.spec.objectives.rpo = bad))).filter(
          (f) => f.code === 'HBP006',
        );
        assert.ok(finding, `no HBP006 for ${bad}`);
        assert.match(finding.message, /must be a duration/);
      });
    }
    it('near miss: every unit is accepted', () => {
      for (const good of ['30s', '15m', '1h', '2d', '1w', '1mo', '1y']) {
        assert.ok(!codes(policyWith((p) => (p.spec.objectives.rto = good))).includes('HBP006'), good);
      }
    });
  });

  describe('HBP007 invalid time, day, day of month, cron or zone', () => {
    it('rejects an unknown time zone', () => {
      const [finding] = diagnose(policyWith((p) => (p.spec.timezone = 'Europe/Berlinn'))).filter(
        (f) => f.code === 'HBP007',
      );
      assert.equal(finding.text, 'Europe/Berlinn');
    });
    it('rejects a time that is not HH:MM', () => {
      const found = diagnose(
        policyWith((p) => ((p.spec.schedules.full as Record<string, unknown>).at = '25:00')),
      );
      assert.ok(found.some((f) => f.code === 'HBP007' && f.text === '25:00'));
    });
    it('rejects a misspelt day and proposes the right one', () => {
      const [finding] = diagnose(
        policyWith((p) => ((p.spec.schedules.full as Record<string, unknown>).on = ['sunday'])),
      ).filter((f) => f.code === 'HBP007');
      assert.equal(finding.text, 'sunday');
      assert.match(finding.message, /did you mean `sun`/);
    });
    it('rejects day 32 of a month', () => {
      const found = diagnose(
        policyWith((p) => (p.spec.schedules.full = { every: 'month', on: [1, 32], at: '01:00' })),
      );
      assert.ok(found.some((f) => f.code === 'HBP007' && f.text === '32'));
    });
    it('rejects a cron with six fields or an out-of-range field', () => {
      assert.ok(
        codes(policyWith((p) => (p.spec.schedules.full = { cron: '0 0 1 * * 0' }))).includes('HBP007'),
      );
      const [finding] = diagnose(policyWith((p) => (p.spec.schedules.full = { cron: '61 1 * * 0' }))).filter(
        (f) => f.code === 'HBP007',
      );
      assert.match(finding.message, /61 is out of range for minute/);
    });
    it('reports a schedule that never runs', () => {
      const found = diagnose(policyWith((p) => (p.spec.schedules.full = { cron: '0 1 30 2 *' })));
      assert.ok(found.some((f) => f.code === 'HBP007'));
    });
    it('near miss: last day of month, ranges and lists in cron are fine', () => {
      assert.deepEqual(
        codes(
          policyWith((p) => (p.spec.schedules.full = { every: 'month', on: [1, 'last'], at: '01:00' })),
        ).filter((c) => c === 'HBP007'),
        [],
      );
      assert.deepEqual(
        codes(policyWith((p) => (p.spec.schedules.full = { cron: '0 1 * * 0' }))).filter(
          (c) => c === 'HBP007',
        ),
        [],
      );
    });
  });

  describe('HBP008 mutually exclusive keys', () => {
    it('rejects cron together with every/at', () => {
      const found = diagnose(
        policyWith((p) => ((p.spec.schedules.full as Record<string, unknown>).cron = '0 1 * * 0')),
      );
      assert.deepEqual(
        found
          .filter((f) => f.code === 'HBP008')
          .map((f) => f.text)
          .sort(),
        ['at', 'every', 'on'],
      );
    });
    it('rejects path together with parameterFile', () => {
      const found = diagnose(
        policyWith((p) => ((p.spec.destinations.log as Record<string, unknown>).path = '/hana/backup/log')),
      );
      assert.ok(found.some((f) => f.code === 'HBP008' && f.text === 'path'));
    });
    it('near miss: a file destination with only a path', () => {
      assert.deepEqual(
        codes(policyWith((p) => (p.spec.destinations.log = { type: 'file', path: '/hana/backup/log' }))),
        [],
      );
    });
  });
});
