/**
 * Keyset cursors: opaque to clients, they carry the order they were made for, the sort value of the
 * last item and its id, so the next page starts with an index seek past that item instead of
 * skipping over every earlier one. A cursor from another list order, or one that was tampered
 * with, is refused rather than guessed at.
 */
import { badUserInput } from '../../errors.js';

export type SortValue = string | number | null;

export interface Position {
  /** The sort value of the item, or for a sort on several keys (an order with commas) one per key. */
  value: SortValue | SortValue[];
  id: string;
}

const isSortValue = (v: unknown) => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

export function encodeCursor(order: string, position: Position): string {
  return Buffer.from(JSON.stringify([order, position.value, position.id])).toString('base64url');
}

/** The position a cursor points at; BAD_USER_INPUT unless it was made by this API for this order. */
export function decodeCursor(cursor: string, order: string, argument = 'after'): Position {
  let parsed: any;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const keys = order.split(',').length;
  const valid =
    Array.isArray(parsed) &&
    parsed.length === 3 &&
    typeof parsed[2] === 'string' &&
    (keys === 1 ? isSortValue(parsed[1]) : Array.isArray(parsed[1]) && parsed[1].length === keys && parsed[1].every(isSortValue));
  if (!valid) throw badUserInput(`"${argument}" is not a cursor returned by this API: ${JSON.stringify(cursor.slice(0, 100))}`, argument);
  if (parsed[0] !== order) {
    throw badUserInput(`"${argument}" is a cursor of another order (${String(parsed[0])}); this list is ordered by ${order}`, argument);
  }
  return { value: parsed[1] as SortValue | SortValue[], id: parsed[2] as string };
}
