import * as assert from 'node:assert/strict';
import { SYSTEM_INI, TestWorkspace, exampleFiles, hostIni } from '../support/workspace';

const AWS = '/usr/sap/ERP/SYS/global/hdb/opt/hdbconfig/aws-backint-agent-config.yaml';

function labels(ws: TestWorkspace, file: string, line: number, character: number): string[] {
  return ws.service.complete(ws.document(file), { line, character }).items.map((i) => i.label);
}

describe('global.ini editor features', () => {
  describe('completion', () => {
    const ws = new TestWorkspace({
      [SYSTEM_INI]: '[backup]\nlog_backup_using_backint = \nparallel\n[persistence]\nlog_mode = \n[\n',
      [AWS]: 'S3BucketName: b\nS3BucketAwsRegion: us-east-2\n',
    });
    it('offers the validated sections after [', () => {
      assert.deepEqual(labels(ws, SYSTEM_INI, 5, 1), ['backup', 'persistence', 'system_replication']);
    });
    it('offers the parameters of the section, not those already set', () => {
      const names = labels(ws, SYSTEM_INI, 2, 8);
      assert.ok(names.includes('parallel_data_backup_backint_channels'));
      assert.ok(!names.includes('log_backup_using_backint'));
      assert.ok(
        !names.includes('log_backup_timeout_s'),
        'a [persistence] parameter is not offered in [backup]',
      );
    });
    it('offers values: booleans, enums', () => {
      assert.deepEqual(labels(ws, SYSTEM_INI, 1, 27), ['true', 'false']);
      assert.deepEqual(labels(ws, SYSTEM_INI, 4, 11), ['normal', 'overwrite']);
    });
    it('offers the Backint parameter files of the workspace for *_parameter_file', () => {
      const ws2 = new TestWorkspace({
        [AWS]: 'S3BucketName: b\n',
        [SYSTEM_INI]: '[backup]\ndata_backup_parameter_file = \n',
      });
      assert.deepEqual(labels(ws2, SYSTEM_INI, 1, 29), [AWS]);
    });
  });

  describe('document links and HBI024', () => {
    it('links *_parameter_file values to the workspace file, and stays quiet while that file is clean', () => {
      const ws = new TestWorkspace(exampleFiles());
      const system = '/config/usr/sap/ERP/SYS/global/hdb/custom/config/global.ini';
      const links = ws.service.documentLinks(ws.document(system));
      assert.equal(links.length, 3);
      assert.equal(links[0].target, ws.uri(`/config${AWS}`));
      assert.ok(!ws.codes(system).includes('HBI024'));
    });
    it('reports the linked file’s problems on the value (HBI024), and clears when they are fixed', () => {
      const ws = new TestWorkspace({
        [AWS]: 'S3BucketName: b\n',
        [SYSTEM_INI]:
          '[backup]\ndata_backup_parameter_file = /usr/sap/ERP/SYS/global/hdb/opt/hdbconfig/aws-backint-agent-config.yaml\n',
      });
      const [finding] = ws.check(SYSTEM_INI);
      assert.equal(finding.code, 'HBI024');
      assert.match(finding.message, /1 problem/);
      assert.equal(finding.diagnostic.relatedInformation?.[0].location.uri, ws.uri(AWS));
      const affected = ws.write(AWS, 'S3BucketName: b\nS3BucketAwsRegion: us-east-2\n');
      assert.deepEqual(affected, [ws.uri(SYSTEM_INI)]);
      assert.deepEqual(ws.codes(SYSTEM_INI), []);
    });
    // Found by the fuzzer: the problems were compared as JSON text, slow on a file with thousands.
    it('re-checks the linking file only when the Backint file’s problems change', () => {
      const broken = 'S3BucketName: b\n' + '8\n'.repeat(3000);
      const ws = new TestWorkspace({
        [AWS]: broken,
        [SYSTEM_INI]:
          '[backup]\ndata_backup_parameter_file = /usr/sap/ERP/SYS/global/hdb/opt/hdbconfig/aws-backint-agent-config.yaml\n',
      });
      assert.deepEqual(ws.write(AWS, `# a comment after the problems\n${broken}`), [ws.uri(SYSTEM_INI)]);
      assert.deepEqual(ws.write(AWS, `# another comment, same problems\n${broken}`), []);
      assert.match(ws.check(SYSTEM_INI)[0].message, /^The Backint parameter file .* has \d{4,} problems/);
    });
  });

  it('hover documents a parameter with type, default and source', () => {
    const ws = new TestWorkspace({
      [hostIni('h1')]: '[backup]\nparallel_data_backup_backint_channels = 4\n',
    });
    const text = (
      ws.service.hover(ws.document(hostIni('h1')), { line: 1, character: 2 })!.contents as { value: string }
    ).value;
    assert.match(text, /Backint channels for data and delta backups/);
    assert.match(text, /type int · range 1–32 · unit channels · default 1 · source NBU, AZ-MTX/);
  });
});
