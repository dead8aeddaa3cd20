/**
 * The project's colours for the explore pages, read from the Neo4j Browser GraSS file so a label
 * looks the same in Browser, on the graph page and on the timeline.
 */
import { readFileSync } from 'node:fs';
import { GRASS_FILE } from '../explorer.js';

export interface NodeStyle {
  color: string;
  border: string;
  text: string;
  diameter: number;
}

export interface ExploreStyle {
  nodes: Record<string, NodeStyle>;
  relationships: Record<string, { caption: string; color?: string }>;
}

/** `key: value;` pairs of one GraSS rule body. */
function declarations(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/([a-z-]+)\s*:\s*([^;]+);/g)) out[m[1]] = m[2].trim().replace(/^"(.*)"$/, '$1');
  return out;
}

export function exploreStyle(grass = readFileSync(GRASS_FILE, 'utf8')): ExploreStyle {
  const style: ExploreStyle = { nodes: {}, relationships: {} };
  for (const [, selector, body] of grass.matchAll(/^(node(?:\.\w+)?|relationship(?:\.\w+)?)\s*\{([^}]*)\}/gm)) {
    const d = declarations(body);
    const [what, name = 'default'] = selector.split('.');
    if (what === 'node') {
      const base = style.nodes.default;
      style.nodes[name] = {
        color: d.color ?? base.color,
        border: d['border-color'] ?? base.border,
        text: d['text-color-internal'] ?? base.text,
        diameter: d.diameter ? parseInt(d.diameter, 10) : base.diameter,
      };
    } else if (name !== 'default') {
      style.relationships[name] = { caption: d.caption ?? name, ...(d.color ? { color: d.color } : {}) };
    }
  }
  return style;
}
