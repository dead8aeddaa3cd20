/**
 * Keyset cursors: opaque to clients, they carry the order they were made for, the sort value of the
 * last item and its id, so the next page starts with an index seek past that item instead of
 * skipping over every earlier one. A cursor from another list order, or one that was tampered
 * with, is refused rather than guessed at.
 */
import { badUserInput } from '../../errors.js';

export type SortValue = string | number | null;

export interface Position {
  value: SortValue;
  id: string;
}

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
  const valid =
    Array.isArray(parsed) &&
    parsed.length === 3 &&
    typeof parsed[2] === 'string' &&
    (parsed[1] === null || typeof parsed[1] === 'string' || (typeof parsed[1] === 'number' && Number.isFinite(parsed[1])));
  if (!valid) throw badUserInput(`"${argument}" is not a cursor returned by this API: ${JSON.stringify(cursor.slice(0, 100))}`, argument);
  if (parsed[0] !== order) {
    throw badUserInput(`"${argument}" is a cursor of another order (${String(parsed[0])}); this list is ordered by ${order}`, argument);
  }
  return { value: parsed[1] as SortValue, id: parsed[2] as string };
}
