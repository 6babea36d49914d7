import { z } from 'zod';
import { codatDate, optionalString } from './common.js';
import { connectionSchema } from './connections.js';

const tagsSchema = z.record(z.string(), z.string());

export const companyReferenceSchema = z.looseObject({
  id: z.string(),
  name: optionalString,
  description: optionalString,
  links: z.looseObject({ portal: optionalString }).nullish(),
  tags: tagsSchema.nullish(),
});

export const companySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: optionalString,
  /** Legacy field still sent as `""` by Codat; not in the current spec. */
  platform: optionalString,
  /** Hosted Link URL; may carry a one-time password, so never cache it. */
  redirect: z.string(),
  lastSync: codatDate.nullish(),
  created: codatDate.nullish(),
  createdByUserName: optionalString,
  products: z.array(z.string()).nullish(),
  tags: tagsSchema.nullish(),
  referenceParentCompany: companyReferenceSchema.nullish(),
  referenceSubsidiaryCompanies: z.array(companyReferenceSchema).nullish(),
  dataConnections: z.array(connectionSchema).nullish(),
  ownerUserIds: z.array(z.string()).nullish(),
});

export const companyAccessTokenSchema = z.looseObject({
  accessToken: z.string(),
  expiresIn: z.number(),
  tokenType: z.string(),
});

export type CompanyTags = z.infer<typeof tagsSchema>;
export type CompanyReference = z.infer<typeof companyReferenceSchema>;
export type Company = z.infer<typeof companySchema>;
export type CompanyAccessToken = z.infer<typeof companyAccessTokenSchema>;

/** Body of create and replace (PUT). PUT clears whatever is omitted, tags included. */
export interface CompanyInput {
  name: string;
  description?: string;
  tags?: CompanyTags;
}

/** Body of update (PATCH): omitted or `null` fields are left as they are. */
export interface CompanyUpdate {
  name?: string | null;
  description?: string | null;
  tags?: CompanyTags | null;
}
