import { z } from 'zod';
import { optionalNumber, optionalString, statusCode } from './common.js';

const validationItemSchema = z.looseObject({
  itemId: optionalString,
  message: optionalString,
  validatorName: optionalString,
});

/** Codat's `ErrorMessage` body; every field optional, minimal bodies omit most of them. */
export const errorMessageSchema = z.looseObject({
  statusCode: statusCode.nullish(),
  service: optionalString,
  error: optionalString,
  correlationId: optionalString,
  validation: z
    .looseObject({
      errors: z.array(validationItemSchema).nullish(),
      warnings: z.array(validationItemSchema).nullish(),
    })
    .nullish(),
  canBeRetried: z.union([z.string(), z.boolean()]).nullish(),
  detailedErrorCode: optionalNumber,
});
