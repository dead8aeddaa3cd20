import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/** tests/tck alone: the Cypher pinned without a database (npm run test:tck), in seconds. */
export default defineConfig({ resolve: base.resolve, test: { include: ['tests/tck/**/*.test.ts'] } });
