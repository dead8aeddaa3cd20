/**
 * The project's colours for the explore pages, read from the Neo4j Browser GraSS file so a label
 * looks the same in Browser, on the graph page and on the timeline.
 */
import { parseGrass } from './grass.js';

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

export function exploreStyle(): ExploreStyle {
  const style: ExploreStyle = { nodes: {}, relationships: {} };
  for (const [selector, d] of Object.entries(parseGrass())) {
    const [what, name = 'default'] = selector.split('.');
    // node.Entity only pins the caption in Browser (every entity has that label); it is no kind.
    if (what === 'node' && name === 'Entity') continue;
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
