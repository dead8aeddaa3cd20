/**
 * The MCP server (official TypeScript SDK): the curated tools of tools.ts, the article's sentences as
 * resources (`kg://document/<id>/sentence/<n>`), and a prompt that asks the model to cite by reference
 * number. The one tool that writes, `propose_change`, only makes a draft for an editor to approve, and
 * is offered only to a signed-in writer on a server that takes writes: without identity, read-only.
 *
 * A tool runs its GraphQL operation on this API's own Apollo server (`executeOperation`), as the
 * caller: validation, the cost limit, the read path and Neo4j's admission control are those of
 * /graphql. The caller's token is never passed on to anything.
 */
import type { ApolloServer } from '@apollo/server';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Config } from '../config.js';
import { createContext, type Context } from '../context.js';
import type { Executor } from '../graph/executor.js';
import { documentById, sentences } from '../graph/changes/history.js';
import { REVIEW_ID } from '../graph/documents.js';
import { WRITERS, type Identity } from '../identity/roles.js';
import type { ChangeFollower } from '../versions/follower.js';
import { renderFacts, toolSpecs, type Fact, type ToolSpec } from './tools.js';
import { exampleToolSpecs } from './examples.js';
import { buildApiSchema } from '../resolvers/index.js';
import { EXAMPLES_FILE } from '../resolvers/examples.js';
import { readFileSync } from 'node:fs';

/** Every tool: the curated questions, then one per example operation. Built once per process. */
export async function mcpTools(): Promise<ToolSpec[]> {
  return [...toolSpecs(), ...exampleToolSpecs(await buildApiSchema(), readFileSync(EXAMPLES_FILE, 'utf8'))];
}

export interface McpOptions {
  apollo: ApolloServer<Context>;
  executor: Executor;
  config: Config;
  /** The caller (HTTP: from its token; stdio: the local user, null). */
  identity: Identity | null;
  /** The most an answer may hold, in tokens (about 4 characters each); longer ones are cut, and say so. */
  tokenBudget: number;
  version: string;
  /** This process's change follower: each answer says the data version it read. */
  follower?: ChangeFollower;
  /** The tools: the curated ones and those generated from examples.graphql (mcpTools). */
  tools: ToolSpec[];
  /** The write budget and draft cap of the server (when it takes writes). */
  writes?: Context['writes'];
}

const PROPOSE = 'mutation($input: ChangeSetInput!) { proposeChanges(input: $input) { draft { id status } changeSet { operations changeCount } newFindings { id } } }';

/** A tool's answer cut to the token budget, whole facts at a time. */
export function withinBudget(facts: Fact[], budget: number): { facts: Fact[]; cut: number } {
  const limit = budget * 4;
  let size = 2;
  let kept = 0;
  for (const fact of facts) {
    size += JSON.stringify(fact).length + 1;
    if (size > limit) break;
    kept++;
  }
  return { facts: facts.slice(0, kept), cut: facts.length - kept };
}

