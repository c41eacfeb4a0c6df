/**
 * A TCP proxy between `@sap/hana-client` and hanasim that breaks the network on command: the
 * driver connects to the proxy's loopback port as it would to HANA's SQL port, and a test cuts
 * every live connection (a reset), cuts one in the middle of a server reply or right after a
 * statement reached the server, or stalls all traffic as a network path that stops delivering
 * packets. The extension's code runs unchanged on the real driver; only the wire misbehaves.
 *
 * The target port is read on every new connection, so after the simulator restarts on new ports
 * the proxy keeps the one address the connection settings name, as HANA keeps its SQL port.
 */
import * as net from 'node:net';
import { MessageType } from '../../hanasim/protocol/constants';
import { FrameReader } from '../../hanasim/protocol/framing';

const LOOPBACK = '127.0.0.1';
/** Requests that run a statement (prepared or direct); PREPARE and FETCH do not. */
const RUNS_STATEMENT: ReadonlySet<number> = new Set([MessageType.EXECUTE, MessageType.EXECUTE_DIRECT]);

interface Link {
  client: net.Socket;
  server: net.Socket;
  /** The driver's requests, read from a copy of what it sends, to know when a statement goes. */
  requests: FrameReader;
}

interface ArmedCut {
  /** Bytes from the server still let through before the connection carrying them is cut. */
  remaining: number;
  done: () => void;
  /** Only this connection's replies count (a statement's); any connection's when unset. */
  link?: Link;
}

export class FaultProxy {
  private readonly links = new Set<Link>();
  private stalled = false;
  private armed: ArmedCut | undefined;
  /** Set by {@link cutStatementReply}: armed on the link that sends the next statement. */
  private statementCut: ArmedCut | undefined;
  /** Connections cut so far (by any of the cut methods). */
  cut = 0;
  /** Bytes forwarded from the server so far: how a test learns the size of a reply to cut it half-way. */
  bytesFromServer = 0;

  private constructor(
    private readonly server: net.Server,
    private readonly targetPort: () => number,
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  /** Listens on a free loopback port and forwards each connection to `targetPort()` on loopback. */
  static async start(targetPort: () => number): Promise<FaultProxy> {
    const server = net.createServer({ noDelay: true });
    const proxy = new FaultProxy(server, targetPort);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, LOOPBACK, () => resolve());
    });
    return proxy;
  }

  /** The port the driver connects to. */
  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  private accept(client: net.Socket): void {
    const server = net.connect({ host: LOOPBACK, port: this.targetPort(), noDelay: true });
    const link: Link = { client, server, requests: new FrameReader() };
    this.links.add(link);
    // An error on either side (the simulator gone, a reset) ends the pair the way a network does.
    const end = () => {
      if (!this.links.delete(link)) return;
      client.destroy();
      server.destroy();
    };
    client.on('error', end).on('close', end);
    server.on('error', end).on('close', end);
    client.on('data', (chunk: Buffer) => {
      this.fromClient(link, chunk);
      if (!server.write(chunk)) client.pause();
    });
    server.on('drain', () => !this.stalled && client.resume());
    server.on('data', (chunk: Buffer) => this.fromServer(link, chunk));
    client.on('drain', () => !this.stalled && server.resume());
    if (this.stalled) this.hold(link);
  }

  private fromClient(link: Link, chunk: Buffer): void {
    link.requests.push(chunk);
    for (let frame = link.requests.next(); frame; frame = link.requests.next()) {
      if (!this.statementCut || frame.kind !== 'request') continue;
      if (!RUNS_STATEMENT.has(frame.request.messageType)) continue;
      // Requests and replies alternate on a connection: the next bytes back are this statement's.
      this.armed = { ...this.statementCut, link };
      this.statementCut = undefined;
    }
  }

  private fromServer(link: Link, chunk: Buffer): void {
    const armed = this.armed && (this.armed.link ?? link) === link ? this.armed : undefined;
    if (armed && chunk.length >= armed.remaining) {
      this.armed = undefined;
      this.bytesFromServer += armed.remaining;
      // The part of the reply that made it before the network broke, then the reset.
      link.client.write(chunk.subarray(0, armed.remaining), () => this.reset(link));
      link.server.pause();
      armed.done();
      return;
    }
    if (armed) armed.remaining -= chunk.length;
    this.bytesFromServer += chunk.length;
    if (!link.client.write(chunk)) link.server.pause();
  }

  private reset(link: Link): void {
    if (!this.links.delete(link)) return;
    this.cut++;
    // RST, not FIN: the peer sees the connection reset, as when a firewall or a host drops it.
    // Not on a socket that is unconnected or already closing its side: libuv refuses the reset
    // then and Node keeps the handle open for good (the process never exits).
    for (const socket of [link.client, link.server])
      if (socket.pending || socket.writableEnded || socket.readableEnded) socket.destroy();
      else socket.resetAndDestroy();
  }

  private hold(link: Link): void {
    link.client.pause();
    link.server.pause();
  }

  /** Resets every live connection now. */
  cutAll(): void {
    for (const link of [...this.links]) this.reset(link);
  }

  /**
   * Lets `bytes` more bytes through from the server (over any connection), then resets the
   * connection that carries the next one: a reply broken off in the middle, e.g. mid-fetch. With
   * 0, the next reply is lost entirely — after the server acted on its statement. Resolves when
   * the cut happened.
   */
  cutAfterServerBytes(bytes: number): Promise<void> {
    return new Promise((resolve) => {
      this.armed = { remaining: bytes, done: resolve };
    });
  }

  /**
   * Resets the connection that runs the next statement (EXECUTE or EXECUTE DIRECT, not PREPARE or
   * FETCH) once `bytes` of its reply came back: with 0 the reply is lost whole, after the server
   * acted on the statement. Resolves when the cut happened.
   */
  cutStatementReply(bytes = 0): Promise<void> {
    return new Promise((resolve) => {
      this.statementCut = { remaining: bytes, done: resolve };
    });
  }

  /** Forgets a cut armed by {@link cutAfterServerBytes} or {@link cutStatementReply} that has not happened. */
  disarm(): void {
    this.armed = undefined;
    this.statementCut = undefined;
  }

  /**
   * Stops forwarding in both directions, on live and new connections alike, without closing
   * anything: to the driver, a network path that silently stops delivering packets. What is held
   * is delivered by {@link resume}, or lost with its connection by {@link cutAll}.
   */
  stall(): void {
    this.stalled = true;
    for (const link of this.links) this.hold(link);
  }

  /** Forwards again what {@link stall} held (nothing was lost unless a connection was cut meanwhile). */
  resume(): void {
    this.stalled = false;
    for (const link of this.links) {
      link.client.resume();
      link.server.resume();
    }
  }

  /** Stops listening and resets whatever is still open. */
  async close(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
