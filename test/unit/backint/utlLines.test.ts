import * as assert from 'node:assert/strict';
import { parseUtlLines } from '../../../server/src/languageService/backint/parse/utlLines';

describe('KEY value lines (utl, par)', () => {
  it('ends lines at LF, CRLF and a lone CR alike, so keys sit where the editor shows them', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['MAX_SESSIONS 4', '# a comment', 'REDOLOG_COPIES 2'].join(eol);
      const parsed = parseUtlLines(text);
      assert.deepEqual(
        parsed.entries.map((e) => [e.key, text.slice(e.keyStart, e.keyEnd), e.value?.value]),
        [
          ['MAX_SESSIONS', 'MAX_SESSIONS', '4'],
          ['REDOLOG_COPIES', 'REDOLOG_COPIES', '2'],
        ],
        JSON.stringify(eol),
      );
    }
  });
});
