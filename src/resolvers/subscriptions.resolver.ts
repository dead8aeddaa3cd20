/**
 * Live changes: `subscription { changes(since, kinds, ids) }` streams change sets as they commit,
 * over graphql-ws on /graphql (src/versions/ws.ts). Resumable: subscribe with the seq last received
 * and every later change set arrives once, in order (from the log, then live).
 */
import { Arg, ID, Int, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../context.js';
import { badUserInput } from '../errors.js';
import type { ChangeSetView } from '../graph/changes/history.js';
import { KINDS, REL_TYPES } from '../graph/model.js';
import { ChangeSet } from '../schema/changes.type.js';
import { followChanges } from '../versions/live.js';
import type { LiveContext } from '../versions/ws.js';

const KNOWN_KINDS = new Set<string>([...KINDS, ...REL_TYPES]);
const MAX_FILTER = 100;

interface ChangesArgs {
  since?: number | null;
  kinds?: string[] | null;
  ids?: string[] | null;
}

function subscribe({ args, context }: { args: ChangesArgs; context: Context & { live?: LiveContext } }): AsyncIterable<ChangeSetView> {
  const { live } = context;
  if (!live) throw badUserInput('subscriptions are served over WebSocket (graphql-ws) at /graphql', 'changes');
  const since = args.since ?? live.follower.version.seq;
  if (!Number.isInteger(since) || since < 0) throw badUserInput(`"since" is a seq, 0 or more; got ${since}`, 'since');
  for (const [name, list] of [['kinds', args.kinds], ['ids', args.ids]] as const) {
    if (list && (list.length === 0 || list.length > MAX_FILTER)) throw badUserInput(`"${name}" takes 1 to ${MAX_FILTER} values; got ${list.length}`, name);
  }
  const unknown = args.kinds?.filter((k) => !KNOWN_KINDS.has(k));
  if (unknown?.length) throw badUserInput(`"kinds" takes entity kinds and relationship types (${[...KNOWN_KINDS].join(', ')}); unknown: ${unknown.join(', ')}`, 'kinds');
  return followChanges({
    follower: live.follower,
    executor: context.executor,
    filter: { since, kinds: args.kinds ?? null, ids: args.ids ?? null },
    buffer: live.buffer,
    onSlow: live.cutOff,
    stopped: live.closed,
  });
}

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => ChangeSet, {
    description:
      'Change sets as they commit, oldest first, each once (imports arrive as one event per change set), with their first 100 changes, entities and relationships alike. `since`: start after this seq (the last one you received, to resume after a disconnect; default: from now). Over graphql-ws on /graphql.',
    subscribe: subscribe as never,
  })
  changes(
    @Root() changeSet: ChangeSetView,
    @Arg('since', () => Int, { nullable: true, description: 'Deliver the change sets after this seq (default: those committed from now on).' }) _since?: number,
    @Arg('kinds', () => [String], { nullable: true, description: 'Only change sets that changed one of these entity kinds or relationship types (e.g. "Product", "TARGETS").' }) _kinds?: string[],
    @Arg('ids', () => [ID], { nullable: true, description: 'Only change sets that changed one of these entities (or a relationship at either end of it), or relationships ("from|TYPE|to").' }) _ids?: string[],
  ): ChangeSetView {
    return changeSet;
  }
}
