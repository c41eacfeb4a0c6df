import * as assert from 'node:assert/strict';
import { BACKINT_RULES } from '../../../server/src/languageService/backint';
import { AWS_EXAMPLE, check, codes } from './helpers';

const with_ = (from: string | RegExp, to: string) => AWS_EXAMPLE.replace(from, to);

describe('AWS Backint Agent file', () => {
  it('the shared example is clean', () => {
    assert.deepEqual(check('aws', AWS_EXAMPLE), []);
  });

  it('every finding carries the source, a string code and the rule severity', () => {
    const [finding] = check('aws', with_('LogLevel: info', 'LogLevel: loud'));
    assert.equal(finding.diagnostic.source, 'hana-backup');
    assert.equal(finding.diagnostic.code, 'HBB003');
    assert.equal(finding.diagnostic.severity, BACKINT_RULES.HBB003.severity);
  });

  describe('HBB001 syntax', () => {
    it('reports a YAML error and still checks what it can', () => {
      const findings = check('aws', with_('LogLevel: info', 'LogLevel: loud\nbroken: [a, b'));
      assert.ok(findings.some((f) => f.code === 'HBB001'));
      assert.ok(findings.some((f) => f.code === 'HBB003' && f.text === 'loud'));
      assert.ok(!findings.some((f) => f.code === 'HBB004'), 'no guessing at missing keys in a broken file');
    });
    it('reports a key written twice, with the first one related', () => {
      const [finding] = check('aws', `${AWS_EXAMPLE}LogLevel: debug\n`);
      assert.equal(finding.code, 'HBB001');
      assert.equal(finding.text, 'LogLevel');
      assert.equal(finding.line, 8);
      assert.equal(finding.diagnostic.relatedInformation?.[0].location.range.start.line, 6);
    });
    it('near miss: a comment and blank lines are fine', () => {
      assert.deepEqual(codes('aws', `# AWS Backint Agent\n\n${AWS_EXAMPLE}\n# end\n`), []);
    });
  });

  describe('HBB002 unknown key', () => {
    it('proposes the closest key', () => {
      const [finding] = check('aws', with_('S3BucketFolder', 'S3BucketFoldr'));
      assert.equal(finding.code, 'HBB002');
      assert.equal(finding.text, 'S3BucketFoldr');
      assert.match(finding.message, /Did you mean `S3BucketFolder`\?/);
      assert.deepEqual(finding.diagnostic.data, {
        key: 'S3BucketFoldr',
        proposal: 'S3BucketFolder',
        proposalPresent: false,
      });
    });
    it('catches a wrong case', () => {
      const [finding] = check('aws', with_('LogLevel', 'loglevel'));
      assert.equal((finding.diagnostic.data as { proposal: string }).proposal, 'LogLevel');
    });
    it('says so when the proposal is already set', () => {
      const [finding] = check('aws', `${AWS_EXAMPLE}S3BucketNam: other\n`);
      assert.match(finding.message, /already set/);
    });
    it('has no proposal for a key like nothing known', () => {
      const [finding] = check('aws', `${AWS_EXAMPLE}Completely: different\n`);
      assert.equal((finding.diagnostic.data as { proposal?: string }).proposal, undefined);
    });
    it('near miss: every documented key is accepted', () => {
      const text = `${AWS_EXAMPLE}S3SseKmsArn: arn:aws:kms:us-east-2:210987654321:key/abc\nLogRotationFrequency: day\nEnableTagging: true\nBackupObjectTags: "[{Key=a,Value=b}]"\nS3StorageClass: STANDARD_IA\nUploadConcurrency: 100\nDownloadConcurrency: 100\nMaximumConcurrentFilesForRestore: 5\nS3ShortenBackupDestinationEnabled: false\n`;
      assert.deepEqual(codes('aws', text), []);
    });
  });

  describe('HBB003 type, range, value', () => {
    const cases: [string, string, string, RegExp][] = [
      ['UploadChannelSize: 8', 'UploadChannelSize: 64', '64', /from 1 to 32/],
      ['UploadChannelSize: 8', 'UploadChannelSize: 0', '0', /from 1 to 32/],
      ['UploadChannelSize: 8', 'UploadChannelSize: eight', 'eight', /whole number/],
      ['UploadChannelSize: 8', 'UploadChannelSize: 8.5', '8.5', /whole number/],
      ['UploadChannelSize: 8', 'UploadChannelSize: "8"', '"8"', /without quotes/],
      ['S3SseEnabled: true', 'S3SseEnabled: "true"', '"true"', /without quotes/],
      ['S3SseEnabled: true', 'S3SseEnabled: enabled', 'enabled', /`true` or `false`/],
      ['LogLevel: info', 'LogLevel: verbose', 'verbose', /one of `info`, `debug`/],
      ['LogLevel: info', 'S3StorageClass: GLACIER', 'GLACIER', /Archive tiers/],
      ['S3BucketAwsRegion: us-east-2', 'S3BucketAwsRegion: us-east-2a', 'us-east-2a', /Availability Zone/],
      ['S3BucketAwsRegion: us-east-2', 'S3BucketAwsRegion: Ohio', 'Ohio', /AWS Region code/],
      [
        'S3BucketName: erp-hana-backups',
        'S3BucketName: s3://erp-hana-backups',
        's3://erp-hana-backups',
        /bare/,
      ],
      ['S3BucketName: erp-hana-backups', 'S3BucketName: erp/hana', 'erp/hana', /S3BucketFolder/],
      ['"210987654321"', '"2109-8765-4321"', '"2109-8765-4321"', /12 digits/],
      ['LogLevel: info', 'BackupObjectTags: [{Key=a,Value=b}]', '[{Key=a,Value=b}]', /quote it/],
      ['LogLevel: info', 'S3SseKmsArn: my-key', 'my-key', /ARN of a KMS key/],
    ];
    for (const [from, to, text, message] of cases) {
      it(`${to}`, () => {
        const findings = check('aws', with_(from, to)).filter((f) => f.code === 'HBB003');
        assert.equal(findings.length, 1, JSON.stringify(findings.map((f) => f.message)));
        assert.equal(findings[0].text, text);
        assert.match(findings[0].message, message);
      });
    }
    it('near miss: YAML 1.1 booleans, case variants of enums, Regions of every partition', () => {
      const text = with_('S3SseEnabled: true', 'S3SseEnabled: yes')
        .replace('LogLevel: info', 'LogLevel: INFO')
        .replace('us-east-2', 'us-gov-west-1');
      assert.deepEqual(codes('aws', text), []);
    });
    it('the file must be a mapping', () => {
      const [finding] = check('aws', '- S3BucketName: x\n');
      assert.equal(finding.code, 'HBB003');
      assert.match(finding.message, /list/);
    });
  });

  describe('HBB004 required key', () => {
    it('reports a missing key on the first line', () => {
      const findings = check('aws', with_('S3BucketAwsRegion: us-east-2\n', ''));
      assert.deepEqual(
        findings.map((f) => [f.code, f.line, f.text]),
        [['HBB004', 0, 'S3BucketName: erp-hana-backups']],
      );
      assert.match(findings[0].message, /S3BucketAwsRegion/);
      assert.deepEqual(findings[0].diagnostic.data, { missing: 'S3BucketAwsRegion' });
    });
    it('reports both on an empty file', () => {
      assert.deepEqual(codes('aws', ''), ['HBB004', 'HBB004']);
    });
    it('reports an empty value on its key', () => {
      const [finding] = check('aws', with_('S3BucketName: erp-hana-backups', 'S3BucketName:'));
      assert.equal(finding.code, 'HBB004');
      assert.equal(finding.text, 'S3BucketName');
      assert.match(finding.message, /no value/);
    });
    it('near miss: both present', () => {
      assert.deepEqual(codes('aws', 'S3BucketAwsRegion: eu-central-1\nS3BucketName: b\n'), []);
    });
  });

  describe('HBB010 unquoted account ID', () => {
    it('warns on a 12-digit number and explains why', () => {
      const [finding] = check('aws', with_('"210987654321"', '210987654321'));
      assert.equal(finding.code, 'HBB010');
      assert.equal(finding.text, '210987654321');
      assert.match(finding.message, /number.*AccessDenied.*double quotes/);
      assert.deepEqual(finding.diagnostic.data, {
        key: 'S3BucketOwnerAccountID',
        pitfall: 'unquoted-account-id',
        quoted: '"210987654321"',
      });
    });
    it('keeps leading zeros in the quoted proposal', () => {
      const [finding] = check('aws', with_('"210987654321"', '012345678901'));
      assert.equal((finding.diagnostic.data as { quoted: string }).quoted, '"012345678901"');
    });
    it('warns on any unquoted scalar too', () => {
      const findings = check('aws', with_('"210987654321"', 'abc'));
      assert.deepEqual(findings.map((f) => f.code).sort(), ['HBB003', 'HBB010']);
    });
    it('near miss: double or single quotes are fine', () => {
      assert.deepEqual(codes('aws', with_('"210987654321"', "'210987654321'")), []);
    });
  });
});
