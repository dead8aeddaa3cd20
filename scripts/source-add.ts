/**
 * npm run source:add -- <text file> --id doc:<slug> --title "…" --licence "…" [--authors "A; B"]
 *   [--year 2025] [--journal "…"] [--doi 10.x/y] [--url https://…] [--no-store]
 * Registers a document facts can be cited from: copies its text to seeds/documents/<slug>.txt (unless
 * --no-store: a licence that forbids keeping the text; its quotes are then kept unverified), writes
 * seeds/documents/<slug>.json, and registers it with its sentences in the graph. Commit both files.
 * The command prints the sentences with their numbers, which citations name.
 */
import './cli.js';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from '../src/bootstrap.js';
import { readConfig } from '../src/config.js';
import { DOCUMENTS_DIR, documentMeta, readDocument, registerDocuments } from '../src/graph/documents.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    id: { type: 'string' },
    title: { type: 'string' },
    licence: { type: 'string' },
    authors: { type: 'string', default: '' },
    year: { type: 'string' },
    journal: { type: 'string' },
    doi: { type: 'string' },
    url: { type: 'string' },
    'no-store': { type: 'boolean', default: false },
  },
});
const [textFile] = positionals;
if (!textFile || !values.id || !values.title || !values.licence) {
  console.error('usage: npm run source:add -- <text file> --id doc:<slug> --title "…" --licence "…" [--authors "A; B"] [--year 2025] [--journal "…"] [--doi 10.x/y] [--url https://…] [--no-store]');
  process.exit(2);
}
const slug = values.id.replace(/^doc:/, '');
const meta = documentMeta.parse({
  id: values.id,
  title: values.title,
  authors: values.authors.split(';').map((a) => a.trim()).filter(Boolean),
  year: values.year ? Number(values.year) : null,
  journal: values.journal ?? null,
  doi: values.doi ?? null,
  url: values.url ?? null,
  licence: values.licence,
  storeText: !values['no-store'],
  text: `${slug}.txt`,
});
const metaFile = join(DOCUMENTS_DIR, `${slug}.json`);
if (existsSync(metaFile)) {
  console.error(`${metaFile} exists: a document id is registered once.`);
  process.exit(2);
}
// The text is kept beside the metadata even with --no-store: the graph then holds no sentence, but the
// SHA-256 still pins which text the locators refer to. Leave it out of the commit if the licence says so.
copyFileSync(resolve(textFile), join(DOCUMENTS_DIR, `${slug}.txt`));
writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
const document = readDocument(metaFile);
const connection = await connect(readConfig(), 'cell-therapy-kg source:add');
try {
  await registerDocuments(connection.executor, [document]);
} finally {
  await connection.close();
}
console.log(`Registered ${document.id} (${document.sentences.length} sentences, SHA-256 ${document.sha256}).`);
for (const s of document.sentences) console.log(`${String(s.number).padStart(4)}  ${s.refs.length ? `[${s.refs.join(', ')}] ` : ''}${s.text}`);
