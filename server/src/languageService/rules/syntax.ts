import type { DocumentContext } from '../diagnostics/documentContext';

/** HBP001: what the YAML parser could not read, on the characters it stopped at. */
export function checkSyntax(ctx: DocumentContext): void {
  for (const error of ctx.doc.yaml.errors) {
    const [start, end] = error.pos;
    const firstLine = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    ctx.report(
      'HBP001',
      ctx.rangeOfOffsets(start, Math.max(end, start + 1)),
      `YAML syntax error: ${firstLine}.`,
      {
        data: { yamlCode: error.code },
      },
    );
  }
  if (ctx.doc.conversionError) {
    ctx.report(
      'HBP001',
      ctx.documentHeadRange(),
      `This document cannot be read: ${ctx.doc.conversionError.replace(/\.$/, '')}. Aliases that expand into each other this much are refused.`,
    );
  }
}
