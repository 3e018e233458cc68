import type { ServiceContext } from '../services/context';

/** Runs a service with the open workspace's context, or fails WORKSPACE_UNAVAILABLE. */
export type RunService = <T>(run: (ctx: ServiceContext) => T) => T;
