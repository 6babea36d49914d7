import { z } from 'zod';
import { openEnum, optionalBoolean, optionalNumber, optionalString } from './common.js';
import { SOURCE_TYPES } from './connections.js';

export const FEATURE_TYPES = [
  'Get',
  'Post',
  'Categorization',
  'Delete',
  'Put',
  'GetAsPdf',
  'DownloadAttachment',
  'GetAttachment',
  'GetAttachments',
  'UploadAttachment',
] as const;

export const FEATURE_STATES = [
  'Release',
  'Alpha',
  'Beta',
  'Deprecated',
  'NotSupported',
  'NotImplemented',
] as const;

const supportedFeatureSchema = z.looseObject({
  featureType: openEnum(FEATURE_TYPES),
  featureState: openEnum(FEATURE_STATES),
});

export const dataTypeFeatureSchema = z.looseObject({
  /** Real payloads spell it `datatype`; the spec's property is `dataType`. Both are kept. */
  datatype: optionalString,
  dataType: optionalString,
  supportedFeatures: z.array(supportedFeatureSchema).nullish(),
});

export const integrationSchema = z.looseObject({
  key: z.string(),
  logoUrl: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  sourceId: optionalString,
  sourceType: openEnum(SOURCE_TYPES).nullish(),
  integrationId: optionalString,
  isOfflineConnector: optionalBoolean,
  isBeta: optionalBoolean,
  dataProvidedBy: optionalString,
  datatypeFeatures: z.array(dataTypeFeatureSchema).nullish(),
  // Undeclared in the spec but present in real payloads.
  supportedEnvironments: optionalString,
  linkedConnectionsCount: optionalNumber,
  totalConnectionsCount: optionalNumber,
});

const brandingImageSchema = z.looseObject({
  image: z.looseObject({ src: optionalString, alt: optionalString }).nullish(),
});

export const brandingSchema = z.looseObject({
  logo: z
    .looseObject({ full: brandingImageSchema.nullish(), square: brandingImageSchema.nullish() })
    .nullish(),
  button: z
    .looseObject({ default: brandingImageSchema.nullish(), hover: brandingImageSchema.nullish() })
    .nullish(),
  sourceId: optionalString,
});

export type DataTypeFeature = z.infer<typeof dataTypeFeatureSchema>;
export type Integration = z.infer<typeof integrationSchema>;
export type Branding = z.infer<typeof brandingSchema>;
