import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function parse(value: unknown): string {
  if (typeof value !== 'string' || !PARTIAL_DATE.test(value)) {
    throw new GraphQLError(`PartialDate must be an ISO 8601 date of the form YYYY, YYYY-MM or YYYY-MM-DD; got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/**
 * An ISO 8601 calendar date at the precision the source gives it: a year ("2018"), a month
 * ("2024-05") or a day ("2024-05-31"). The article dates most events by year only, and a full
 * date would claim a precision it does not have.
 */
export const PartialDateScalar = new GraphQLScalarType({
  name: 'PartialDate',
  description: 'An ISO 8601 date at year, month or day precision: "2018", "2024-05" or "2024-05-31".',
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
