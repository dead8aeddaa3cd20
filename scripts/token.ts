/**
 * npm run token -- --role curator --sub curator-1 [--role editor] [--minutes 60]
 * Mints a short-lived development token, signed with the local development key (.auth/dev-key.json,
 * generated at first use, git-ignored), which the server trusts when no identity provider is configured
 * outside production. Prints only the token, for `Authorization: Bearer <token>`.
 */
import { parseArgs } from 'node:util';
import { mintDevToken } from '../src/identity/dev-key.js';
import { isRole, ROLES } from '../src/identity/roles.js';

const { values } = parseArgs({ options: { role: { type: 'string', multiple: true, default: [] }, sub: { type: 'string' }, minutes: { type: 'string', default: '60' } } });
const roles = values.role ?? [];
const minutes = Number(values.minutes);
const bad = roles.filter((r) => !isRole(r));
if (!values.sub || !roles.length || bad.length || !Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60) {
  console.error(`usage: npm run token -- --role <${ROLES.join('|')}> [--role …] --sub <name> [--minutes 1-1440]${bad.length ? `\nunknown role: ${bad.join(', ')}` : ''}`);
  process.exit(2);
}
if (process.env.NODE_ENV === 'production') {
  console.error('npm run token mints development tokens; production trusts only its identity provider (AUTH_JWKS_URL).');
  process.exit(2);
}
console.log(await mintDevToken(values.sub, roles.filter(isRole), minutes * 60));
