/**
 * The data version over HTTP. Every GraphQL answer says the version it read in
 * `extensions.dataVersion` (and a write's answer the version it made, with Neo4j bookmarks for a
 * cluster). `GET /graphql` answers with an ETag of the version and honours `If-None-Match` (304
 * without any work); named example operations can be fetched by name alone. Repeated reads are
 * answered from a response cache keyed by operation, variables, caller and version, so a commit
 * makes every earlier entry unreachable (and the LRU drops them).
 *
 * Read-your-writes across API processes: a client sends back the version its write returned
 * (`x-data-version: <seq>`), and this process reads only once it has seen that version (waiting at
 * most AS_OF_WAIT_MS); in a cluster it sends the bookmarks too (`x-neo4j-bookmarks`).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type express from 'express';
import { Kind, type OperationDefinitionNode, type ValueNode } from 'graphql';
import type { Context } from '../context.js';
import type { DataVersion } from '../graph/changes/feed.js';
import type { ChangeFollower } from './follower.js';

/** Root fields whose answers move without a change set (draft review), never served from the cache. */
const UNCACHED_ROOT_FIELDS = new Set(['drafts', 'draft']);

/** How long a cached answer may be kept at all (a version's entries are unreachable after a commit anyway). */
const CACHE_TTL_SECONDS = 300;

function badHeader(res: express.Response, message: string): void {
  res.status(400).json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
}

/**
 * Before GraphQL: the version this request reads (after waiting for one the client asks for), and
 * for GET, the ETag and 304. Named example operations (`GET /graphql?operationName=SponsorsOfBCMAProducts`)
 * are filled in from examples.graphql: read-only documents of the server's own, so they need no CSRF
 * preflight header.
 */
export function versionDoor(follower: ChangeFollower, waitMs: number, examples: { text: string; names: Set<string> }) {
  return async (req: express.Request, res: express.Response, next: express.NextFunction): Promise<void> => {
    const asked = req.headers['x-data-version'];
    if (asked !== undefined) {
      const seq = Number(asked);
      if (!/^\d{1,12}$/.test(String(asked)) || !Number.isSafeInteger(seq)) return badHeader(res, `"x-data-version" is a seq (a whole number); got ${JSON.stringify(asked)}`);
      await follower.atLeast(seq, waitMs);
    }
    const bookmarks = req.headers['x-neo4j-bookmarks'];
    if (bookmarks !== undefined) {
      const list = String(bookmarks).split(',').map((b) => b.trim()).filter(Boolean);
      if (list.length > 16 || list.some((b) => b.length > 256)) return badHeader(res, '"x-neo4j-bookmarks" holds at most 16 bookmarks, comma-separated, as a write returned them');
      res.locals.bookmarks = list;
    }
    const version = follower.version;
    res.locals.version = version;
    res.locals.versionConfirmed = follower.confirmed;
    const url = new URL(req.originalUrl, 'http://x');
    // A GET with an operation (not the landing page a browser gets at /graphql).
    if (req.method === 'GET' && (url.searchParams.has('query') || url.searchParams.has('extensions') || url.searchParams.has('operationName'))) {
      const name = url.searchParams.get('operationName');
      if (!url.searchParams.has('query') && !url.searchParams.has('extensions') && name && examples.names.has(name)) {
        url.searchParams.set('query', examples.text);
        req.url = req.originalUrl = `${url.pathname}${url.search}`;
        req.headers['apollo-require-preflight'] = 'true';
      }
      const etag = `W/"kg-${version.seq}"`;
      res.setHeader('etag', etag);
      // A client (or a shared cache, for anonymous answers) may keep the answer, asking again with the ETag.
      res.setHeader('cache-control', 'no-cache');
      res.setHeader('vary', 'authorization, x-data-version');
      const match = req.headers['if-none-match'];
      if (match && match.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
        res.status(304).end();
        return;
      }
    }
    next();
  };
}

/**
 * The answer's version in `extensions`, and whether the response cache may keep it: queries only,
 * not the draft review (it changes without a change set); private to the caller when signed in.
 */
export function versionPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, overallCachePolicy, contextValue }) {
          if (operation?.operation !== 'query') return;
          const fields = operation.selectionSet.selections.map((s) => (s.kind === 'Field' ? s.name.value : ''));
          if (fields.some((f) => UNCACHED_ROOT_FIELDS.has(f))) return;
          overallCachePolicy.replace({ maxAge: CACHE_TTL_SECONDS, scope: contextValue.identity ? 'PRIVATE' : 'PUBLIC' });
        },
        async willSendResponse({ contextValue, response, operation, request }) {
          if (response.body.kind !== 'single') return;
          // An answer every root field of which is pinned to a version never changes: a GET of it may
          // be kept for a year (privately when signed in).
          if (request.http?.method === 'GET' && operation?.operation === 'query' && !response.body.singleResult.errors && pinnedToVersion(operation, request.variables ?? {})) {
            response.http.headers.set('cache-control', `${contextValue.identity ? 'private' : 'public'}, max-age=31536000, immutable`);
          }
          const { version, executor } = contextValue;
          const written = contextValue.written;
          const dataVersion: DataVersion | undefined = written ?? version;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            ...(dataVersion ? { dataVersion } : {}),
            ...(written && executor.lastBookmarks.length ? { bookmarks: executor.lastBookmarks } : {}),
          };
        },
      };
    },
  };
}

/** True when every root field (bar __typename) is given `asOf` or `asOfTime` (a value, or a variable that holds one). */
function pinnedToVersion(operation: OperationDefinitionNode, variables: Record<string, unknown>): boolean {
  const given = (value: ValueNode) => (value.kind === Kind.VARIABLE ? variables[value.name.value] !== undefined && variables[value.name.value] !== null : value.kind !== Kind.NULL);
  const roots = operation.selectionSet.selections.filter((s) => !(s.kind === Kind.FIELD && s.name.value === '__typename'));
  return roots.length > 0 && roots.every((s) => s.kind === Kind.FIELD && (s.arguments ?? []).some((a) => (a.name.value === 'asOf' || a.name.value === 'asOfTime') && given(a.value)));
}

/** The response cache: `mb` megabytes of answers, keyed by the version read (0 turns it off). */
export function responseCache(mb: number): ApolloServerPlugin<Context>[] {
  if (mb <= 0) return [];
  return [
    ApolloServerPluginResponseCache<Context>({
      cache: new InMemoryLRUCache({ maxSize: mb * 1024 * 1024, ttl: CACHE_TTL_SECONDS }),
      sessionId: async ({ contextValue }) => (contextValue.identity ? `${contextValue.identity.subject}|${contextValue.identity.roles.join(',')}` : null),
      extraCacheKeyData: async ({ contextValue }) => contextValue.version?.seq ?? null,
      // Only while the version is confirmed by Neo4j (not during an outage), and never for the server's own warm-up.
      shouldReadFromCache: async ({ contextValue }) => contextValue.versionConfirmed === true,
      shouldWriteToCache: async ({ contextValue }) => contextValue.versionConfirmed === true && !contextValue.internal,
    }),
  ];
}
