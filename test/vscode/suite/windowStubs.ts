// Stand-ins for vscode.window's prompts and messages, for extension-host tests that must answer like
// a user or observe what the user was told. VS Code hands every extension an API object of its own
// (by the path of the module that requires 'vscode'), and the suites run from another extension (the
// test host) than hana-backup: the functions replaced are those of hana-backup's own object, which it
// calls. Every replacement is undone by the function it returns.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as vscode from 'vscode';

type Window = typeof vscode.window;
type WindowFunction = {
  [K in keyof Window]: Window[K] extends (...args: never[]) => unknown ? K : never;
}[keyof Window];

/** The `vscode.window` that `extension` sees: 'vscode' required as if from one of its files. */
export function windowOf(extension: vscode.Extension<unknown>): Window {
  const requireThere = createRequire(path.join(extension.extensionPath, 'package.json'));
  return (requireThere('vscode') as typeof vscode).window;
}

/** Replaces `window[key]` with `stand` until the returned function is called. */
export function replaceWindow<K extends WindowFunction>(
  window: Window,
  key: K,
  stand: (...args: never[]) => unknown,
): () => void {
  const writable = window as { -readonly [P in keyof Window]: Window[P] };
  const original = writable[key];
  writable[key] = stand as unknown as Window[K];
  return () => {
    writable[key] = original;
  };
}

export interface ShownMessage {
  kind: 'information' | 'warning' | 'error';
  message: string;
  /** The buttons offered. */
  items: string[];
  modal: boolean;
}

const KINDS = {
  showInformationMessage: 'information',
  showWarningMessage: 'warning',
  showErrorMessage: 'error',
} as const;

/**
 * Records every information, warning and error message shown through `window` while installed.
 * `answer` may answer one (a button's title, as a user's click; a promise to answer later); messages
 * it leaves alone (returns `undefined` for) go on to the workbench as usual.
 */
export function recordMessages(
  window: Window,
  answer?: (shown: ShownMessage) => Thenable<string | undefined> | undefined,
): { shown: ShownMessage[]; restore(): void } {
  const shown: ShownMessage[] = [];
  const restores = (Object.keys(KINDS) as (keyof typeof KINDS)[]).map((key) => {
    const original = window[key] as (...args: unknown[]) => Thenable<unknown>;
    return replaceWindow(window, key, (message: string, ...rest: unknown[]) => {
      const options = rest.find(
        (r): r is vscode.MessageOptions => typeof r === 'object' && r !== null && !('title' in r),
      );
      const entry: ShownMessage = {
        kind: KINDS[key],
        message,
        items: rest.flatMap((r) =>
          typeof r === 'string'
            ? [r]
            : typeof r === 'object' && r !== null && 'title' in r
              ? [String(r.title)]
              : [],
        ),
        modal: options?.modal === true,
      };
      shown.push(entry);
      return answer?.(entry) ?? original.call(window, message, ...rest);
    });
  });
  return { shown, restore: () => restores.forEach((restore) => restore()) };
}
