/**
 * One statement PROFILEd on a bench graph (the profile:* scripts): run once to warm the plan cache,
 * once with PROFILE for the db hits and operators, once timed. Prints a Markdown table row.
 */
import type { Session } from 'neo4j-driver';

interface Plan { dbHits?: number; operatorType: string; children: Plan[] }

/** The row: name, db hits, milliseconds of one warm run, and the operators matching `shown`. */
export async function profileRow(session: Session, name: string, text: string, params: Record<string, unknown>, shown: RegExp): Promise<string> {
  await session.run(text, params);
  const profiled = await session.run(`PROFILE ${text}`, params);
  let hits = 0;
  const operators: string[] = [];
  const walk = (plan: Plan) => {
    hits += plan.dbHits ?? 0;
    operators.push(plan.operatorType.replace(/@neo4j/, ''));
    plan.children.forEach(walk);
  };
  walk(profiled.summary.profile as unknown as Plan);
  const started = performance.now();
  await session.run(text, params);
  const ms = performance.now() - started;
  return `| ${name} | ${hits} | ${ms.toFixed(1)} | ${[...new Set(operators)].filter((o) => shown.test(o)).join(', ')} |`;
}
