import { HanaError, type StatementResult } from '../shared/types';
import type { Statement } from '../sql/statementAst';
import { parseSpan } from './clock';
import type { Simulator } from './simulator';

/** Control hooks a handler can offer to `CALL HANASIM.*` (faults, dropped files …). */
export interface ControlTarget {
  control?(procedure: string, args: (string | number | null)[]): boolean;
}

/**
 * `CALL HANASIM.<procedure>(…)`: what tests use to steer the simulation (only the simulator's admin
 * may: the caller checks HANASIM ADMIN).
 */
export function runControlCall(
  simulator: Simulator,
  statement: Extract<Statement, { kind: 'call' }>,
): StatementResult {
  const [first] = statement.args;
  switch (statement.procedure) {
    case 'ADVANCE_CLOCK': {
      const span =
        typeof first === 'string' ? parseSpan(first) : typeof first === 'number' ? first * 1000 : undefined;
      if (span === undefined)
        throw new HanaError(
          257,
          `sql syntax error: ADVANCE_CLOCK takes a span such as '7d', '90m' or a number of seconds`,
        );
      simulator.clock.advance(span);
      simulator.tick();
      return { kind: 'none' };
    }
    case 'DELAY_NEXT_STATEMENT': {
      const span =
        typeof first === 'string' ? parseSpan(first) : typeof first === 'number' ? first * 1000 : undefined;
      if (span === undefined)
        throw new HanaError(257, `sql syntax error: DELAY_NEXT_STATEMENT takes a span such as '5s'`);
      simulator.delayNextStatement(span);
      return { kind: 'none' };
    }
    default:
      for (const handler of simulator.controlTargets()) {
        if (handler.control?.(statement.procedure, statement.args)) return { kind: 'none' };
      }
      throw new HanaError(328, `invalid name of function or procedure: HANASIM.${statement.procedure}`);
  }
}
