import { z } from 'zod';
import {
  CaseDetailSchema,
  CaseStatusSchema,
  CaseSummarySchema,
  CountrySchema,
  IdSchema,
  StageSchema,
  line,
  paragraph,
  requiredLine,
} from '../records';

export const CaseFieldsSchema = z.object({
  title: requiredLine(300),
  country: CountrySchema.nullable(),
  situation: line(300),
  summary: paragraph(20_000),
});
export type CaseFields = z.infer<typeof CaseFieldsSchema>;

export const CASE_SORT_FIELDS = ['reference', 'title', 'country', 'stage', 'updatedAt'] as const;

export const CaseListQuerySchema = z.object({
  /** Type-ahead text matched against reference and title. */
  search: z.string().max(300).default(''),
  stages: z.array(StageSchema).default([]),
  countries: z.array(CountrySchema).default([]),
  status: z.union([CaseStatusSchema, z.literal('all')]).default('all'),
  sort: z.enum(CASE_SORT_FIELDS).default('updatedAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type CaseListQuery = z.input<typeof CaseListQuerySchema>;

export const ById = z.object({ id: IdSchema });
export const WithReason = z.object({ id: IdSchema, reason: requiredLine(2000) });

export const caseChannels = {
  'cases.list': {
    input: CaseListQuerySchema,
    output: z.object({ total: z.number().int(), items: z.array(CaseSummarySchema) }),
  },
  'cases.countries': { input: z.object({}), output: z.array(CountrySchema) },
  'cases.get': { input: ById, output: CaseDetailSchema },
  'cases.create': { input: CaseFieldsSchema, output: CaseDetailSchema },
  'cases.update': { input: CaseFieldsSchema.extend({ id: IdSchema }), output: CaseDetailSchema },
  'cases.close': { input: WithReason, output: CaseDetailSchema },
  'cases.reopen': { input: WithReason, output: CaseDetailSchema },
  /** The open demo case (main/demo), or null: the case list offers to open one when there is none. */
  'cases.findDemo': { input: z.object({}), output: CaseSummarySchema.nullable() },
  /** Opens the demo case: the open one if there is one, else one built now from public facts only. */
  'cases.openDemo': { input: z.object({}), output: CaseDetailSchema },
} as const;
