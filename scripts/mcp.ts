/**
 * `npm run mcp`: the MCP server over stdio, for a desktop assistant. It reads the graph as `npm start`
 * does (the local Neo4j, started and seeded when no NEO4J_URI is given) through the same API in this
 * process (no HTTP port is opened); stdout carries the protocol, so every log line goes to stderr.
 */
import 'reflect-metadata';
import pino from 'pino';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createApp } from '../src/app.js';
import { connect, prepareGraph } from '../src/bootstrap.js';
import { readConfig } from '../src/config.js';
import { ReadinessProbe } from '../src/graph/readiness.js';
import { createMcpServer, mcpTools } from '../src/mcp/server.js';
import { createLogger } from '../src/observability/logger.js';
import { API_VERSION } from '../src/paths.js';

const config = readConfig();
const logger = createLogger({ env: config.env, level: config.logLevel ?? 'warn' }, pino.destination(2));
const log = (line: string) => logger.info(line);
const connection = await connect(config, 'cell-therapy-kg-mcp', log);
await prepareGraph(connection.executor, log, config.seedOnStart);
const app = await createApp({ config, executor: connection.executor, readiness: new ReadinessProbe(connection.executor, async () => undefined, true), logger });
// The local user of a desktop assistant reads as anyone may; nothing here writes.
const server = createMcpServer({ apollo: app.apollo, executor: connection.executor, config, identity: null, tokenBudget: config.mcp.tokenBudget, version: API_VERSION, follower: app.follower, tools: await mcpTools() });
await server.connect(new StdioServerTransport());
const stop = async () => {
  await server.close();
  await app.stop();
  await connection.close();
  process.exit(0);
};
process.stdin.on('close', () => void stop());
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
