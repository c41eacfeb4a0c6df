import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from '../../../server/src/languageService';
import { codes, diagnose, policyWith } from '../support/kit';

type Obj = Record<string, unknown>;

describe('semantic rules (HBP101–HBP120)', () => {
  describe('HBP101 RPO not met', () => {
    it('fires on the log interval when it exceeds the RPO, pointing at the RPO', () => {
      const [finding] = diagnose(policyWith((p) => (p.spec.schedules.log = { interval: '20m' }))).filter(
        (f) => f.code === 'HBP101',
      );
      assert.equal(finding.text, '20m');
      assert.equal(finding.diagnostic.relatedInformation?.length, 1);
      assert.match(finding.message, /RPO is 15 minutes/);
    });
    it('near miss: an interval equal to the RPO, also in other units', () => {
      assert.deepEqual(codes(policyWith((p) => (p.spec.schedules.log = { interval: '900s' }))), []);
    });
  });

  describe('HBP102 no log backups with an RPO', () => {
    it('fires when schedules.log is missing', () => {
      const [finding] = diagnose(policyWith((p) => delete p.spec.schedules.log)).filter(
        (f) => f.code === 'HBP102',
      );
      assert.equal(finding.text, 'rpo');
      assert.match(finding.message, /`schedules.log`/);
    });
    it('near miss: no RPO, no log schedule', () => {
      const text = policyWith((p) => {
        delete p.spec.schedules.log;
        delete p.spec.objectives.rpo;
      });
      assert.ok(!codes(text).includes('HBP102'));
    });
  });

  describe('HBP103 log retention shorter than the gap between data backups', () => {
    it('fires when logs are kept less than the weekend gap of a weekday-only schedule', () => {
      const text = policyWith((p) => {
        p.spec.schedules.full = { every: 'week', on: ['mon'], at: '01:00' };
        p.spec.schedules.differential = { every: 'day', on: ['tue', 'wed', 'thu', 'fri'], at: '01:00' };
        p.spec.retention.log = '2d';
      });
      const [finding] = diagnose(text).filter((f) => f.code === 'HBP103');
      assert.equal(finding.text, '2d');
      assert.match(finding.message, /3 days/);
      assert.equal((finding.diagnostic.data as Obj).minimum, '3d');
    });
    it('counts a cron schedule like a calendar one', () => {
      const text = policyWith((p) => {
        p.spec.schedules.full = { cron: '0 1 * * 0' };
        delete p.spec.schedules.differential;
        delete p.spec.retention.differential;
        p.spec.retention.log = '6d';
      });
      assert.ok(codes(text).includes('HBP103'));
    });
    it('near miss: log retention equal to the longest gap', () => {
      const text = policyWith((p) => {
        p.spec.schedules.full = { every: 'week', on: ['sun'], at: '01:00' };
        delete p.spec.schedules.differential;
        delete p.spec.retention.differential;
        p.spec.retention.log = '7d';
      });
      assert.ok(!codes(text).includes('HBP103'));
    });
  });

  describe('HBP104 retention shorter than the schedule interval', () => {
    it('fires for weekly fulls kept 5 days', () => {
      const text = policyWith((p) => (p.spec.retention.full = '5d'));
      const [finding] = diagnose(text).filter((f) => f.code === 'HBP104');
      assert.equal(finding.text, '5d');
      assert.match(finding.message, /7 days apart/);
    });
    it('uses the tier that applies to every full: `weekly` for weekly fulls', () => {
      const text = policyWith((p) => (p.spec.retention.full = { daily: '3d', weekly: '4w' }));
      assert.ok(!codes(text).includes('HBP104'));
    });
    it('near miss: monthly fulls kept 1mo (a calendar month covers the gap)', () => {
      const text = policyWith((p) => {
        p.spec.schedules.full = { every: 'month', on: [1], at: '01:00' };
        delete p.spec.schedules.differential;
        delete p.spec.retention.differential;
        p.spec.retention.full = { monthly: '1mo' };
        p.spec.retention.log = '1mo';
      });
      assert.ok(!codes(text).includes('HBP104'));
    });
    it('is not reported a second time for log retention already flagged by HBP103', () => {
      const text = policyWith((p) => (p.spec.retention.log = '10m'));
      const found = codes(text);
      assert.ok(found.includes('HBP103'));
      assert.ok(!found.includes('HBP104'));
    });
  });

  describe('HBP105 delta backups without a full schedule', () => {
    it('fires on the differential schedule', () => {
      const [finding] = diagnose(policyWith((p) => delete p.spec.schedules.full)).filter(
        (f) => f.code === 'HBP105',
      );
      assert.equal(finding.text, 'differential');
    });
    it('near miss: a full schedule exists', () => {
      assert.ok(!codes(policyWith(() => {})).includes('HBP105'));
    });
  });

  describe('HBP106 delta retention longer than full retention', () => {
    it('fires when differentials outlive the fulls', () => {
      const text = policyWith((p) => {
        p.spec.retention.full = { weekly: '4w' };
        p.spec.retention.differential = '60d';
        p.spec.retention.log = '60d';
      });
      const [finding] = diagnose(text).filter((f) => f.code === 'HBP106');
      assert.equal(finding.text, '60d');
      assert.equal(finding.severity, DiagnosticSeverity.Warning);
    });
    it('near miss: equal retention', () => {
      assert.ok(!codes(policyWith((p) => (p.spec.retention.differential = '8w'))).includes('HBP106'));
    });
  });

  describe('HBP107 both differential and incremental', () => {
    const both = (provider?: string) =>
      policyWith((p) => {
        if (provider) p.spec.provider = provider;
        p.spec.schedules.differential = { every: 'day', on: ['mon', 'tue', 'wed'], at: '01:00' };
        p.spec.schedules.incremental = { every: 'day', on: ['thu', 'fri', 'sat'], at: '01:00' };
      });
    it('is a warning for a generic provider', () => {
      const [finding] = diagnose(both()).filter((f) => f.code === 'HBP107');
      assert.equal(finding.severity, DiagnosticSeverity.Warning);
      assert.equal(finding.text, 'incremental');
    });
    it('is an error for azure', () => {
      const [finding] = diagnose(both('azure')).filter((f) => f.code === 'HBP107');
      assert.equal(finding.severity, DiagnosticSeverity.Error);
    });
    it('near miss: only one delta kind', () => {
      assert.ok(!codes(policyWith(() => {})).includes('HBP107'));
    });
  });

  describe('HBP108 two data backups at the same minute', () => {
    it('fires when the full and a differential share a day and time', () => {
      const text = policyWith((p) => ((p.spec.schedules.differential as Obj).on = ['sun', 'mon']));
      const [finding] = diagnose(text).filter((f) => f.code === 'HBP108');
      assert.equal(finding.text, 'differential');
      assert.match(finding.message, /Sun 01:00/);
    });
    it('near miss: same day, different minute', () => {
      const text = policyWith((p) => {
        (p.spec.schedules.differential as Obj).on = ['sun', 'mon'];
        (p.spec.schedules.differential as Obj).at = '13:00';
      });
      assert.ok(!codes(text).includes('HBP108'));
    });
  });

  describe('HBP109 log retention longer than any data retention', () => {
    it('fires when logs outlive every data backup', () => {
      const text = policyWith((p) => {
        p.spec.retention.full = { daily: '14d' };
        p.spec.retention.differential = '7d';
        p.spec.retention.log = '30d';
      });
      assert.ok(codes(text).includes('HBP109'));
    });
    it('near miss: yearly fulls keep data longest', () => {
      assert.ok(!codes(policyWith((p) => (p.spec.retention.log = '90d'))).includes('HBP109'));
    });
  });

  describe('HBP110 minutes where months were meant', () => {
    it('fires on a retention in minutes and offers months', () => {
      const [finding] = diagnose(policyWith((p) => ((p.spec.retention.full as Obj).monthly = '12m'))).filter(
        (f) => f.code === 'HBP110',
      );
      assert.equal(finding.text, '12m');
      assert.equal((finding.diagnostic.data as Obj).replacement, '12mo');
    });
    it('near miss: minutes in an RPO are meant', () => {
      assert.ok(!codes(policyWith((p) => (p.spec.objectives.rpo = '30m'))).includes('HBP110'));
    });
  });

  describe('HBP111 destination incomplete', () => {
    it('fires for a file destination without a path', () => {
      const [finding] = diagnose(policyWith((p) => (p.spec.destinations.data = { type: 'file' }))).filter(
        (f) => f.code === 'HBP111',
      );
      assert.equal(finding.text, 'data');
    });
    it('fires for a snapshot schedule without destinations.snapshot', () => {
      const [finding] = diagnose(
        policyWith((p) => (p.spec.schedules.snapshot = { every: 'day', at: '04:30' })),
      ).filter((f) => f.code === 'HBP111');
      assert.equal(finding.text, 'snapshot');
    });
    it('near miss: snapshot schedule with its command', () => {
      const text = policyWith((p) => {
        p.spec.schedules.snapshot = { every: 'day', at: '04:30' };
        p.spec.destinations.snapshot = { command: '/usr/local/bin/snap' };
      });
      assert.ok(!codes(text).includes('HBP111'));
    });
  });

  describe('HBP112 channels', () => {
    it('fires for 33 channels', () => {
      const [finding] = diagnose(policyWith((p) => ((p.spec.destinations.data as Obj).channels = 33))).filter(
        (f) => f.code === 'HBP112',
      );
      assert.equal(finding.text, '33');
    });
    it('fires for channels on a file destination', () => {
      const text = policyWith(
        (p) => (p.spec.destinations.data = { type: 'file', path: '/hana/backup/data', channels: 2 }),
      );
      assert.ok(codes(text).includes('HBP112'));
    });
    it('near miss: 32 channels on Backint', () => {
      assert.deepEqual(codes(policyWith((p) => ((p.spec.destinations.data as Obj).channels = 32))), []);
    });
  });

  describe('HBP113 recovery chain too long', () => {
    it('fires for a monthly full with daily incrementals', () => {
      const text = policyWith((p) => {
        p.spec.schedules.full = { every: 'month', on: [1], at: '01:00' };
        delete p.spec.schedules.differential;
        p.spec.schedules.incremental = { every: 'day', at: '13:00' };
        p.spec.retention = { full: { monthly: '12mo' }, incremental: '30d', log: '35d' };
      });
      const [finding] = diagnose(text).filter((f) => f.code === 'HBP113');
      assert.equal(finding.text, 'incremental');
      assert.match(finding.message, /Up to 3\d incremental/);
    });
    it('near miss: six incrementals between weekly fulls', () => {
      const text = policyWith((p) => {
        delete p.spec.schedules.differential;
        p.spec.schedules.incremental = {
          every: 'day',
          on: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
          at: '01:00',
        };
        p.spec.retention.incremental = '14d';
        delete p.spec.retention.differential;
      });
      assert.deepEqual(codes(text), []);
    });
  });

  describe('HBP120 Azure constraints', () => {
    const azure = (patch: Parameters<typeof policyWith>[0]) =>
      policyWith((p) => {
        p.spec.provider = 'azure';
        p.spec.destinations.data = { type: 'backint' };
        p.spec.destinations.log = { type: 'backint' };
        p.spec.retention.full = { weekly: '12w' };
        patch(p);
      });
    it('accepts a policy within Azure limits', () => {
      assert.deepEqual(codes(azure(() => {})), []);
    });
    it('rejects a 10-minute log interval', () => {
      const found = diagnose(azure((p) => (p.spec.schedules.log = { interval: '10m' })));
      assert.ok(found.some((f) => f.code === 'HBP120' && f.text === '10m'));
    });
    it('rejects schedule minutes other than 00 and 30', () => {
      const found = diagnose(azure((p) => ((p.spec.schedules.full as Obj).at = '01:15')));
      assert.ok(found.some((f) => f.code === 'HBP120' && f.text === '01:15'));
    });
    it('rejects a monthly full', () => {
      const found = diagnose(
        azure((p) => (p.spec.schedules.full = { every: 'month', on: [1], at: '01:00' })),
      );
      assert.ok(found.some((f) => f.code === 'HBP120' && f.text === 'month'));
    });
    it('rejects a differential on a full day', () => {
      const found = diagnose(
        azure((p) => {
          (p.spec.schedules.differential as Obj).at = '13:00';
          (p.spec.schedules.differential as Obj).on = ['sun', 'mon'];
        }),
      );
      assert.ok(found.some((f) => f.code === 'HBP120' && /days without a scheduled full/.test(f.message)));
    });
    it('rejects log retention beyond 35 days', () => {
      const found = diagnose(azure((p) => (p.spec.retention.log = '42d')));
      assert.ok(found.some((f) => f.code === 'HBP120' && f.text === '42d'));
    });
    it('near miss: the same policy as generic provider', () => {
      const text = policyWith((p) => (p.spec.retention.log = '42d'));
      assert.ok(!codes(text).includes('HBP120'));
    });
  });
});

