import os from 'node:os';
import type { ChannelOutput } from '../shared/contract';
import { Failure } from './ipc/failure';
import { createRouter, type Handlers, type Router } from './ipc/router';
import * as allegations from './services/allegation-service';
import * as cases from './services/case-service';
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
  const opened = tryOpen(options.workspaceDir);
  const workspace = opened instanceof Failure ? null : opened;
  const ctx: ServiceContext | null = workspace && {
    db: workspace.db,
    actor: options.actor ?? os.userInfo().username,
    now: () => new Date().toISOString(),
  };

  const service = <T>(run: (ctx: ServiceContext) => T): T => {
    if (!ctx) throw new Failure('WORKSPACE_UNAVAILABLE', 'The workspace is not open.');
    return run(ctx);
  };

  const status = (): ChannelOutput<'app.status'> => ({
    version: options.appVersion,
    workspace:
      opened instanceof Failure
        ? { state: 'unavailable', code: opened.code, message: opened.message }
        : { state: 'ready', schemaVersion: opened.schemaVersion },
    language: ctx ? settings.getLanguage(ctx) : null,
  });

  const handlers: Handlers = {
    'app.status': status,
    'settings.setLanguage': (input) => service((c) => settings.setLanguage(c, input.language)),
    'cases.list': (input) => service((c) => cases.listCases(c, input)),
    'cases.countries': () => service((c) => cases.listCaseCountries(c)),
    'cases.get': (input) => service((c) => cases.getCase(c, input.id)),
    'cases.create': (input) => service((c) => cases.createCase(c, input)),
    'cases.update': (input) => service((c) => cases.updateCase(c, input)),
    'cases.close': (input) => service((c) => cases.closeCase(c, input)),
    'cases.reopen': (input) => service((c) => cases.reopenCase(c, input)),
    'allegations.list': (input) => service((c) => allegations.listAllegations(c, input.caseId)),
    'allegations.create': (input) => service((c) => allegations.createAllegation(c, input)),
    'allegations.update': (input) => service((c) => allegations.updateAllegation(c, input)),
    'allegations.delete': (input) => service((c) => allegations.deleteAllegation(c, input)),
  };

  return {
    router: createRouter(handlers),
    close: () => workspace?.close(),
  };
}
