import * as assert from 'node:assert/strict';
import {
  AWS_CATALOG,
  GCP_CATALOG,
  IBM_CATALOG,
  VENDOR_CATALOGS,
  type BackintCatalog,
} from '../../../server/src/languageService/backint';

const ALL: BackintCatalog[] = [AWS_CATALOG, GCP_CATALOG, IBM_CATALOG, ...VENDOR_CATALOGS];

describe('Backint key catalogs', () => {
  for (const catalog of ALL) {
    it(`${catalog.agent}: every key is complete and unique`, () => {
      const names = new Set<string>();
      for (const key of catalog.keys) {
        assert.ok(!names.has(key.name), `${key.name} twice`);
        names.add(key.name);
        assert.ok(key.doc.trim().length > 0, `${key.name} has no doc`);
        assert.ok(key.source.trim().length > 0, `${key.name} has no source`);
        if (key.type === 'enum') assert.ok(key.values?.length, `${key.name} is an enum without values`);
        if (key.min !== undefined && key.max !== undefined) assert.ok(key.min <= key.max, key.name);
        if (key.default === null) assert.ok(key.defaultNote, `${key.name}: unknown default without a note`);
      }
    });
  }

  it('requires what the spec says, and nothing else', () => {
    const required = (catalog: BackintCatalog) => catalog.keys.filter((k) => k.required).map((k) => k.name);
    assert.deepEqual(required(AWS_CATALOG), ['S3BucketName', 'S3BucketAwsRegion']);
    assert.deepEqual(required(GCP_CATALOG), ['bucket']);
    assert.deepEqual(required(IBM_CATALOG), []);
  });

  it('shows the AWS HANA agent defaults as unknown (only the ASE agent documents them)', () => {
    const upload = AWS_CATALOG.keys.find((k) => k.name === 'UploadConcurrency')!;
    assert.equal(upload.default, null);
    assert.match(upload.defaultNote!, /100/);
  });

  it('validates keys only where the sources list all of them', () => {
    assert.ok(AWS_CATALOG.validatesKeys);
    assert.ok(GCP_CATALOG.validatesKeys);
    assert.ok(!IBM_CATALOG.validatesKeys);
    assert.ok(VENDOR_CATALOGS.every((c) => !c.validatesKeys));
  });
});
