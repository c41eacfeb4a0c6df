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
  const conversionError = ctx.doc.conversionError;
  if (conversionError) {
    // An alias bomb, usually; a structure nested too deeply for the conversion is the other cause.
    const why = /alias/i.test(conversionError)
      ? ' Aliases that expand into each other this much are refused.'
      : '';
    ctx.report(
      'HBP001',
      ctx.documentHeadRange(),
      `This document cannot be read: ${conversionError.replace(/\.$/, '')}.${why}`,
    );
  }
}
