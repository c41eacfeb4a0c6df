// Hover: key documentation, durations in words, a schedule's next runs in the policy's time zone.
import * as assert from 'node:assert/strict';
import { MarkupContent, type Position } from 'vscode-languageserver-protocol/node';
import { LspSession, positionAfter, type OpenDocument } from './support/lspClient';
import { ERP, SANDBOX } from './support/policies';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's date (YYYY-MM-DD) in a time zone. */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

describe('LSP hover', () => {
  let session: LspSession;
  let sandbox: OpenDocument;
  let erp: OpenDocument;
  before(async () => {
    session = await LspSession.start();
    sandbox = await session.open(SANDBOX);
    erp = await session.open(ERP);
  });
  after(async () => {
    await session.dispose();
  });

  async function hoverText(open: OpenDocument, position: Position): Promise<string> {
    const hover = await session.hover(open, position);
    assert.ok(hover, 'a hover');
    assert.ok(MarkupContent.is(hover.contents), 'markdown content');
    return hover.contents.value;
  }

  it('says a duration in words', async () => {
    assert.match(
      await hoverText(sandbox, positionAfter(sandbox.document, 'interval: ')),
      /`20m` = 20 minutes/,
    );
    assert.match(await hoverText(sandbox, positionAfter(sandbox.document, 'daily: ')), /`14d` = 14 days/);
    assert.match(await hoverText(erp, positionAfter(erp.document, 'yearly: ')), /`10y` = 10 years/);
  });

  it('shows the documentation of a key', async () => {
    const text = await hoverText(sandbox, positionAfter(sandbox.document, 'rpo', true));
    assert.match(text, /\*\*spec\.objectives\.rpo\*\*/);
    assert.match(text, /Recovery point objective/);
  });

  it("lists a schedule's next five runs in the policy's time zone", async () => {
    const text = await hoverText(erp, positionAfter(erp.document, 'full: {', true));
    assert.match(text, /Next runs \(America\/Chicago\):/);
    const runs = [...text.matchAll(/^- (\w{3}) (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) (\S+)$/gm)];
    assert.equal(runs.length, 5, text);
    for (const [, weekday, , time, zone] of runs) {
      assert.equal(weekday, 'Sat', 'the full runs on Saturdays');
      assert.equal(time, '23:00', 'at 23:00 local time');
      assert.match(zone, /^C[SD]T$/, 'Central time');
    }
    const dates = runs.map((run) => Date.parse(`${run[2]}T00:00:00Z`));
    const today = Date.parse(`${todayIn('America/Chicago')}T00:00:00Z`);
    assert.ok(
      dates[0] >= today && dates[0] < today + 7 * DAY_MS,
      `the first run is within a week from now: ${runs[0][2]}`,
    );
    for (let i = 1; i < dates.length; i++)
      assert.equal(dates[i] - dates[i - 1], 7 * DAY_MS, 'one run a week');
  });

  it('lists the next runs in UTC when the policy names no time zone', async () => {
    const text = await hoverText(sandbox, positionAfter(sandbox.document, 'full: {', true));
    assert.match(text, /Next runs \(UTC\):/);
    const runs = [...text.matchAll(/^- \w{3} \d{4}-\d{2}-\d{2} 02:00 UTC$/gm)];
    assert.equal(runs.length, 5, text);
  });
});