async function runTool(spec: ToolSpec, args: Record<string, unknown>, options: McpOptions) {
  const contextValue: Context = { ...createContext(options.executor, options.config.limits), identity: options.identity, version: options.follower?.version };
  const execute = async (query: string) => {
    const response = await options.apollo.executeOperation({ query, operationName: spec.operationName, variables: spec.variables(args) }, { contextValue });
    return response.body.kind === 'single' ? response.body.singleResult : undefined;
  };
  let result = await execute(spec.query);
  for (const fallback of spec.fallbacks ?? []) {
    const code = result?.errors?.[0]?.extensions?.code;
    if (code !== 'QUERY_TOO_COMPLEX' && code !== 'QUERY_TOO_DEEP') break;
    result = await execute(fallback);
  }
  const error = result?.errors?.[0];
  if (error || !result?.data) {
    const code = String(error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    const argument = error?.extensions?.argument;
    return { isError: true, content: [{ type: 'text' as const, text: `${code}${argument ? ` (${String(argument)})` : ''}: ${error?.message ?? 'no answer'}` }] };
  }
  const data = result.data as Record<string, unknown>;
  const all = spec.facts(data);
  const { facts, cut } = withinBudget(all, options.tokenBudget);
  const nextCursor = spec.next?.(data) ?? null;
  const structured = {
    facts,
    ...(spec.total ? { totalCount: spec.total(data) } : {}),
    nextCursor,
    truncated: cut > 0,
    ...(cut > 0 ? { note: `${cut} more facts were cut to stay within ${options.tokenBudget} tokens; ask for fewer (first) or page on.` } : {}),
    dataVersion: (result.extensions?.dataVersion as unknown) ?? null,
  };
  const text = [renderFacts(facts), cut > 0 ? `(${cut} more cut to stay within the token budget)` : '', nextCursor ? `More: call again with after: "${nextCursor}".` : '']
    .filter(Boolean)
    .join('\n');
  return { content: [{ type: 'text' as const, text }], structuredContent: structured };
}

export function createMcpServer(options: McpOptions): McpServer {
  const server = new McpServer({ name: 'cell-therapy-kg', version: options.version }, { capabilities: { logging: {} } });
  for (const spec of options.tools) {
    server.registerTool(
      spec.name,
      { title: spec.title, description: `${spec.description} Every fact comes with its quote, section, sentence and reference numbers: cite them.`, inputSchema: spec.input, annotations: { readOnlyHint: true, openWorldHint: false } },
      (args: Record<string, unknown>) => runTool(spec, args, options),
    );
  }

  // Writes only as drafts, for a person to approve: offered to a signed-in curator, editor or admin
  // on a server that takes writes. The mutation's own checks (role, write budget, citations) apply.
  const writer = options.config.writesEnabled && options.identity?.roles.some((r) => WRITERS.includes(r));
  if (writer) {
    server.registerTool(
      'propose_change',
      {
        title: 'Propose a change for review',
        description:
          'Proposes a change set as a draft (never applied): an editor approves or rejects it. Operations as the GraphQL `ChangeOperationInput` (createEntity, setProperties, unsetProperties, addRelationship, retractRelationship, retract, supersede), each added or changed fact citing a document\'s sentence word for word.',
        inputSchema: {
          reason: z.string().min(3).max(2_000).describe('Why the change is right.'),
          baseSeq: z.number().int().min(0).describe('The data version the change was made from (any answer\'s dataVersion.seq).'),
          operations: z.array(z.record(z.string(), z.unknown())).min(1).max(100).describe('The operations, e.g. [{"setProperties": {"id": …, "properties": {…}, "source": {"document", "sentence", "quote", "refs"}}}].'),
        },
        annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
      },
      async (args: Record<string, unknown>) => {
        const contextValue: Context = { ...createContext(options.executor, options.config.limits), identity: options.identity, version: options.follower?.version, writes: options.writes };
        const response = await options.apollo.executeOperation({ query: PROPOSE, variables: { input: args } }, { contextValue });
        const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
        const error = result?.errors?.[0];
        if (error || !result?.data) return { isError: true, content: [{ type: 'text' as const, text: `${String(error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR')}: ${error?.message ?? 'no answer'}` }] };
        const proposed = (result.data as { proposeChanges: { draft: { id: string; status: string }; changeSet: { operations: number; changeCount: number } } }).proposeChanges;
        return {
          content: [{ type: 'text' as const, text: `Draft ${proposed.draft.id} is ${proposed.draft.status}: ${proposed.changeSet.operations} operations, ${proposed.changeSet.changeCount} changes, waiting for an editor's approval.` }],
          structuredContent: proposed,
        };
      },
    );
  }

  server.registerResource(
    'sentence',
    new ResourceTemplate('kg://document/{document}/sentence/{n}', {
      // The review's sentences (147); other documents' are read by their URI.
      list: async () => {
        const rows = await sentences(options.executor.scoped('mcp'), REVIEW_ID, 0, 200);
        return { resources: rows.map((s) => ({ uri: `kg://document/${REVIEW_ID}/sentence/${s.number}`, name: `Sentence ${s.number} (${s.section})`, mimeType: 'text/plain' })) };
      },
    }),
    { title: 'A sentence of a source document', description: 'The text of one numbered sentence, with the references it cites and the facts that cite it.', mimeType: 'text/plain' },
    async (uri, variables) => {
      const document = decodeURIComponent(String(variables.document));
      const n = Number(variables.n);
      if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new Error(`no sentence ${String(variables.n)}: sentences are numbered from 1`);
      const executor = options.executor.scoped('mcp');
      if (!(await documentById(executor, document))) throw new Error(`no document ${document}`);
      const [sentence] = await sentences(executor, document, n - 1, 1);
      if (!sentence || sentence.number !== n) throw new Error(`${document} has no sentence ${n}`);
      const refs = sentence.refs.length ? ` [${sentence.refs.join(', ')}]` : '';
      return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: `${sentence.text}${refs}\n(section: ${sentence.section}; facts citing it: ${sentence.facts.slice(0, 50).join(', ') || 'none'})` }] };
    },
  );

  server.registerPrompt(
    'answer_with_citations',
    { title: 'Answer with citations from cell-therapy-kg', description: 'Answer a question about China\'s cell-therapy regulation from the knowledge graph, citing every statement.', argsSchema: { question: z.string().max(2_000).describe('The question.') } },
    ({ question }) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text:
              `Answer from the cell-therapy-kg tools only: ${question}\n\n` +
              'Find ids with `search`, then use the tool for the question. Every fact the tools return has a quote and reference numbers: put the numbers in square brackets after each statement you make from it (e.g. "… approved in 2021 [12]"), and say "uncited" for a fact with none. Do not state anything the tools did not return; if they return nothing, say so. Quote the source\'s words where the wording matters.',
          },
        },
      ],
    }),
  );
  return server;
}
