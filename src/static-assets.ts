/**
 * Files from node_modules and from the repository served by the API itself (the explorers and the
 * explore pages), read once at start-up, so no page loads anything from a CDN.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Router } from 'express';

const require = createRequire(import.meta.url);

/** A package's folder, from its entry point (some packages' `exports` do not include package.json). */
export function packageDir(name: string): string {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

export interface Asset {
  file: string;
  type: string;
}

/** Serves each asset at `<prefix>/<name>`, cacheable for an hour. */
export function serveAssets(router: Router, prefix: string, assets: Record<string, Asset>): void {
  for (const [name, { file, type }] of Object.entries(assets)) {
    const body = readFileSync(file);
    router.get(`${prefix}/${name}`, (_req, res) => {
      res.type(type).set('Cache-Control', 'public, max-age=3600').send(body);
    });
  }
}
