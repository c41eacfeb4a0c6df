/**
 * One client socket: frames in, one reply per request out, strictly in order. Reading pauses while a
 * request is processed asynchronously or the socket's write buffer is full (backpressure), and the
 * session is torn down whenever the socket closes, DISCONNECT or not (§17.11).
 */
import type { Socket } from 'node:net';
import { HanaError } from '../shared/types';
import type { Backend, ProtocolSessionInfo } from './backend';
import { decodeCesu8 } from './cesu8';
import { FunctionCode, MessageType, PartKind, SegmentKind } from './constants';
import { FrameReader, type Frame, type Request } from './framing';
import {
  INIT_REPLY,
  authenticateReply,
  connectReply,
  dbConnectInfoReply,
  normalizeUser,
  parseAuthenticate,
  requestedDatabase,
  startAuth,
  verifyConnect,
  type DbRoute,
  type PendingAuth,
} from './handshake';
import { ReplyBuilder, errorReply } from './reply';
import { Session, type Registry } from './registry';
import type { StatementHandler } from './statements';

export interface ConnectionContext {
  backend: Backend;
  registry: Registry;
  statements: StatementHandler;
  systemId: string;
  /** Host name given to clients in redirects and topology. */
  host: string;
  /** The database this port belongs to. */
  homeDatabase: string;
  port: number;
  /** Where a database is served, for DB_CONNECT_INFO redirects; undefined when unknown. */
  portOf(database: string): number | undefined;
  onClose(conn: Connection): void;
}

/** Reading pauses when this much input is buffered behind the request being processed. */
const MAX_BUFFERED_INPUT = 8 * 1024 * 1024;

type MaybePromise<T> = T | Promise<T>;

export class Connection {
  private readonly reader = new FrameReader();
  private busy = false;
  private closed = false;
  private database: string;
  private pending: PendingAuth | undefined;
  private session: Session | undefined;

