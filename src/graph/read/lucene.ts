/**
 * User text as a Lucene query for the full-text index.
 */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns user text into a Lucene query that cannot fail to parse: special characters are escaped,
 * and each word matches as typed or as a prefix, so "cilta" finds "Ciltacabtagene".
 */
export function luceneQuery(text: string): string {
  // Lower case, so that words like OR and NOT are terms, not operators (the analyzer lower-cases anyway).
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(LUCENE_SPECIAL, '\\$&'))
    .filter(Boolean);
  return words.map((w) => `(${w} OR ${w}*)`).join(' ');
}
