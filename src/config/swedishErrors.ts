import { z } from 'zod';

/** zod's messages in Swedish, for whoever edits an organisation file or the environment. */
export const swedishErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return { message: 'saknas (obligatorisk)' };
      return { message: `ska vara ${typeName(issue.expected)}, inte ${typeName(issue.received)}` };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: `ska vara en av: ${issue.options.join(', ')} (inte "${String(issue.received)}")` };
    case z.ZodIssueCode.invalid_union_discriminator:
      return { message: `ska vara en av: ${issue.options.map(String).join(', ')}` };
    case z.ZodIssueCode.invalid_literal:
      return { message: `ska vara ${JSON.stringify(issue.expected)}` };
    case z.ZodIssueCode.unrecognized_keys:
      return { message: `okänd nyckel: ${issue.keys.join(', ')}` };
    case z.ZodIssueCode.too_small:
      return issue.type === 'array'
        ? { message: issue.exact ? `ska ha exakt ${issue.minimum} poster` : `ska ha minst ${issue.minimum} poster` }
        : issue.type === 'string'
          ? { message: `ska ha minst ${issue.minimum} tecken` }
          : { message: `ska vara minst ${issue.minimum}` };
    case z.ZodIssueCode.too_big:
      return issue.type === 'array'
        ? { message: issue.exact ? `ska ha exakt ${issue.maximum} poster` : `får ha högst ${issue.maximum} poster` }
        : issue.type === 'string'
          ? { message: `får ha högst ${issue.maximum} tecken` }
          : { message: `får vara högst ${issue.maximum}` };
    case z.ZodIssueCode.invalid_string:
      return { message: issue.validation === 'url' ? 'ska vara en URL' : 'har fel format' };
    default:
      return { message: ctx.defaultError };
  }
};

function typeName(t: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'ett tal',
    integer: 'ett heltal',
    boolean: 'true eller false',
    array: 'en lista',
    object: 'ett objekt',
    null: 'null',
    undefined: 'tomt',
    nan: 'något som inte är ett tal',
  };
  return names[t] ?? t;
}
