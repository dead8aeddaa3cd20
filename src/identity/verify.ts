/**
 * Bearer tokens, verified with jose before any resolver (and any Neo4j work) runs: against the
 * provider's JWKS URL (fetched with a timeout, cached, refetched at most once per cooldown, so a
 * provider that is down or slow costs requests nothing while its keys are cached), a key file, or in
 * development the local key (dev-key.ts). Only asymmetric algorithms of the allow-list are accepted:
 * `alg: none` and an HS256 token made with a public key as its secret are refused by jose itself.
 */
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, importSPKI, jwtVerify, type JWK, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';
import { devKeySet, DEV_AUDIENCE, DEV_ISSUER } from './dev-key.js';
import { isRole, ROLES, type Identity, type Role } from './roles.js';

export interface AuthConfig {
  /** The provider's JSON Web Key Set (e.g. https://idp.example/.well-known/jwks.json). */
  jwksUrl?: string;
  /** A public key instead: a JWK, a JWK set, or an SPKI PEM file. */
  publicKeyFile?: string;
  issuer?: string;
  audience?: string;
  /** Where the roles are in the token's claims: a name, or a dotted path ("realm_access.roles"). */
  rolesClaim: string;
  algorithms: string[];
  /** How long a JWKS fetch may take. */
  jwksTimeoutMs: number;
  /** Whether requests without a token may read. Never write. */
  anonymousReads: boolean;
  /** Outside production, with no provider set, the local development key (dev-key.ts) is trusted. */
  development: boolean;
}

/** Tokens longer than this are refused unread. */
export const MAX_TOKEN_LENGTH = 8 * 1024;

/** A coded UNAUTHENTICATED answer (HTTP 401), naming what was wrong and never echoing the token. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } } });
}

/** Why jose refused a token, in words a client can act on. */
function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's "${error.claim}" claim is not accepted (${error.reason})`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm this server does not accept';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token names a key ("kid") the provider does not have';
  if (error instanceof errors.JWKSTimeout) return 'the identity provider did not answer in time; try again';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token\'s signature does not verify';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'the token is malformed';
  return 'the token could not be verified';
}

function claimAt(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), payload);
}

export class TokenVerifier {
  private constructor(
    private readonly key: JWTVerifyGetKey | CryptoKey,
    private readonly config: AuthConfig,
    private readonly expected: { issuer?: string; audience?: string },
  ) {}

  /** The verifier for a configuration: the provider's JWKS, a key file, or the development key. */
  static async create(config: AuthConfig): Promise<TokenVerifier> {
    if (config.jwksUrl) {
      const jwks = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: config.jwksTimeoutMs, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
      return new TokenVerifier(jwks, config, config);
    }
    if (config.publicKeyFile) {
      const text = readFileSync(config.publicKeyFile, 'utf8');
      if (text.includes('BEGIN PUBLIC KEY')) return new TokenVerifier(await importSPKI(text, config.algorithms[0]), config, config);
      const json = JSON.parse(text) as JWK | { keys: JWK[] };
      return new TokenVerifier(createLocalJWKSet('keys' in json ? json : { keys: [json] }), config, config);
    }
    if (config.development) return new TokenVerifier(createLocalJWKSet(await devKeySet()), config, { issuer: config.issuer ?? DEV_ISSUER, audience: config.audience ?? DEV_AUDIENCE });
    // Production without a provider: no key is trusted, every token is refused (reads stay anonymous).
    return new TokenVerifier(createLocalJWKSet({ keys: [] }), config, config);
  }

  /**
   * The caller of a request: null without a token (anonymous), an Identity for a valid one;
   * UNAUTHENTICATED for anything else, before any resolver runs.
   */
  async identify(authorization: string | string[] | undefined): Promise<Identity | null> {
    const header = Array.isArray(authorization) ? authorization[0] : authorization;
    if (!header) return null;
    if (header.length > MAX_TOKEN_LENGTH) throw unauthenticated(`the Authorization header is over ${MAX_TOKEN_LENGTH} characters`);
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(header);
    if (!match) throw unauthenticated('send "Authorization: Bearer <JWT>"');
    let payload: JWTPayload;
    try {
      const options = { algorithms: this.config.algorithms, issuer: this.expected.issuer, audience: this.expected.audience, requiredClaims: ['sub', 'exp'], clockTolerance: 5 };
      ({ payload } = typeof this.key === 'function' ? await jwtVerify(match[1], this.key, options) : await jwtVerify(match[1], this.key, options));
    } catch (error) {
      throw unauthenticated(reason(error));
    }
    const claimed = claimAt(payload, this.config.rolesClaim);
    const roles = (Array.isArray(claimed) ? claimed : typeof claimed === 'string' ? claimed.split(/[\s,]+/) : []).filter(isRole);
    return { subject: payload.sub!, roles: [...new Set(roles)] };
  }
}

/**
 * Express middleware for the doors besides /graphql (the exports): with anonymous reads off, a valid
 * token is required, answered 401 as GraphQL answers it otherwise.
 */
export function requireCaller(verifier: TokenVerifier, config: Pick<AuthConfig, 'anonymousReads'>, role?: Role) {
  return async (
    req: { headers: { authorization?: string | string[] } },
    res: { statusCode: number; setHeader(name: string, value: string): void; end(body: string): void },
    next: () => void,
  ): Promise<void> => {
    const refuse = (status: number, code: string, message: string) => {
      res.statusCode = status;
      if (status === 401) res.setHeader('www-authenticate', 'Bearer');
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
    };
    let identity: Identity | null;
    try {
      identity = await verifier.identify(req.headers.authorization);
    } catch (error) {
      return refuse(401, ErrorCode.UNAUTHENTICATED, (error as GraphQLError).message);
    }
    if (!identity && (role || !config.anonymousReads)) return refuse(401, ErrorCode.UNAUTHENTICATED, `this door needs a signed-in caller${role ? ` with the role ${role}` : ''}: send "Authorization: Bearer <JWT>"`);
    // Roles are ranked for the doors: reader < curator < editor < admin; a higher one opens a lower door.
    const rank = (r: Role) => ROLES.indexOf(r);
    if (role && identity && !identity.roles.some((r) => rank(r) >= rank(role))) return refuse(403, ErrorCode.FORBIDDEN, `this door needs the role ${role} or above; "${identity.subject}" has ${identity.roles.join(', ') || 'none'}`);
    next();
  };
}
