/**
 * npm run neo4j:fetch | neo4j:start | neo4j:stop | neo4j:status — the project's local Neo4j
 * (the same instance `npm start` uses; settings from the environment, see .env.example).
 */
import './cli.js';
import { readConfig } from '../src/config.js';
import * as localServer from '../src/local-neo4j/server.js';

const command = process.argv[2];
const { local } = readConfig();

try {
  if (command === 'fetch') {
    localServer.fetchServer();
    console.log('Neo4j jars are in .neo4j/lib');
  } else if (command === 'start') {
    const { reused, pid } = await localServer.start(local);
    console.log(`Neo4j ${reused ? 'was already running' : 'started'} (pid ${pid}): bolt://127.0.0.1:${local.boltPort}; Neo4j Browser is served by the API (npm start) at /browser/`);
  } else if (command === 'stop') {
    console.log((await localServer.stop(local)) ? 'Neo4j stopped.' : 'Neo4j was not running (no process started by this project).');
  } else if (command === 'status') {
    const s = await localServer.status(local);
    console.log(s.running ? `running (pid ${s.pid}), bolt ${s.boltAnswers ? 'answers' : 'does not answer yet'} on ${local.boltPort}` : 'not running');
    process.exitCode = s.running ? 0 : 3;
  } else {
    console.error('usage: tsx scripts/neo4j.ts fetch|start|stop|status');
    process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
