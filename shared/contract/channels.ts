import { z } from 'zod';
import { ERROR_CODES } from './errors';
import {
  AllegationFieldsSchema,
  AllegationSchema,
  CaseDetailSchema,
  CaseStatusSchema,
  CaseSummarySchema,
  CountrySchema,
  IdSchema,
  LanguageSchema,
  StageSchema,
  line,
  paragraph,
  requiredLine,
} from './records';

const CaseFieldsSchema = z.object({
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

const WorkspaceStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready'), schemaVersion: z.number().int() }),
  z.object({ state: z.literal('unavailable'), code: z.enum(ERROR_CODES), message: z.string() }),
]);

const ById = z.object({ id: IdSchema });
const WithReason = z.object({ id: IdSchema, reason: requiredLine(2000) });

/**
 * Every channel the renderer may call, with its input and output. The router validates input
 * against these schemas; the renderer's client is typed from them. Adding a channel is adding a row.
 */
export const contract = {
  'app.status': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      workspace: WorkspaceStateSchema,
      /** null until the user picks one; the UI then follows the system language. */
      language: LanguageSchema.nullable(),
    }),
  },
  'settings.setLanguage': {
    input: z.object({ language: LanguageSchema }),
    output: z.object({ language: LanguageSchema }),
  },
  'cases.list': {
    input: CaseListQuerySchema,
    output: z.object({ total: z.number().int(), items: z.array(CaseSummarySchema) }),
  },
  'cases.countries': {
    input: z.object({}),
    output: z.array(CountrySchema),
  },
  'cases.get': { input: ById, output: CaseDetailSchema },
  'cases.create': { input: CaseFieldsSchema, output: CaseDetailSchema },
  'cases.update': { input: CaseFieldsSchema.extend({ id: IdSchema }), output: CaseDetailSchema },
  'cases.close': { input: WithReason, output: CaseDetailSchema },
  'cases.reopen': { input: WithReason, output: CaseDetailSchema },
  'allegations.list': { input: z.object({ caseId: IdSchema }), output: z.array(AllegationSchema) },
  'allegations.create': {
    input: AllegationFieldsSchema.extend({ caseId: IdSchema }),
    output: AllegationSchema,
  },
  'allegations.update': {
    input: AllegationFieldsSchema.extend({ id: IdSchema }),
    output: AllegationSchema,
  },
  'allegations.delete': {
    input: WithReason.partial({ reason: true }),
    output: z.object({ id: IdSchema }),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** The single Electron IPC channel; the preload exposes nothing else. */
export const IPC_CHANNEL = 'casebench:invoke';
/** The host's single HTTP endpoint. */
export const HOST_INVOKE_PATH = '/api/invoke';