describe('what a review found', () => {
  it('an empty `on` list is an error, not a silently dropped schedule', () => {
    const text = policyWith((p) => {
      p.spec.schedules.full = { every: 'week', on: [], at: '01:00' };
      delete p.spec.schedules.differential;
      delete p.spec.retention.differential;
    });
    const [finding] = diagnose(text).filter((f) => f.code === 'HBP007');
    assert.equal(finding.text, '[]');
    assert.match(finding.message, /never runs/);
  });

  it('12mo against 1y, or 52w against 12mo, is not "longer" (HBP106, HBP109)', () => {
    const monthlyFull = (patch: (p: Parameters<Parameters<typeof policyWith>[0]>[0]) => void) =>
      policyWith((p) => {
        p.spec.schedules.full = { every: 'month', on: [1], at: '01:00' };
        p.spec.schedules.differential = { every: 'day', at: '13:00' };
        patch(p);
      });
    assert.ok(
      !codes(
        monthlyFull(
          (p) => (p.spec.retention = { full: { monthly: '12mo' }, differential: '52w', log: '1y' }),
        ),
      ).some((c) => c === 'HBP106' || c === 'HBP109'),
    );
    assert.ok(
      codes(
        monthlyFull(
          (p) => (p.spec.retention = { full: { monthly: '12mo' }, differential: '13mo', log: '2y' }),
        ),
      ).includes('HBP109'),
    );
  });

  it('an unreadable full schedule does not make the fulls look short (no HBP106 echo)', () => {
    const text = policyWith((p) => ((p.spec.schedules.full as Obj).at = '24:00'));
    assert.ok(!codes(text).includes('HBP106'));
  });

  it('Azure: 6mo of differentials is more than 180 days', () => {
    const text = policyWith((p) => {
      p.spec.provider = 'azure';
      p.spec.destinations.data = { type: 'backint' };
      p.spec.destinations.log = { type: 'backint' };
      p.spec.retention = { full: { weekly: '12w' }, differential: '6mo', log: '35d' };
    });
    assert.ok(diagnose(text).some((f) => f.code === 'HBP120' && f.text === '6mo'));
  });
});
