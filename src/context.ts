import type { Config } from './config.js';
import type { Executor } from './graph/executor.js';
import { createLoaders, type Loaders } from './graph/loaders.js';

/** What every resolver gets: this request's executor (with its round-trip log) and loaders. */
export interface Context {
  executor: Executor;
  loaders: Loaders;
  limits: Config['limits'];
}

export function createContext(executor: Executor, limits: Config['limits']): Context {
  const scoped = executor.scoped();
  return { executor: scoped, loaders: createLoaders(scoped), limits };
}
