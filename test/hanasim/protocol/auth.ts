/**
 * SCRAMSHA256 and SCRAMPBKDF2SHA256 (§6). The server stores, per method, a salted verifier
 * (salt, storedKey, serverKey), never the password, and checks the client proof against it.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

export type ScramMethod = 'SCRAMSHA256' | 'SCRAMPBKDF2SHA256';

export interface MethodVerifier {
  salt: Buffer;
  /** PBKDF2 only. */
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

/** What a backend stores for a user: a verifier per SCRAM method. */
export interface ScramVerifier {
  SCRAMSHA256: MethodVerifier;
  SCRAMPBKDF2SHA256: MethodVerifier;
}

const hmac = (key: Buffer, msg: Buffer): Buffer => createHmac('sha256', key).update(msg).digest();
const sha256 = (b: Buffer): Buffer => createHash('sha256').update(b).digest();

function salted(method: ScramMethod, password: string, salt: Buffer, iterations: number): Buffer {
  const pw = Buffer.from(password, 'utf8');
  return method === 'SCRAMSHA256' ? hmac(pw, salt) : pbkdf2Sync(pw, salt, iterations, 32, 'sha256');
}

function methodVerifier(method: ScramMethod, password: string, iterations: number): MethodVerifier {
  const salt = randomBytes(16);
  const s = salted(method, password, salt, iterations);
  return { salt, iterations, storedKey: sha256(sha256(s)), serverKey: hmac(s, salt) };
}

/** Builds the verifiers for a password (HANA's default is 15000 PBKDF2 iterations). */
export function createScramVerifier(password: string, iterations = 15000): ScramVerifier {
  return {
    SCRAMSHA256: methodVerifier('SCRAMSHA256', password, 1),
    SCRAMPBKDF2SHA256: methodVerifier('SCRAMPBKDF2SHA256', password, iterations),
  };
}

/** A verifier no proof matches: used for unknown users so that they look like a wrong password. */
export function unmatchableVerifier(): ScramVerifier {
  const mk = (iterations: number): MethodVerifier => ({
    salt: randomBytes(16),
    iterations,
    storedKey: randomBytes(32),
    serverKey: randomBytes(32),
  });
  return { SCRAMSHA256: mk(1), SCRAMPBKDF2SHA256: mk(15000) };
}

/** Server check: S(clientProof XOR clientSig) == storedKey, with clientSig = H(storedKey, salt‖sc‖cc). */
export function verifyClientProof(
  v: MethodVerifier,
  serverChallenge: Buffer,
  clientChallenge: Buffer,
  clientProof: Buffer,
): boolean {
  if (clientProof.length !== 32) return false;
  const clientSig = hmac(v.storedKey, Buffer.concat([v.salt, serverChallenge, clientChallenge]));
  const clientKey = Buffer.alloc(32);
  for (let i = 0; i < 32; i++) clientKey[i] = clientProof[i] ^ clientSig[i];
  return timingSafeEqual(sha256(clientKey), v.storedKey);
}

/** serverProof = H(serverKey, cc‖salt‖sc) — a different order from the client's. */
export function serverProof(v: MethodVerifier, serverChallenge: Buffer, clientChallenge: Buffer): Buffer {
  return hmac(v.serverKey, Buffer.concat([clientChallenge, v.salt, serverChallenge]));
}

/** The client side, for tests: the proof a client with this password computes. */
export function clientProofFor(
  method: ScramMethod,
  password: string,
  salt: Buffer,
  iterations: number,
  serverChallenge: Buffer,
  clientChallenge: Buffer,
): Buffer {
  const s = salted(method, password, salt, iterations);
  const clientKey = sha256(s);
  const clientSig = hmac(sha256(clientKey), Buffer.concat([salt, serverChallenge, clientChallenge]));
  const proof = Buffer.alloc(32);
  for (let i = 0; i < 32; i++) proof[i] = clientSig[i] ^ clientKey[i];
  return proof;
}
