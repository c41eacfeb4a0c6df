import * as assert from 'node:assert/strict';
import { TextDocument, type CompletionItem, type TextEdit } from '../../../server/src/languageService';
import { completeBackint, hoverBackint } from '../../../server/src/languageService/backint';
import { AWS_EXAMPLE, applyFix, caret, gcpFile, kindOf, URIS } from './helpers';

function complete(flavour: keyof typeof URIS, textWithCaret: string): CompletionItem[] {
  const { doc, position } = caret(flavour, textWithCaret);
  return completeBackint(kindOf(flavour), doc, position).items;
}

function hover(flavour: keyof typeof URIS, textWithCaret: string): string {
  const { doc, position } = caret(flavour, textWithCaret);
  const result = hoverBackint(kindOf(flavour), doc, position);
  return result ? (result.contents as { value: string }).value : '';
}

/** The text after accepting a completion item (snippet tab stops stripped). */
function accept(flavour: keyof typeof URIS, textWithCaret: string, label: string): string {
  const { doc } = caret(flavour, textWithCaret);
  const item = complete(flavour, textWithCaret).find((i) => i.label === label);
  assert.ok(item, `no completion ${label}`);
  const edit = item.textEdit as TextEdit;
  const newText = edit.newText.replace(/\$\{1\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d/g, '');
  return TextDocument.applyEdits(doc, [{ ...edit, newText }]);
}

describe('Backint features', () => {
  describe('completion', () => {
    it('AWS: offers the keys not yet set, with docs, required ones first', () => {
      const items = complete('aws', 'S3BucketName: b\n|');
      const labels = items.map((i) => i.label);
      assert.ok(!labels.includes('S3BucketName'));
      assert.ok(labels.includes('S3BucketOwnerAccountID'));
      const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
      assert.equal(sorted[0].label, 'S3BucketAwsRegion');
      assert.match((items[0].documentation as { value: string }).value, /AWS Backint Agent/);
    });
    it('AWS: inserts a quoted account ID and a choice for enums', () => {
      assert.equal(accept('aws', 'S3|', 'S3BucketOwnerAccountID'), 'S3BucketOwnerAccountID: ""');
      assert.equal(accept('aws', 'Log|', 'LogLevel'), 'LogLevel: info');
    });
    it('AWS: only renames the key when the line already has a value', () => {
      assert.equal(accept('aws', 'Log|Lvl: debug', 'LogLevel'), 'LogLevel: debug');
    });
    it('AWS: completes enum and boolean values', () => {
      assert.deepEqual(
        complete('aws', 'S3StorageClass: |').map((i) => i.label),
        ['STANDARD', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING'],
      );
      assert.equal(accept('aws', 'S3SseEnabled: tr|', 'true'), 'S3SseEnabled: true');
      assert.deepEqual(complete('aws', 'S3BucketName: |'), []);
    });
    it('AWS: nothing in comments or nested lines', () => {
      assert.deepEqual(complete('aws', '# S3|'), []);
      assert.deepEqual(complete('aws', 'S3BucketName:\n  |'), []);
    });
    it('GCP: offers property names with a value placeholder, and a comma when needed', () => {
      assert.equal(
        accept('gcp', '{\n  "bucket": "b",\n  "lo|"\n}', 'log_level'),
        '{\n  "bucket": "b",\n  "log_level": "DEBUG"\n}',
      );
      assert.equal(
        accept('gcp', '{\n  |\n  "bucket": "b"\n}', 'threads'),
        '{\n  "threads": ,\n  "bucket": "b"\n}',
      );
      assert.ok(!complete('gcp', '{ "bucket": "b", | }').some((i) => i.label === 'bucket'));
    });
    it('GCP: completes enum values as strings and booleans bare', () => {
      assert.equal(accept('gcp', '{ "log_level": | }', 'WARNING'), '{ "log_level": "WARNING" }');
      assert.equal(accept('gcp', '{ "compress": f| }', 'false'), '{ "compress": false }');
    });
    it('GCP: an empty file gets a skeleton', () => {
      const [item] = complete('gcp', '|');
      assert.match(item.insertText!, /"bucket"/);
    });
    it('IBM: offers the known profile keys at the start of a line', () => {
      const labels = complete('ibm', 'BACKUPIDPREFIX ERP___\n|').map((i) => i.label);
      assert.ok(labels.includes('MAX_SESSIONS'));
      assert.ok(!labels.includes('BACKUPIDPREFIX'));
    });
    it("generic: offers an agent's keys only once the file uses one of them", () => {
      assert.deepEqual(complete('generic', '|'), []);
      const labels = complete('generic', 'CvInstanceName Instance001\n|').map((i) => i.label);
      assert.ok(labels.includes('CvSrcClientName'));
      assert.ok(!labels.includes('BUCKET'));
    });
  });

  describe('hover', () => {
    it('AWS: doc, type, unknown default with the ASE value, range, source', () => {
      const text = hover('aws', AWS_EXAMPLE.replace('UploadChannelSize', 'Upload|ChannelSize'));
      assert.match(text, /\*\*UploadChannelSize\*\*/);
      assert.match(text, /Type: whole number/);
      assert.match(text, /Default: unknown — .*`10`/);
      assert.match(text, /Range: 1 – 32/);
      assert.match(text, /Source: AWS-ASE/);
    });
    it('AWS: on the value too, with allowed values', () => {
      assert.match(hover('aws', 'LogLevel: in|fo'), /Allowed: `info`, `debug`/);
    });
    it('GCP: required, default and cap; camelCase names point at their key', () => {
      assert.match(hover('gcp', '{ "buc|ket": "b" }'), /\*\*bucket\*\* \(required\)/);
      const streams = hover('gcp', '{ "parallel|Streams": 2 }');
      assert.match(streams, /JSON name of `parallel_streams`/);
      assert.match(streams, /lowers larger values to 32/);
    });
    it("generic: another agent's key is explained, nothing else", () => {
      assert.match(hover('generic', 'CvInst|anceName Instance001'), /Commvault/);
      assert.equal(hover('generic', 'WHAT|EVER 1'), '');
      assert.equal(hover('aws', '# Log|Level'), '');
    });
  });

  describe('quick fixes', () => {
    it('renames an unknown key to the proposal, and the warning is gone', () => {
      const { text, after } = applyFix(
        'aws',
        AWS_EXAMPLE.replace('S3BucketFolder', 'S3BucketFoldr'),
        'HBB002',
        /Rename `S3BucketFoldr` to `S3BucketFolder`/,
      );
      assert.equal(text, AWS_EXAMPLE);
      assert.deepEqual(after, []);
    });
    it('renames a JSON key keeping its quotes', () => {
      const { text, after } = applyFix('gcp', gcpFile({ thread: 4 }), 'HBB002', /Rename/);
      assert.match(text, /"threads": 4/);
      assert.deepEqual(after, []);
    });
    it('quotes S3BucketOwnerAccountID, leading zeros kept', () => {
      const { text, after } = applyFix(
        'aws',
        AWS_EXAMPLE.replace('"210987654321"', '012345678901'),
        'HBB010',
        /Quote the value/,
      );
      assert.match(text, /S3BucketOwnerAccountID: "012345678901"/);
      assert.deepEqual(after, []);
    });
    it('unquotes a number and a boolean', () => {
      const number = applyFix(
        'aws',
        AWS_EXAMPLE.replace('UploadChannelSize: 8', 'UploadChannelSize: "8"'),
        'HBB003',
        /Write `8`/,
      );
      assert.equal(number.text, AWS_EXAMPLE);
      const bool = applyFix('gcp', gcpFile({ compress: 'false' }), 'HBB003', /Write `false`/);
      assert.deepEqual(bool.after, []);
    });
    it('puts in a proposed value: Region for a zone, bare bucket name', () => {
      const zone = applyFix(
        'aws',
        AWS_EXAMPLE.replace('us-east-2', 'us-east-2b'),
        'HBB003',
        /Change to `us-east-2`/,
      );
      assert.equal(zone.text, AWS_EXAMPLE);
      const bucket = applyFix('gcp', gcpFile({ bucket: 'gs://erp/' }), 'HBB003', /Change to `erp`/);
      assert.match(bucket.text, /"bucket": "erp"/);
      assert.deepEqual(bucket.after, []);
    });
    it('quotes text that YAML or JSON would read as something else', () => {
      const tags = applyFix('aws', `${AWS_EXAMPLE}BackupObjectTags: [{Key=a,Value=b}]\n`, 'HBB003', /Quote/);
      assert.match(tags.text, /BackupObjectTags: "\[\{Key=a,Value=b\}\]"/);
      assert.deepEqual(tags.after, []);
      const folder = applyFix('gcp', gcpFile({ folder_prefix: 42 }), 'HBB003', /Quote/);
      assert.match(folder.text, /"folder_prefix": "42"/);
      assert.deepEqual(folder.after, []);
    });
    it('offers no rename onto a key that is already set', () => {
      assert.throws(
        () => applyFix('aws', `${AWS_EXAMPLE}S3BucketNam: x\n`, 'HBB002', /Rename/),
        /no quick fix/,
      );
    });
  });
});
