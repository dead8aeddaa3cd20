/**
 * Structured JSON logs (pino), one line per event on stdout. Every GraphQL operation logs one
 * line with its request id, operation name, duration, Neo4j round trips and error code; internal
 * errors log their stack here and never reach the client.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** LOG_LEVEL wins; otherwise `info`, and `silent` for the test suite (its own tests pass a destination). */
export function createLogger(options: { env: string; level?: string }, destination?: DestinationStream): Logger {
  const level = options.level ?? (options.env === 'test' ? 'silent' : 'info');
  return pino({ level, base: { service: 'cell-therapy-kg' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
