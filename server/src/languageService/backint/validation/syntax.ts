import type { BackintContext } from './report';

/** HBB001 for what the parser could not read and for keys written twice; HBB003 for a non-mapping top level. */
export function checkSyntax(ctx: BackintContext): void {
  for (const problem of ctx.file.syntax) {
    const related = problem.firstAt
      ? [ctx.related(problem.firstAt.start, problem.firstAt.end, `first \`${problem.duplicateKey}\``)]
      : undefined;
    const data = problem.duplicateKey ? { duplicate: problem.duplicateKey } : undefined;
    ctx.report('HBB001', ctx.range(problem.start, problem.end), problem.message, data, related);
  }
  const top = ctx.file.notAMapping;
  if (top) {
    const expected =
      ctx.file.kind === 'gcp' ? 'a JSON object `{ "bucket": … }`' : 'a mapping of `Key: value` lines';
    ctx.report(
      'HBB003',
      ctx.range(top.start, Math.max(top.end, top.start + 1)),
      `The file holds ${top.found}, but the agent reads ${expected}.`,
      { expected: 'mapping' },
    );
  }
}
