import { registerEnumType } from 'type-graphql';
import { KINDS, REL_TYPES, type Kind, type RelType } from '../graph/model.js';

/** The kinds of entity in the graph; values are the Neo4j labels, names their GraphQL spelling. */
export const EntityKind = Object.fromEntries(KINDS.map((k) => [k.toUpperCase(), k])) as { [K in Uppercase<Kind>]: Kind };
registerEnumType(EntityKind, { name: 'EntityKind', description: 'A kind of entity in the knowledge graph.' });

export const RelationshipType = Object.fromEntries(REL_TYPES.map((t) => [t, t])) as { [T in RelType]: T };
registerEnumType(RelationshipType, { name: 'RelationshipType', description: 'A type of relationship in the knowledge graph.' });

export enum SortField {
  ID = 'id',
  NAME = 'name',
  DATE = 'dateStart',
  YEAR = 'year',
  VALUE = 'value',
}
registerEnumType(SortField, {
  name: 'SortField',
  description: 'What a list is ordered by. Ties are broken by id.',
  valuesConfig: {
    ID: { description: 'The stable id.' },
    NAME: { description: 'The (normalised) name.' },
    DATE: { description: 'The date, at the precision stated; undated entities come last.' },
    YEAR: { description: 'The year of the date or of the end of the period.' },
    VALUE: { description: 'The value (statistics only).' },
  },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending.' });
