/** Before a session exists: init reply, DB_CONNECT_INFO routing, AUTHENTICATE and CONNECT (§2, §6–§8). */
import { randomBytes } from 'node:crypto';
import { HanaError } from '../shared/types';
import type { MethodVerifier, ScramMethod } from './auth';
import { serverProof, unmatchableVerifier, verifyClientProof } from './auth';
import type { UserCredentials } from './backend';
import { decodeCesu8 } from './cesu8';
import { ConnectOption, DbConnectInfoOption, OptionType, PartKind, SegmentKind } from './constants';
import { MAX_DATA_FORMAT_VERSION } from './constants';
import type { Request } from './framing';
import { decodeFields, decodeOptions, encodeFields, encodeOptions, opt, type OptionValue } from './options';
import { ReplyBuilder } from './reply';

/** §2: product 4.20, protocol 4.1 — the client does not check it, but it must be 8 bytes. */
export const INIT_REPLY = Buffer.from([0x04, 0x14, 0x00, 0x04, 0x01, 0x00, 0x00, 0x00]);

export const AUTH_FAILED = (): HanaError => new HanaError(10, 'authentication failed', '28000');
export const USER_LOCKED = (): HanaError =>
  new HanaError(414, 'user is locked; try again later: lock time is 1440 minutes', 'HY000');

export function findPart(req: Request, kind: number): Buffer | undefined {
  return req.parts.find((p) => p.kind === kind)?.data;
}

export type DbRoute = { kind: 'here' } | { kind: 'redirect'; host: string; port: number };

/** The database a DB_CONNECT_INFO request asks for (upper-cased). */
export function requestedDatabase(req: Request): string {
  const part = req.parts.find((p) => p.kind === PartKind.DB_CONNECT_INFO);
  if (!part) throw new HanaError(-10709, 'DB_CONNECT_INFO without database name');
  const name = decodeOptions(part.data, part.argCount).get(DbConnectInfoOption.DATABASE_NAME);
  if (!name || name.type !== OptionType.STRING || name.value === '') {
    throw new HanaError(-10709, 'DB_CONNECT_INFO without database name');
  }
  return name.value.toUpperCase();
}

export function dbConnectInfoReply(req: Request, route: DbRoute): Buffer {
  const r = new ReplyBuilder(0n, req.packetCount, SegmentKind.REPLY, 0, 128);
  const options: [number, OptionValue][] =
    route.kind === 'here'
      ? [[DbConnectInfoOption.ON_CORRECT_DATABASE, opt.bool(true)]]
      : [
          [DbConnectInfoOption.HOST, opt.str(route.host)],
          [DbConnectInfoOption.PORT, opt.int(route.port)],
          [DbConnectInfoOption.ON_CORRECT_DATABASE, opt.bool(false)],
        ];
  r.beginPart(PartKind.DB_CONNECT_INFO);
  encodeOptions(r.w, options);
  r.endPart(options.length);
  return r.finish();
}

/** The state between the AUTHENTICATE reply and CONNECT. */
export interface PendingAuth {
  user: string;
  method: ScramMethod;
  verifier: MethodVerifier;
  locked: boolean;
  clientChallenge: Buffer;
  serverChallenge: Buffer;
}

/** HANA user names are upper case unless quoted. */
export function normalizeUser(raw: string): string {
  return raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw.toUpperCase();
}

/** Parses AUTHENTICATE: [user, method, challenge, method, challenge, …]. */
export function parseAuthenticate(req: Request): { user: string; offers: Map<string, Buffer> } {
  const data = findPart(req, PartKind.AUTHENTICATION);
  if (!data) throw new HanaError(-10709, 'AUTHENTICATE without AUTHENTICATION part');
  const fields = decodeFields(data);
  if (fields.length < 3) throw new HanaError(-10709, 'AUTHENTICATE with too few fields');
  const offers = new Map<string, Buffer>();
  for (let i = 1; i + 1 < fields.length; i += 2) offers.set(fields[i].toString('latin1'), fields[i + 1]);
  return { user: decodeCesu8(fields[0]), offers };
}

export function startAuth(
  user: string,
  offers: Map<string, Buffer>,
  creds: UserCredentials | undefined,
): PendingAuth {
  const method: ScramMethod | undefined = offers.has('SCRAMPBKDF2SHA256')
    ? 'SCRAMPBKDF2SHA256'
    : offers.has('SCRAMSHA256')
      ? 'SCRAMSHA256'
      : undefined;
  if (!method) throw AUTH_FAILED();
  const clientChallenge = offers.get(method) ?? Buffer.alloc(0);
  return {
    user,
    method,
    verifier: (creds?.verifier ?? unmatchableVerifier())[method],
    locked: creds?.locked === true,
    clientChallenge,
    serverChallenge: randomBytes(48),
  };
}

export function authenticateReply(req: Request, a: PendingAuth): Buffer {
  const challengeFields: Buffer[] = [a.verifier.salt, a.serverChallenge];
  if (a.method === 'SCRAMPBKDF2SHA256') {
    const it = Buffer.alloc(4);
    it.writeUInt32BE(a.verifier.iterations);
    challengeFields.push(it);
  }
  const r = new ReplyBuilder(0n, req.packetCount, SegmentKind.REPLY, 0, 256);
  r.part(
    PartKind.AUTHENTICATION,
    1,
    encodeFields([Buffer.from(a.method, 'latin1'), encodeFields(challengeFields)]),
  );
  return r.finish();
}