  constructor(
    readonly socket: Socket,
    private readonly ctx: ConnectionContext,
  ) {
    this.database = ctx.homeDatabase;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.reader.push(chunk);
      // While a request is being processed, stop reading once enough input waits behind it.
      if (this.busy && this.reader.buffered > MAX_BUFFERED_INPUT) socket.pause();
      void this.pump();
    });
    socket.on('error', () => this.teardown());
    socket.on('close', () => this.teardown());
  }

  /** Ends the connection now (server shutdown). */
  destroy(): void {
    this.socket.destroy();
    this.teardown();
  }

  private async pump(): Promise<void> {
    if (this.busy || this.closed) return;
    this.busy = true;
    try {
      for (;;) {
        let frame: Frame | undefined;
        try {
          frame = this.reader.next();
        } catch {
          this.destroy();
          return;
        }
        if (!frame) break;
        let out = this.handle(frame);
        if (out instanceof Promise) {
          this.socket.pause();
          out = await out;
          if (this.closed) return;
          this.socket.resume();
        }
        if (this.closed) return;
        if (out === 'close') {
          this.socket.end();
          return;
        }
        if (!this.socket.write(out.reply)) {
          this.socket.pause();
          await new Promise<void>((resolve) => {
            const done = (): void => {
              this.socket.off('drain', done);
              this.socket.off('close', done);
              resolve();
            };
            this.socket.on('drain', done);
            this.socket.on('close', done);
          });
          if (this.closed) return;
          this.socket.resume();
        }
        if (out.thenClose) {
          this.socket.end();
          return;
        }
      }
      if (this.socket.isPaused()) this.socket.resume();
    } finally {
      this.busy = false;
    }
  }

  private handle(frame: Frame): MaybePromise<{ reply: Buffer; thenClose?: boolean } | 'close'> {
    if (frame.kind === 'init') return { reply: INIT_REPLY };
    const req = frame.request;
    const fail = (e: unknown): { reply: Buffer; thenClose?: boolean } => {
      const err =
        e instanceof HanaError ? e : new HanaError(-10905, `internal error: ${(e as Error)?.message ?? e}`);
      // A failed login ends the connection after the error, as HANA does.
      return {
        reply: errorReply(this.session?.id ?? 0n, req.packetCount, err),
        thenClose: !this.session && err.code === 10,
      };
    };
    try {
      const out = this.dispatch(req);
      if (out instanceof Promise) return out.then((reply) => ({ reply }), fail);
      return { reply: out };
    } catch (e) {
      return fail(e);
    }
  }

  private dispatch(req: Request): MaybePromise<Buffer> {
    if (this.session) {
      if (req.messageType === MessageType.DISCONNECT) {
        const reply = new ReplyBuilder(
          this.session.id,
          req.packetCount,
          SegmentKind.REPLY,
          FunctionCode.DISCONNECT,
        );
        return reply.finish();
      }
      if (req.parts.some((p) => p.kind === PartKind.CLIENT_INFO)) {
        Object.assign(this.session.info.clientInfo, parseClientInfo(req));
      }
      return this.ctx.statements.handle(this.session, req);
    }
    switch (req.messageType) {
      case MessageType.DB_CONNECT_INFO:
        return dbConnectInfoReply(req, this.route(requestedDatabase(req)));
      case MessageType.AUTHENTICATE: {
        const { user, offers } = parseAuthenticate(req);
        const creds = this.ctx.backend.credentials(this.database, normalizeUser(user));
        const go = (c: Awaited<typeof creds>): Buffer => {
          this.pending = startAuth(user, offers, c);
          return authenticateReply(req, this.pending);
        };
        return creds instanceof Promise ? creds.then(go) : go(creds);
      }
      case MessageType.CONNECT:
        return this.connect(req);
      default:
        throw new HanaError(-10709, `message type ${req.messageType} before CONNECT`);
    }
  }

  private route(name: string): DbRoute {
    if (name === this.ctx.homeDatabase) {
      this.database = name;
      return { kind: 'here' };
    }
    const port = this.ctx.portOf(name);
    if (port === undefined) throw new HanaError(-10709, `database '${name}' not found`);
    return { kind: 'redirect', host: this.ctx.host, port };
  }

  private connect(req: Request): MaybePromise<Buffer> {
    const pending = this.pending;
    if (!pending) throw new HanaError(-10709, 'CONNECT without AUTHENTICATE');
    this.pending = undefined;
    const outcome = verifyConnect(req, pending);
    const id = this.ctx.registry.newSessionId();
    const info: ProtocolSessionInfo = {
      sessionId: Number(id),
      user: normalizeUser(pending.user),
      database: this.database,
      autoCommit: true,
      clientInfo: {},
    };
    const finish = (): Buffer => {
      const session = new Session(id, info, outcome.dataFormatVersion);
      this.ctx.registry.add(session);
      this.session = session;
      return connectReply(req, {
        sessionId: id,
        method: pending.method,
        proof: outcome.proof,
        dataFormatVersion: outcome.dataFormatVersion,
        systemId: this.ctx.systemId,
        database: this.database,
        host: this.ctx.host,
        port: this.ctx.port,
      });
    };
    const opened = this.ctx.backend.openSession?.(info);
    return opened instanceof Promise ? opened.then(finish) : finish();
  }

  private teardown(): void {
    if (this.closed) return;
    this.closed = true;
    const session = this.session;
    this.session = undefined;
    if (session) {
      this.ctx.registry.remove(session);
      try {
        if (session.inTransaction)
          void Promise.resolve(this.ctx.backend.rollback?.(session.info)).catch(() => {});
        this.ctx.backend.closeSession(session.info);
      } catch {
        // the session is gone either way
      }
    }
    this.ctx.onClose(this);
  }
}

function parseClientInfo(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  const part = req.parts.find((p) => p.kind === PartKind.CLIENT_INFO);
  if (!part) return out;
  let p = 0;
  const d = part.data;
  while (p < d.length) {
    const kl = d[p++];
    const k = decodeCesu8(d, p, p + kl);
    p += kl;
    const vl = d[p++];
    out[k] = decodeCesu8(d, p, p + vl);
    p += vl;
  }
  return out;
}
