/**
 * The rules in one place: type-graphql's authChecker decides every `@Authorized(...)` field and
 * mutation from the caller the context identified. No identity: UNAUTHENTICATED; a role the rule does
 * not list: FORBIDDEN. Both are thrown before the resolver runs, so a refusal does no Neo4j work.
 */
import type { AuthChecker } from 'type-graphql';
import type { Context } from '../context.js';
import { forbidden } from '../errors.js';
import { unauthenticated } from './verify.js';

export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  const identity = context.identity;
  if (!identity) throw unauthenticated('this operation needs a signed-in caller: send "Authorization: Bearer <JWT>"');
  if (roles.length && !identity.roles.some((r) => roles.includes(r))) {
    throw forbidden(`this operation needs the role ${roles.join(' or ')}; "${identity.subject}" has ${identity.roles.length ? identity.roles.join(', ') : 'none'}`);
  }
  return true;
};
