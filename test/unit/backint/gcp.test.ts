import * as assert from 'node:assert/strict';
import { check, codes, gcpFile } from './helpers';

describe('Google Cloud Agent for SAP parameters.json', () => {
  it('a sound file is clean', () => {
    assert.deepEqual(codes('gcp', gcpFile()), []);
    assert.deepEqual(
      codes(
        'gcp',
        gcpFile({
          folder_prefix: 'ERP',
          parallel_streams: 8,
          threads: 16,
          buffer_size_mb: 100,
          retries: 5,
          compress: false,
          kms_key: '',
          storage_class: 'COLDLINE',
          log_to_cloud: true,
          retry_backoff_multiplier: 1.5,
          metadata: { team: 'basis' },
          object_retention_mode: 'Locked',
          object_retention_time: '2030-01-01T00:00:00Z',
        }),
      ),
      [],
    );
  });

  describe('HBB001 syntax', () => {
    it('reports comments and trailing commas, which the agent refuses', () => {
      const findings = check('gcp', '{\n  // backups\n  "bucket": "b",\n}');
      assert.deepEqual(
        findings.map((f) => [f.code, f.text]),
        [
          ['HBB001', '// backups'],
          ['HBB001', ','],
        ],
      );
    });
    it('reports a field written twice', () => {
      const findings = check('gcp', '{ "bucket": "a", "bucket": "b" }');
      assert.deepEqual(
        findings.map((f) => [f.code, f.text]),
        [['HBB001', '"bucket"']],
      );
      assert.equal(findings[0].diagnostic.relatedInformation?.length, 1);
    });
    it('reports an empty file', () => {
      assert.deepEqual(codes('gcp', ''), ['HBB001']);
    });
    it('near miss: whitespace and newlines anywhere are fine', () => {
      assert.deepEqual(codes('gcp', '\n\n  {"bucket"   :\n"b"}  \n'), []);
    });
  });

  describe('HBB002 unknown key', () => {
    it('proposes the closest key', () => {
      const [finding] = check('gcp', gcpFile({ paralel_streams: 2 }));
      assert.equal(finding.code, 'HBB002');
      assert.equal(finding.text, '"paralel_streams"');
      assert.equal((finding.diagnostic.data as { proposal: string }).proposal, 'parallel_streams');
    });
    it("near miss: protojson's camelCase names are the same keys", () => {
      assert.deepEqual(codes('gcp', gcpFile({ parallelStreams: 2, logToCloud: false })), []);
    });
  });

  describe('HBB003 type, value', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ bucket: 'gs://erp-hana-backups' }, '"gs://erp-hana-backups"', /without `gs:\/\/`/],
      [{ bucket: 'erp/hana' }, '"erp/hana"', /folder_prefix/],
      [{ compress: 'true' }, '"true"', /without quotes/],
      [{ compress: 1 }, '1', /`true` or `false`/],
      [{ threads: 'many' }, '"many"', /whole number/],
      [{ threads: 2.5 }, '2.5', /whole number/],
      [{ log_level: 'VERBOSE' }, '"VERBOSE"', /`DEBUG`, `INFO`, `WARNING`, `ERROR`/],
      [{ storage_class: 'COLD' }, '"COLD"', /COLDLINE/],
      [{ folder_prefix: 42 }, '42', /string in double quotes/],
      [{ metadata: { team: 1 } }, '{\n    "team": 1\n  }', /object whose values are all strings/],
      [{ retry_backoff_multiplier: true }, 'true', /a number/],
    ];
    for (const [extra, text, message] of cases) {
      it(JSON.stringify(extra), () => {
        const findings = check('gcp', gcpFile(extra)).filter((f) => f.code === 'HBB003');
        assert.equal(findings.length, 1, JSON.stringify(findings.map((f) => f.message)));
        assert.equal(findings[0].text, text);
        assert.match(findings[0].message, message);
      });
    }
    it('near miss: what protojson accepts (quoted integers, null, enum numbers)', () => {
      assert.deepEqual(
        codes('gcp', gcpFile({ threads: '8', retries: null, log_level: 2, rate_limit_mb: 0 })),
        [],
      );
    });
    it('the file must be an object', () => {
      assert.deepEqual(codes('gcp', '[{"bucket": "b"}]'), ['HBB003']);
    });
  });

  describe('HBB004 required key', () => {
    it('reports a missing bucket on the first line', () => {
      const [finding] = check('gcp', '{\n  "log_level": "INFO"\n}');
      assert.equal(finding.code, 'HBB004');
      assert.equal(finding.line, 0);
      assert.deepEqual(finding.diagnostic.data, { missing: 'bucket' });
    });
    it('reports an empty bucket on its key', () => {
      const [finding] = check('gcp', gcpFile({ bucket: '' }));
      assert.equal(finding.code, 'HBB004');
      assert.match(finding.text, /"bucket": ""/);
    });
    it('object retention needs mode and time together', () => {
      const [finding] = check('gcp', gcpFile({ object_retention_mode: 'Locked' }));
      assert.equal(finding.code, 'HBB004');
      assert.equal(finding.text, '"object_retention_mode"');
      assert.match(finding.message, /object_retention_time/);
    });
    it('near miss: bucket written in camelCase is still bucket, a single-word key', () => {
      assert.deepEqual(codes('gcp', '{"bucket": "b", "recoveryBucket": "r"}'), []);
    });
  });

  describe('HBB010 pitfalls', () => {
    it('parallel_streams > 1 with compress', () => {
      const findings = check('gcp', gcpFile({ parallel_streams: 4, compress: true }));
      assert.deepEqual(
        findings.map((f) => [f.code, f.text]),
        [['HBB010', '4']],
      );
      assert.match(findings[0].message, /compress.*Set `parallel_streams` to 1/);
      assert.equal(findings[0].diagnostic.relatedInformation?.length, 1);
    });
    it('parallel_streams > 1 with encryption (written as a string number too)', () => {
      const findings = check('gcp', gcpFile({ parallel_streams: '2', kms_key: 'projects/p/keys/k' }));
      assert.deepEqual(
        findings.map((f) => f.code),
        ['HBB010'],
      );
      assert.match(findings[0].message, /encrypted parallel backups/);
    });
    it('parallel_recovery_streams > 1 with compress', () => {
      assert.deepEqual(codes('gcp', gcpFile({ parallel_recovery_streams: 2, compress: true })), ['HBB010']);
    });
    it('encryption_key together with kms_key, on the later one', () => {
      const [finding] = check('gcp', gcpFile({ encryption_key: '/etc/key', kms_key: 'projects/p/keys/k' }));
      assert.equal(finding.code, 'HBB010');
      assert.equal(finding.text, '"kms_key"');
    });
    it('values above what the agent caps', () => {
      const [finding] = check('gcp', gcpFile({ threads: 128 }));
      assert.equal(finding.code, 'HBB010');
      assert.match(finding.message, /lowers it to 64/);
    });
    it('near miss: one stream may compress and encrypt; parallel without either is fine', () => {
      assert.deepEqual(codes('gcp', gcpFile({ parallel_streams: 1, compress: true, kms_key: 'k' })), []);
      assert.deepEqual(
        codes('gcp', gcpFile({ parallel_streams: 32, compress: false, encryption_key: '' })),
        [],
      );
    });
  });
});
