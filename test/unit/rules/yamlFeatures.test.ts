import * as assert from 'node:assert/strict';
import { diagnose, policyWith } from '../support/kit';

describe('YAML features', () => {
  it('resolves aliases before validation: a reused schedule collides with itself (HBP108)', () => {
    const text = policyWith(() => {})
      .replace(
        / {4}full:\n {6}every: week\n {6}on:\n {8}- sun\n {6}at: 01:00\n/,
        '    full: &nightly { every: day, at: "01:00" }\n',
      )
      .replace(/ {4}differential:\n(?: {6}.*\n| {8}.*\n)+/, '    differential: *nightly\n');
    const found = diagnose(text).filter((f) => f.code === 'HBP108');
    assert.deepEqual(
      found.map((f) => f.text),
      ['differential'],
    );
  });

  it('resolves merge keys, own keys winning', () => {
    const text = policyWith(() => {})
      .replace(
        / {4}full:\n {6}every: week\n {6}on:\n {8}- sun\n {6}at: 01:00\n/,
        '    full: &weekly { every: week, on: [sun], at: "01:00" }\n',
      )
      .replace(
        / {4}differential:\n(?: {6}.*\n| {8}.*\n)+/,
        '    differential:\n      <<: *weekly\n      on: [mon, tue]\n',
      );
    assert.deepEqual(diagnose(text), []);
  });

  it('reports an error inside an anchored value where the anchor is written', () => {
    const text = policyWith(() => {})
      .replace(
        / {4}full:\n {6}every: week\n {6}on:\n {8}- sun\n {6}at: 01:00\n/,
        '    full: &w { every: week, on: [sun], at: "1:00" }\n',
      )
      .replace(/ {4}differential:\n(?: {6}.*\n| {8}.*\n)+/, '');
    const [finding] = diagnose(text.replace('    differential: 14d\n', ''));
    assert.equal(finding.code, 'HBP007');
    assert.equal(finding.text, '"1:00"');
  });

  it('validates each document of a multi-document file on its own', () => {
    const second = policyWith((p) => {
      (p.metadata as { name: string }).name = 'qas';
      p.spec.targets = [{ system: 'QAS', databases: ['QAS'] }];
      p.spec.objectives.rpo = '5m';
    });
    const found = diagnose(`${policyWith(() => {})}---\n${second}`);
    assert.deepEqual(
      found.map((f) => f.code),
      ['HBP101'],
    );
    assert.ok(found[0].line > 50);
  });

  it('ignores empty documents and comment-only documents', () => {
    assert.deepEqual(diagnose(`---\n# nothing here\n---\n${policyWith(() => {})}---\n`), []);
  });
});
