import os from 'node:os';
import type { ChannelOutput } from '../shared/contract';
import { Failure } from './ipc/failure';
import { createRouter, type Handlers, type Router } from './ipc/router';
import { allegationHandlers } from './handlers/allegations';
import { caseHandlers } from './handlers/cases';
import type { RunService } from './handlers/run-service';
import type { ServiceContext } from './services/context';
import * as settings from './services/settings-service';
import { openWorkspace, type Workspace } from './workspace/open-workspace';

export interface Workbench {
  router: Router;
  close(): void;
}

export interface WorkbenchOptions {
  workspaceDir: string;
  appVersion: string;
  /** Stamped on history events; the OS user until identities arrive. */
  actor?: string;
}

function tryOpen(dir: string): Workspace | Failure {
  try {
    return openWorkspace(dir);
  } catch (error) {
    if (error instanceof Failure) return error;
    console.error('[casebench] workspace could not be opened:', error);
    return new Failure('WORKSPACE_UNAVAILABLE', 'The workspace could not be opened.');
  }
}

/**
 * Opens the workspace and wires services to the router. A workspace that cannot be opened still
 * yields a router: `app.status` says why, every other channel answers WORKSPACE_UNAVAILABLE, and
 * nothing on disk is touched.
 */
export function openWorkbench(options: WorkbenchOptions): Workbench {
  let opened = tryOpen(options.workspaceDir);
  let ctx: ServiceContext | null = null;
  const contextOf = (workspace: Workspace): ServiceContext => ({
    db: workspace.db,
    actor: options.actor ?? os.userInfo().username,
    now: () => new Date().toISOString(),
  });
  if (!(opened instanceof Failure)) ctx = contextOf(opened);

  const service: RunService = (run) => {
    if (!ctx) throw new Failure('WORKSPACE_UNAVAILABLE', 'The workspace is not open.');
    return run(ctx);
  };

  /** "Try again" on the error page asks for the status: try to open the workspace once more. */
  const retryIfUnavailable = () => {
    if (!(opened instanceof Failure)) return;
    opened = tryOpen(options.workspaceDir);
    if (!(opened instanceof Failure)) ctx = contextOf(opened);
  };

  const status = (): ChannelOutput<'app.status'> => {
    retryIfUnavailable();
    return {
      version: options.appVersion,
      workspace:
        opened instanceof Failure
          ? { state: 'unavailable', code: opened.code, message: opened.message }
          : { state: 'ready', schemaVersion: opened.schemaVersion },
      language: ctx ? settings.getLanguage(ctx) : null,
    };
  };

  const handlers: Handlers = {
    'app.status': status,
    'settings.setLanguage': (input) => service((c) => settings.setLanguage(c, input.language)),
    ...caseHandlers(service),
    ...allegationHandlers(service),
  };

  return {
    router: createRouter(handlers),
    close: () => {
      if (!(opened instanceof Failure)) opened.close();
    },
  };
}
