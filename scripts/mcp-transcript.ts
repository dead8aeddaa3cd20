/**
 * `npm run mcp:transcript`: docs/mcp-transcript.md, a recorded session in the shape an assistant has
 * with the MCP server: five analyst questions, each answered by the tool calls an assistant would make
 * (client-driven and deterministic: no model), with the cited answers as the server gave them.
 * It starts the server over stdio (`npm run mcp`), so it reads the graph `npm start` reads.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { PROJECT_ROOT } from '../src/paths.js';

const QUESTIONS: Array<{ question: string; calls: Array<[string, Record<string, unknown>]> }> = [
  { question: 'Who holds the BCMA-targeted CAR-T products approved in China, and when were they approved?', calls: [['search', { text: 'BCMA', kinds: ['TARGET'], first: 1 }], ['products_of_target', { target: 'target:bcma' }]] },
  { question: 'Which regulatory reforms came before the first CAR-T approval in China?', calls: [['reforms_before_approval', { product: 'product:axicabtagene-ciloleucel' }]] },
  { question: 'What do the IND numbers say for 2017-2024, and which source says it?', calls: [['statistics_of_metric', { metric: 'ind_applications' }]] },
  { question: 'What challenges does the article name for cell therapy regulation in China?', calls: [['claims_of_type', { type: 'challenge', first: 5 }]] },
  { question: 'How is the Wei Zexi incident connected to the approval of ciltacabtagene autoleucel?', calls: [['path_between', { from: 'event:2016-wei-zexi-incident', to: 'product:ciltacabtagene-autoleucel', maxHops: 6 }]] },
];

const client = new Client({ name: 'mcp-transcript', version: '1.0.0' });
await client.connect(
  new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'mcp.ts')], cwd: PROJECT_ROOT, env: { ...(process.env as Record<string, string>), LOG_LEVEL: 'silent' }, stderr: 'inherit' }),
);
const lines = [
  '# An assistant session over MCP',
  '',
  'Recorded by `npm run mcp:transcript` against `npm run mcp` (stdio) on the seed graph: five questions an analyst asks, the tool calls an',
  'assistant makes for each, and the answers the server gives, each fact with its quote, section, sentence and reference numbers',
  '(`[uncited]` where the article cites none). The prompt `answer_with_citations` tells the model to put those numbers beside each statement.',
  '',
];
const { tools } = await client.listTools();
lines.push(`Tools: ${tools.map((t) => `\`${t.name}\``).join(', ')}.`, '');
for (const [i, { question, calls }] of QUESTIONS.entries()) {
  lines.push(`## ${i + 1}. ${question}`, '');
  for (const [name, args] of calls) {
    const result = (await client.callTool({ name, arguments: args })) as { content: Array<{ text: string }>; structuredContent?: { facts: unknown[]; totalCount?: number } };
    lines.push(`**${name}** \`${JSON.stringify(args)}\``, '', '```text', result.content[0].text, '```', '');
  }
}
await client.close();
writeFileSync(join(PROJECT_ROOT, 'docs', 'mcp-transcript.md'), `${lines.join('\n').trimEnd()}\n`);
console.log('Wrote docs/mcp-transcript.md');
process.exit(0);
