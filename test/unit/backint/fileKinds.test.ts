import * as assert from 'node:assert/strict';
import {
  backintKindOf,
  backintKindOfContent,
  isIbmProfile,
} from '../../../server/src/languageService/backint';
import { AWS_EXAMPLE } from './helpers';

describe('Backint file kinds', () => {
  it('knows the AWS file by its name, wherever it lies', () => {
    assert.equal(backintKindOf('/hana/shared/aws-backint-agent/aws-backint-agent-config.yaml'), 'aws');
    assert.equal(
      backintKindOf('file:///usr/sap/PRD/SYS/global/hdb/opt/hdbconfig/aws-backint-agent-config.yaml'),
      'aws',
    );
    assert.equal(backintKindOf('C:\\repo\\hdbconfig\\aws-backint-agent-config.yaml'), 'aws');
    assert.equal(backintKindOf('/x/aws-backint-agent-config.yml'), undefined);
  });

  it('takes parameters.json for Google only in hdbconfig/ or backint-gcs/', () => {
    assert.equal(backintKindOf('/usr/sap/PRD/SYS/global/hdb/opt/hdbconfig/parameters.json'), 'gcp');
    assert.equal(backintKindOf('/usr/sap/PRD/SYS/global/hdb/opt/backint/backint-gcs/parameters.json'), 'gcp');
    assert.equal(backintKindOf('/project/src/parameters.json'), undefined);
  });

  it('reads init<SID>.utl, *.utl and *.par as KEY value files; only init<SID>.utl is IBM', () => {
    assert.equal(backintKindOf('/oracle/PRD/initPRD.utl'), 'utl');
    assert.equal(backintKindOf('/x/vendor.utl'), 'utl');
    assert.equal(backintKindOf('/x/backint.par'), 'utl');
    assert.ok(isIbmProfile('/oracle/PRD/initPRD.utl'));
    assert.ok(!isIbmProfile('/x/vendor.utl'));
    assert.ok(!isIbmProfile('/x/initPRODUCTION.utl'));
  });

  it('leaves other files alone', () => {
    for (const file of ['/x/global.ini', '/x/param', '/x/policy.backup-policy.yaml', '', '/']) {
      assert.equal(backintKindOf(file), undefined, file);
    }
  });

  it('guesses the kind of a file named by a *_parameter_file from its content', () => {
    assert.equal(backintKindOfContent(AWS_EXAMPLE), 'aws');
    assert.equal(backintKindOfContent('{ "bucket": "b" }'), 'gcp');
    assert.equal(backintKindOfContent('  {\n "bucket": "b", }'), 'gcp');
    assert.equal(backintKindOfContent('CvInstanceName Instance001\n'), 'utl');
    assert.equal(backintKindOfContent('name: x\nother: y\n'), 'utl');
    assert.equal(backintKindOfContent(''), 'utl');
    assert.equal(backintKindOfContent('[ : ::: \u0000 {'), 'utl');
    assert.equal(backintKindOfContent('- S3BucketName: x'), 'utl');
  });
});
