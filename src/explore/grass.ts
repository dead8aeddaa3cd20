/**
 * The project's Neo4j Browser style (cypher/browser/style.grass) read as rules: selector -> property
 * -> value, quotes removed as Browser's own GraSS parser removes them. The explore pages take their
 * colours from it, and Browser gets it inline after connecting (as JSON, which Browser's `:style`
 * also parses, and which holds no semicolon to split the post-connect commands on).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

export const GRASS_FILE = join(PROJECT_ROOT, 'cypher', 'browser', 'style.grass');

export type GrassRules = Record<string, Record<string, string>>;

export function parseGrass(grass = readFileSync(GRASS_FILE, 'utf8')): GrassRules {
  const rules: GrassRules = {};
  // A rule's body ends at the first brace outside quotes ("{caption}" is a value, not a block).
  for (const [, selector, body] of grass.matchAll(/^([\w.]+)\s*\{((?:[^}"]|"[^"]*")*)\}/gm)) {
    const props: Record<string, string> = {};
    for (const [, key, value] of body.matchAll(/([a-z-]+)\s*:\s*((?:[^;"]|"[^"]*")+);/g)) props[key] = value.trim().replace(/^"(.*)"$/, '$1');
    rules[selector] = props;
  }
  return rules;
}
