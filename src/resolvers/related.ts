import type { Context } from '../context.js';
import type { Entity } from '../graph/entities.js';
import type { RelType } from '../graph/model.js';

/** The nodes at the other end of `type` relationships, through the request's batching loader. */
export function related(ctx: Context, from: { id: string }, type: RelType, direction: 'OUT' | 'IN' = 'OUT'): Promise<Entity[]> {
  return ctx.loaders.related.load({ id: from.id, type, direction });
}

/** The single node at the other end, or null. */
export async function relatedOne(ctx: Context, from: { id: string }, type: RelType, direction: 'OUT' | 'IN' = 'OUT'): Promise<Entity | null> {
  return (await related(ctx, from, type, direction))[0] ?? null;
}
