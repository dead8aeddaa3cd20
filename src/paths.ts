import { readFileSync } from 'node:fs';
/**
 * Where the project's files are, from the root of a checkout: one module, so that code which only
 * needs a path does not import the Neo4j launcher (or anything else) to find it.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Constraints, indexes, named queries, the Browser style and guide. */
export const CYPHER_DIR = join(PROJECT_ROOT, 'cypher');
/** The curated data. */
export const SEEDS_DIR = join(PROJECT_ROOT, 'seeds');
/** Curated change sets, applied in order after the seed files (src/graph/changes/files.ts). */
export const CHANGES_DIR = join(SEEDS_DIR, 'changes');
/** Local Neo4j installs and instances (git-ignored). */
export const NEO4J_DIR = join(PROJECT_ROOT, '.neo4j');

/** The API's version: package.json's. */
export const API_VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
