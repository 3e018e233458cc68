import type { z } from 'zod';
import { allegationChannels } from './channels/allegations';
import { appChannels } from './channels/app';
import { caseChannels } from './channels/cases';
import { subjectChannels } from './channels/subjects';
import { searchChannels } from './channels/search';
import { evidenceChannels } from './channels/evidence';
import { jobChannels } from './channels/jobs';
import { findingChannels } from './channels/findings';
import { listChannels } from './channels/lists';
import { documentChannels } from './channels/documents';
import { workflowChannels } from './channels/workflow';
import { screeningChannels } from './channels/screening';
import { keyChannels } from './channels/keys';
import { bundleChannels } from './channels/bundles';
import { workspaceChannels } from './channels/workspace';
import { protectedChannels } from './channels/protected';

export * from './channels/evidence';
export * from './channels/jobs';
export * from './channels/findings';
export * from './channels/lists';
export * from './channels/documents';
export * from './channels/workflow';
export * from './channels/screening';
export * from './channels/keys';
export * from './channels/bundles';
export * from './channels/workspace';
export * from './channels/subjects';
export * from './channels/protected';
export { CASE_SORT_FIELDS, CaseListQuerySchema, type CaseFields, type CaseListQuery } from './channels/cases';

/**
 * Every channel the renderer may call, with its input and output: one file per area under
 * channels/, merged here. The router validates input against these schemas; the renderer's client
 * is typed from them. Adding a channel is adding a row to its area's file.
 */
export const contract = {
  ...appChannels,
  ...caseChannels,
  ...allegationChannels,
  ...subjectChannels,
  ...searchChannels,
  ...evidenceChannels,
  ...jobChannels,
  ...findingChannels,
  ...listChannels,
  ...documentChannels,
  ...workflowChannels,
  ...screeningChannels,
  ...keyChannels,
  ...bundleChannels,
  ...workspaceChannels,
  ...protectedChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** The single Electron IPC channel; the preload exposes nothing else (it repeats the string, to stay zod-free). */
export const IPC_CHANNEL = 'casebench:invoke';
/** The host's single HTTP endpoint. */
export const HOST_INVOKE_PATH = '/api/invoke';
