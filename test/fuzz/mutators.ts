// Mutations of a sound file: one to four edits of the kinds a person or a bad tool makes — splices,
// line moves and re-indents, a value swapped for an awkward one, a chunk repeated, a cut, other line
// ends, and lines from another kind of file.
import * as fc from 'fast-check';
import { applySplices, splices } from '../support/textMutations';
import { awkwardScalar } from './generators/values';

type Mutation = (text: string) => string;

/** Longest a repeated chunk makes a file: big enough to matter for speed, small enough for many inputs. */
const MAX_LENGTH = 40_000;

function editLines(text: string, edit: (lines: string[]) => void): string {
  const lines = text.split('\n');
  edit(lines);
  return lines.join('\n');
}

const lineEdit: fc.Arbitrary<Mutation> = fc
  .tuple(fc.nat(), fc.nat(), fc.constantFrom('delete', 'duplicate', 'swap', 'indent', 'dedent', 'tab'))
  .map(
    ([a, b, how]) =>
      (text) =>
        editLines(text, (lines) => {
          const i = a % lines.length;
          const j = b % lines.length;
          if (how === 'delete') lines.splice(i, 1);
          else if (how === 'duplicate') lines.splice(j, 0, lines[i]);
          else if (how === 'swap') [lines[i], lines[j]] = [lines[j], lines[i]];
          else if (how === 'indent') lines[i] = ' '.repeat(1 + (b % 6)) + lines[i];
          else if (how === 'dedent') lines[i] = lines[i].trimStart();
          else lines[i] = `\t${lines[i]}`;
        }),
  );

const TOKEN = /[^\s:=,[\]{}"']+/g;

const tokenSwap: fc.Arbitrary<Mutation> = fc
  .tuple(fc.nat(), awkwardScalar)
  .map(([n, replacement]) => (text) => {
    const tokens = [...text.matchAll(TOKEN)];
    if (tokens.length === 0) return text + replacement;
    const token = tokens[n % tokens.length];
    const at = token.index ?? 0;
    return text.slice(0, at) + replacement + text.slice(at + token[0].length);
  });

const repeat: fc.Arbitrary<Mutation> = fc
  .tuple(fc.nat(), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 2, max: 300 }))
  .map(([start, length, times]) => (text) => {
    const at = text.length ? start % text.length : 0;
    const chunk = text.slice(at, at + length);
    const room = Math.floor((MAX_LENGTH - text.length) / Math.max(1, chunk.length));
    const copies = Math.max(1, Math.min(times, room));
    return text.slice(0, at) + chunk.repeat(copies) + text.slice(at);
  });

const cut: fc.Arbitrary<Mutation> = fc
  .nat()
  .map((n) => (text) => text.slice(0, text.length ? n % text.length : 0));

const lineEnds: fc.Arbitrary<Mutation> = fc.constantFrom<Mutation>(
  (text) => text.replace(/\n/g, '\r\n'),
  (text) => text.replace(/\n/g, '\r'),
  (text) => `\uFEFF${text}`,
  (text) => text.replace(/\n+$/, ''),
);

function crossover(donors: fc.Arbitrary<string>): fc.Arbitrary<Mutation> {
  return fc.tuple(donors, fc.nat(), fc.nat()).map(([donor, from, at]) => (text) => {
    const donorLines = donor.split('\n');
    const start = from % donorLines.length;
    return editLines(text, (lines) =>
      lines.splice(at % (lines.length + 1), 0, ...donorLines.slice(start, start + 1 + (from % 5))),
    );
  });
}

/** A mutant of `base`, with `donors` giving lines of other files to paste in. */
export function mutantOf(base: string, donors: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const mutation = fc.oneof(
    {
      weight: 4,
      arbitrary: splices(base.length).map(
        (edits): Mutation =>
          (text) =>
            applySplices(text, edits),
      ),
    },
    { weight: 3, arbitrary: lineEdit },
    { weight: 3, arbitrary: tokenSwap },
    { weight: 1, arbitrary: repeat },
    { weight: 1, arbitrary: cut },
    { weight: 1, arbitrary: lineEnds },
    { weight: 1, arbitrary: crossover(donors) },
  );
  return fc
    .array(mutation, { minLength: 1, maxLength: 4 })
    .map((mutations) => mutations.reduce((text, mutate) => mutate(text), base));
}
