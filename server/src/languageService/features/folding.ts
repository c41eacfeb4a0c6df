import { isMap, isPair, isSeq, type Node } from 'yaml';
import { yamlItems } from '../parsing/yamlNodes';
import type { ParsedPolicyFile } from '../parsing/policyFile';
import { FoldingRange, FoldingRangeKind } from '../types';

/** Folding for each policy document, each multi-line mapping or list under its key, and comment blocks. */
export function foldingRanges(file: ParsedPolicyFile): FoldingRange[] {
  const td = file.textDocument;
  const line = (offset: number) => td.positionAt(offset).line;
  const ranges: FoldingRange[] = [];
  const lastContentLine = (end: number) => {
    let l = line(end);
    if (end > 0 && file.text[end - 1] === '\n') l--;
    return l;
  };
  for (const doc of file.documents) {
    const contents = doc.yaml.contents as Node | null;
    if (contents?.range && lastContentLine(contents.range[1]) > line(contents.range[0])) {
      ranges.push(FoldingRange.create(line(contents.range[0]), lastContentLine(contents.range[1])));
    }
    for (const pair of yamlItems(doc.yaml)) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!key?.range || !value?.range || !(isMap(value) || isSeq(value))) continue;
      const start = line(key.range[0]);
      const end = lastContentLine(value.range[1]);
      if (end > start) ranges.push(FoldingRange.create(start, end));
    }
  }
  // Lines as the editor counts them: CRLF, LF and a lone CR each end one.
  const lines = file.text.split(/\r\n|\r|\n/);
  let commentStart = -1;
  for (let i = 0; i <= lines.length; i++) {
    const isComment = i < lines.length && /^\s*#/.test(lines[i]);
    if (isComment && commentStart < 0) commentStart = i;
    if (!isComment && commentStart >= 0) {
      if (i - 1 > commentStart)
        ranges.push(FoldingRange.create(commentStart, i - 1, undefined, undefined, FoldingRangeKind.Comment));
      commentStart = -1;
    }
  }
  return ranges;
}