export interface ConnectOutcome {
  dataFormatVersion: number;
  proof: Buffer;
}

/** Checks CONNECT's client proof; throws 10 (wrong password / user) or 414 (locked). */
export function verifyConnect(req: Request, a: PendingAuth): ConnectOutcome {
  const data = findPart(req, PartKind.AUTHENTICATION);
  if (!data) throw AUTH_FAILED();
  const fields = decodeFields(data);
  if (fields.length < 3) throw AUTH_FAILED();
  if (normalizeUser(decodeCesu8(fields[0])) !== normalizeUser(a.user)) throw AUTH_FAILED();
  if (fields[1].toString('latin1') !== a.method) throw AUTH_FAILED();
  // proofField = count(2, LE from hana-client, BE from node-hdb: ignore it) | len(1) | proof
  const pf = fields[2];
  const len = pf.length >= 3 ? pf[2] : 0;
  const proof = pf.subarray(3, 3 + len);
  if (!verifyClientProof(a.verifier, a.serverChallenge, a.clientChallenge, proof)) throw AUTH_FAILED();
  if (a.locked) throw USER_LOCKED();
  const options = req.parts.find((p) => p.kind === PartKind.CONNECT_OPTIONS);
  let requested = 1;
  if (options) {
    const o = decodeOptions(options.data, options.argCount);
    const v2 = o.get(ConnectOption.DATA_FORMAT_VERSION2);
    const v1 = o.get(ConnectOption.DATA_FORMAT_VERSION);
    if (v2?.type === OptionType.INT) requested = v2.value;
    else if (v1?.type === OptionType.INT) requested = v1.value;
  }
  return {
    dataFormatVersion: Math.max(1, Math.min(requested, MAX_DATA_FORMAT_VERSION)),
    proof: serverProof(a.verifier, a.serverChallenge, a.clientChallenge),
  };
}

export interface ConnectReplyInfo {
  sessionId: bigint;
  method: ScramMethod;
  proof: Buffer;
  dataFormatVersion: number;
  systemId: string;
  database: string;
  host: string;
  port: number;
}

export function connectReply(req: Request, c: ConnectReplyInfo): Buffer {
  const r = new ReplyBuilder(c.sessionId, req.packetCount, SegmentKind.REPLY, 0, 512);
  const proofField = Buffer.alloc(3 + c.proof.length);
  proofField.writeUInt16LE(1, 0);
  proofField[2] = c.proof.length;
  c.proof.copy(proofField, 3);
  r.part(PartKind.AUTHENTICATION, 1, encodeFields([Buffer.from(c.method, 'latin1'), proofField]));
  const options: [number, OptionValue][] = [
    [ConnectOption.CONNECTION_ID, opt.int(Number(c.sessionId % 2147483647n))],
    [ConnectOption.COMPLETE_ARRAY_EXECUTION, opt.bool(true)],
    [ConnectOption.SUPPORTS_LARGE_BULK_OPERATIONS, opt.bool(true)],
    [ConnectOption.SYSTEM_ID, opt.str(c.systemId)],
    [ConnectOption.DATA_FORMAT_VERSION, opt.int(c.dataFormatVersion)],
    [ConnectOption.SELECT_FOR_UPDATE_SUPPORTED, opt.bool(true)],
    [ConnectOption.CLIENT_DISTRIBUTION_MODE, opt.int(0)],
    [ConnectOption.ENGINE_DATA_FORMAT_VERSION, opt.int(c.dataFormatVersion)],
    [ConnectOption.DISTRIBUTION_PROTOCOL_VERSION, opt.int(1)],
    [ConnectOption.USE_TRANSACTION_FLAGS_ONLY, opt.bool(true)],
    [ConnectOption.IGNORE_UNKNOWN_PARTS, opt.bool(true)],
    [ConnectOption.DATA_FORMAT_VERSION2, opt.int(c.dataFormatVersion)],
    [ConnectOption.FULL_VERSION_STRING, opt.str('2.00.072.00.1690304772')],
    [ConnectOption.DATABASE_NAME, opt.str(c.database)],
  ];
  r.beginPart(PartKind.CONNECT_OPTIONS);
  encodeOptions(r.w, options);
  r.endPart(options.length);
  // One topology line: the client then opens no other connections (§7).
  const line: [number, OptionValue][] = [
    [1, opt.str(c.host)],
    [2, opt.int(c.port)],
    [3, opt.str(c.database)],
    [4, opt.double(0)],
    [5, opt.int(1)],
    [6, opt.bool(true)],
    [7, opt.bool(true)],
    [8, opt.int(3)],
    [10, opt.bool(false)],
    [13, opt.int(0)],
  ];
  r.beginPart(PartKind.TOPOLOGY_INFORMATION);
  r.w.i16(line.length);
  encodeOptions(r.w, line);
  r.endPart(1);
  return r.finish();
}
