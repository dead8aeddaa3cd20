/**
 * Who may do what. Roles come from a claim of the caller's token (AUTH_ROLES_CLAIM); unknown role
 * names are ignored. `reader` reads (also when anonymous reads are off), `curator` proposes change
 * sets, `editor` and `admin` too; `admin` alone imports: `importChanges` applies a change set at once,
 * without a draft, and `npm run import` in production takes an admin's token (the database's wipe,
 * `--reset`, is a development tool that production refuses to anyone).
 */
export const ROLES = ['reader', 'curator', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles that propose change sets (as drafts), and withdraw their own. */
export const WRITERS: Role[] = ['curator', 'editor', 'admin'];
/** The roles that approve or reject someone else's draft. */
export const REVIEWERS: Role[] = ['editor', 'admin'];
/** The role that imports: a change set applied at once, on its own say-so (attributed to that admin). */
export const ADMINS: Role[] = ['admin'];

/** A verified caller: the token's subject and the project's roles it grants. */
export interface Identity {
  subject: string;
  roles: Role[];
}

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
