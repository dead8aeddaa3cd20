/**
 * Tools generated from examples.graphql: each named example operation (a question people ask of the
 * graph) becomes a tool without arguments, `example_<name>`, described by its question. Its document is
 * made citable first: every selection of an entity or relationship also asks for its id and sources,
 * so the answer's facts carry their quotes and reference numbers like the curated tools' do.
 */
import { Kind, getNamedType, isObjectType, isInterfaceType, parse, print, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type FieldNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { exampleOperations } from '../resolvers/examples.js';
import { factOf, type Fact, type ToolSpec } from './tools.js';

const SOURCES = parse('{ sources { section quote document sentence referenceNumber inferred dataSource } }').definitions[0] as { selectionSet: SelectionSetNode };
const ID = parse('{ id }').definitions[0] as { selectionSet: SelectionSetNode };

/**
 * The examples document with `id` and `sources` added to every selection of a type that has sources
 * (`outermost`: only to those not inside another such selection, for an operation whose nested lists
 * would pass the cost limit with sources on every item).
 */
export function citable(schema: GraphQLSchema, document: DocumentNode, outermost = false): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        leave(node: FieldNode, _key, _parent, _path, ancestors) {
          const type = getNamedType(typeInfo.getType());
          if (!node.selectionSet || !(isObjectType(type) || isInterfaceType(type))) return undefined;
          // The reference a source cites is cited by that source already (and one level deeper would pass the depth limit).
          if (ancestors.some((a) => !Array.isArray(a) && (a as { kind?: string }).kind === Kind.FIELD && (a as FieldNode).name.value === 'sources')) return undefined;
          const fields = type.getFields();
          if (!fields.sources) return undefined;
          if (outermost && ancestors.some((a) => !Array.isArray(a) && (a as { kind?: string }).kind === Kind.FIELD && (a as FieldNode).selectionSet?.selections.some((x) => x.kind === Kind.FIELD && x.name.value === 'sources'))) return undefined;
          const selected = new Set(node.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])));
          const added = [...(selected.has('sources') ? [] : SOURCES.selectionSet.selections), ...(fields.id && !selected.has('id') ? ID.selectionSet.selections : [])];
          return added.length ? { ...node, selectionSet: { ...node.selectionSet, selections: [...node.selectionSet.selections, ...added] } } : undefined;
        },
      },
    }),
  );
}

const SKIP = new Set(['id', 'kind', 'name', 'description', 'sources', 'caption', 'aliases', '__typename']);

/** Every entity or relationship in an answer, once, as a fact, with its scalar fields as detail. */
export function factsIn(data: unknown): Fact[] {
  const facts = new Map<string, Fact>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    if ((Array.isArray(object.sources) && (object.id || object.type)) || (typeof object.id === 'string' && typeof object.name === 'string')) {
      const detail = Object.fromEntries(Object.entries(object).filter(([k, v]) => !SKIP.has(k) && (v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => typeof x !== 'object')))));
      const fact = factOf(object, detail);
      if (!facts.has(fact.id)) facts.set(fact.id, fact);
    }
    for (const child of Object.values(object)) walk(child);
  };
  walk(data);
  return [...facts.values()];
}

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

export function exampleToolSpecs(schema: GraphQLSchema, examples: string): ToolSpec[] {
  // Each tool sends its own operation only: the whole file, made citable, is over the token limit.
  return exampleOperations(examples).map((op) => ({
    name: `example_${snake(op.name)}`,
    title: op.name,
    description: `${op.question || `The example question ${op.name}.`} (The example operation ${op.name} of examples.graphql; no arguments.)`,
    input: {},
    query: print(citable(schema, parse(op.text))),
    // Sources on every item can pass the cost limit (a list of lists): then on the outermost items, then none.
    fallbacks: [print(citable(schema, parse(op.text), true)), op.text],
    variables: () => ({}),
    facts: factsIn,
  }));
}
