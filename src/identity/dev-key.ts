/**
 * The development identity provider: a signing key the local setup generates at first use
 * (.auth/dev-key.json, mode 600, git-ignored: never committed, never logged), whose public half the
 * server trusts when no provider is configured outside production. `npm run token` mints short-lived
 * tokens with it; the tests do the same.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { PROJECT_ROOT } from '../paths.js';
import type { Role } from './roles.js';

export const DEV_KEY_FILE = join(PROJECT_ROOT, '.auth', 'dev-key.json');
export const DEV_ISSUER = 'cell-therapy-kg-dev';
export const DEV_AUDIENCE = 'cell-therapy-kg';
const ALGORITHM = 'ES256';

interface DevKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

let cached: DevKey | undefined;

/** The development key pair, generated once (written atomically, so two processes starting at once agree). */
export async function devKey(file = DEV_KEY_FILE): Promise<DevKey> {
  if (cached) return cached;
  if (!existsSync(file)) {
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    const kid = randomUUID();
    const key: DevKey = { kid, privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM }, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' } };
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(key), { mode: 0o600, flag: 'wx' });
    // The first writer wins; a process that finds the file there by now drops its own and reads that one.
    if (existsSync(file)) unlinkSync(temporary);
    else renameSync(temporary, file);
  }
  cached = JSON.parse(readFileSync(file, 'utf8')) as DevKey;
  return cached;
}

/** The public key set the server trusts in development. */
export async function devKeySet(): Promise<{ keys: JWK[] }> {
  return { keys: [(await devKey()).publicJwk] };
}

/**
 * The development key as a configured provider (its public half written to .auth/dev-public.json):
 * the environment a production-mode process on this machine (the tests, benchmarks, soak) starts with,
 * since production refuses to start without a provider.
 */
export async function devProviderEnv(): Promise<{ AUTH_PUBLIC_KEY_FILE: string; AUTH_ISSUER: string; AUTH_AUDIENCE: string }> {
  const file = join(DEV_KEY_FILE, '..', 'dev-public.json');
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(await devKeySet()), { mode: 0o644 });
  renameSync(temporary, file);
  return { AUTH_PUBLIC_KEY_FILE: file, AUTH_ISSUER: DEV_ISSUER, AUTH_AUDIENCE: DEV_AUDIENCE };
}

/** A development token for `subject` with `roles`, valid for `seconds` (default an hour). */
export async function mintDevToken(subject: string, roles: Role[], seconds = 3600): Promise<string> {
  const key = await devKey();
  return new SignJWT({ roles })
    .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${seconds}s`)
    .sign(await importJWK(key.privateJwk, ALGORITHM));
}
