/**
 * What happens when the language server process dies. vscode-languageclient restarts it (at most 4
 * times within 3 minutes, its own default), but left alone it pops up a notification for nearly
 * every step: a connection error, a pending request rejected, an initialization that failed because
 * the server died during it. Here the user is told once per episode of crashes, when the server runs
 * again, and once when it is given up (with a button to start it again); while a crash is being
 * dealt with the library's notifications stay in its output channel. Every crash and restart is
 * written to the extension's output channel.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CrashBudget, MAX_RESTARTS, RESTART_WINDOW_MS } from './crashBudget';

export const SERVER_RESTARTED = 'The HANA Backup language server stopped unexpectedly and was restarted.';
const RESTART = 'Restart';
/** The library's own limit for a connection that keeps failing without closing. */
const MAX_CONNECTION_ERRORS = 3;

/** The client's error handler: decides restarts and speaks to the user. */
class ServerRestarts implements ErrorHandler {
  private readonly budget = new CrashBudget();
  private client: LanguageClient | undefined;
  /** From a crash until the server runs again (or for good once given up): the user hears from us. */
  crashed = false;
  /** The episode under way has not been announced yet. */
  private announce = false;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Watches the client's state: a restart is complete when it runs again. */
  follow(client: LanguageClient): void {
    this.client = client;
    client.onDidChangeState(({ newState }) => {
      if (newState !== State.Running || !this.crashed) return;
      this.crashed = false;
      this.log.info('language server restarted');
      if (!this.announce) return;
      this.announce = false;
      void vscode.window.showWarningMessage(SERVER_RESTARTED);
    });
  }

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.log.warn(`language server connection error: ${error.message}`);
    if ((count ?? 1) <= MAX_CONNECTION_ERRORS) return { action: ErrorAction.Continue, handled: true };
    this.giveUp(`The HANA Backup language server's connection kept failing; the server was stopped.`);
    return { action: ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    this.crashed = true;
    const verdict = this.budget.record(Date.now());
    const minutes = RESTART_WINDOW_MS / 60_000;
    if (!verdict.restart) {
      this.giveUp(
        `The HANA Backup language server stopped unexpectedly ${verdict.recent} times within ${minutes} minutes and is not restarted again.`,
      );
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.log.warn(
      `language server stopped unexpectedly (${verdict.recent} of at most ${MAX_RESTARTS} restarts within ${minutes} minutes); restarting it`,
    );
    // A crash while an earlier restart is still unannounced belongs to that episode.
    this.announce ||= verdict.firstOfEpisode;
    return { action: CloseAction.Restart, handled: true };
  }

  /**
   * An initialization that failed: the server died during it (closed() restarts it) or refused it.
   * Not retried here; logged rather than shown.
   */
  initializationFailed(error: unknown): boolean {
    this.log.error(
      `language server initialization failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }

  /** Says once that the server is down for good, and offers to start it again. */
  private giveUp(reason: string): void {
    this.crashed = true;
    this.announce = false;
    const message = `${reason} Policies, global.ini and Backint files are not checked until it runs again.`;
    this.log.error(message);
    void vscode.window.showErrorMessage(message, RESTART).then(async (choice) => {
      if (choice !== RESTART || !this.client) return;
      this.budget.reset();
      this.log.info('language server started again on request');
      try {
        await this.client.start();
      } catch (error) {
        this.log.error(
          `language server did not start: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    });
  }
}

/** A LanguageClient that restarts a crashed server as described above. */
export class RestartingLanguageClient extends LanguageClient {
  private readonly restarts: ServerRestarts;

  constructor(
    id: string,
    name: string,
    serverOptions: ServerOptions,
    clientOptions: LanguageClientOptions,
    log: vscode.LogOutputChannel,
  ) {
    const restarts = new ServerRestarts(log);
    super(id, name, serverOptions, {
      ...clientOptions,
      errorHandler: restarts,
      initializationFailedHandler: (error) => restarts.initializationFailed(error),
    });
    this.restarts = restarts;
    restarts.follow(this);
  }

  /** The library's error notifications, silenced while a crash is being dealt with (the output keeps them). */
  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, this.restarts.crashed ? false : showNotification);
  }
}
