import os from 'node:os';
import type { ChannelOutput } from '../shared/contract';
import { Failure } from './ipc/failure';
import { createRouter, type Handlers, type Router } from './ipc/router';
import { allegationHandlers } from './handlers/allegations';
import { protectedHandlers } from './handlers/protected';
import { subjectHandlers } from './handlers/subjects';
import { caseHandlers } from './handlers/cases';
import { evidenceHandlers } from './handlers/evidence';
import { documentHandlers } from './handlers/documents';
import type { DocumentDeps } from './documents/document-service';
import { documentFonts } from './documents/fonts/font-library';
import { playwrightPrinter } from './documents/playwright-printer';
import { proposalMatrix } from './documents/coordination-input';
import { shellPrinting } from './documents/shell-printing';
import type { PdfPrinter } from './documents/printer';
import { findingHandlers } from './handlers/findings';
import { listHandlers } from './handlers/lists';
import { workflowHandlers } from './handlers/workflow';
import { screeningHandlers } from './handlers/screening';
import { keyHandlers } from './handlers/keys';
import { bundleHandlers } from './handlers/bundles';
import { BundleImports } from './bundles/case/bundle-service';
import { sweepStagingAtOpen } from './bundles/case/staging';
import { purgeLists, purgesSettled, sweepDesignations } from './lists/designation-store';
import type { RunService } from './handlers/run-service';
import { allegationSearchProvider } from './search/allegation-provider';
import { caseSearchProvider } from './search/case-provider';
import { evidenceSearchProvider } from './search/evidence-provider';
import { findingSearchProvider } from './search/finding-provider';
import { subjectSearchProvider } from './search/subject-provider';
import type { SearchProvider } from './search/provider';
import { searchWorkspace } from './search/search-service';
import type { ServiceContext } from './services/context';
import { actorOf, getIdentity, setIdentity } from './services/identity-service';
import type { EvidenceContext } from './services/evidence-context';
import * as settings from './services/settings-service';
import { resumeExtraction } from './vault/extract-text';
import { Jobs } from './vault/jobs';
import { createEvidenceTransport, type EvidenceTransport } from './vault/transport';
import type { Workspace } from './workspace/open-workspace';
import { workspaceHandlers } from './handlers/workspace';
import type { KdfParams } from './workspace/encryption/key-derivation';
import type { Keychain } from './workspace/encryption/keychain';
import { WorkspaceSession } from './workspace/encryption/session';

export interface Workbench {
  router: Router;
  /** Settles when the extraction left pending by an interrupted import has run (tests wait on it). */
  extractionResumed(): Promise<number>;
  /**
   * Settles when the rows of every list version taken out of use so far (replaced, removed, a failed
   * import, an interrupted one swept at open) are deleted: they go in the background (tests wait on it).
   */
  listsPurged(): Promise<void>;
  /** Upload into and read from the evidence vault: the byte paths beside the router (main/vault/transport). */
  evidence: EvidenceTransport;
  close(): void;
}

export interface WorkbenchOptions {
  workspaceDir: string;
  appVersion: string;
  /** Stamped on events instead of the workspace's identity (tests, benchmarks). */
  actor?: string;
  /** Prints proposal documents: Electron's printToPDF in the app; by default the installed Chromium through Playwright. */
  printer?: PdfPrinter;
  /** The desktop app's folder chooser for exporting documents (the browser host downloads instead). */
  chooseFolder?: () => Promise<string | null>;
  /** The OS keychain (Electron safeStorage) for keeping the workspace key; absent in plain Node. */
  keychain?: Keychain;
  /**
   * A folder with no workspace gets a plain, unencrypted one at once. True by default for library
   * callers (Vitest, benchmarks); both shells pass false, so a user's first run asks for a
   * passphrase (the host passes true only with --create-unencrypted, for e2e and dev).
   */
  createUnencrypted?: boolean;
  /** The key derivation cost for new passphrase slots (tests lower it; default main/workspace/encryption/key-derivation). */
  kdf?: KdfParams;
}

/**
 * Opens the workspace and wires services to the router. A workspace that cannot be opened still
 * yields a router: `app.status` says why, every other channel answers WORKSPACE_UNAVAILABLE, and
 * nothing on disk is touched.
 */
const SEARCH_PROVIDERS: readonly SearchProvider[] = [
  caseSearchProvider,
  allegationSearchProvider,
  subjectSearchProvider,
  evidenceSearchProvider,
  findingSearchProvider,
];

export function openWorkbench(options: WorkbenchOptions): Workbench {
  let ctx: ServiceContext | null = null;
  const contextOf = (workspace: Workspace): ServiceContext => ({
    db: workspace.db,
    // Read at each event, so the identity given on first use is stamped from then on.
    get actor() {
      if (options.actor) return options.actor;
      const identity = getIdentity(workspace);
      return identity ? actorOf(identity) : os.userInfo().username;
    },
    now: () => new Date().toISOString(),
  });
  /** Once open: the services' context, and the text extraction an interrupted import left pending. */
  const onOpened = (workspace: Workspace) => {
    try {
      // Versions of lists an import killed mid-way left behind: out of use now, deleted after.
      void purgeLists(workspace.db, sweepDesignations(workspace.db));
    } catch (error) {
      console.error('[casebench] sweeping unfinished list imports failed:', error);
    }
    try {
      sweepStagingAtOpen(options.workspaceDir); // bundles an import killed mid-way left open
    } catch (error) {
      console.error('[casebench] sweeping bundle staging failed:', error);
    }
    ctx = contextOf(workspace);
    try {
      settings.syncLanguageAtOpen(options.workspaceDir, ctx); // a language chosen while locked
    } catch (error) {
      console.error('[casebench] syncing the language preference failed:', error);
    }
    resumed = resumeExtraction({ ...ctx, vault: workspace.vault }).catch((error: unknown) => {
      console.error('[casebench] resuming text extraction failed:', error);
      return 0;
    });
  };
  let resumed: Promise<number> = Promise.resolve(0);
  // New, locked, open (plain or encrypted) or failed: main/workspace/encryption/session.ts.
  const session = new WorkspaceSession({
    dir: options.workspaceDir,
    ...(options.kdf ? { kdf: options.kdf } : {}),
    ...(options.keychain ? { keychain: options.keychain } : {}),
    createUnencrypted: options.createUnencrypted ?? true,
    onOpened,
    // Locking: running jobs stop, staged bundles are dropped, no service can reach the database.
    onClosing: () => {
      jobs.cancelAll();
      bundleImports.close();
      ctx = null;
    },
  });

  const service: RunService = (run) => {
    if (!ctx) {
      if (session.current.kind === 'locked') throw new Failure('WORKSPACE_NOT_UNLOCKED', 'The workspace is locked.');
      throw new Failure('WORKSPACE_UNAVAILABLE', 'The workspace is not open.');
    }
    return run(ctx);
  };

  /** Asking for the status of a workspace that failed to open tries once more ("Try again" on the error page). */
  const status = (): ChannelOutput<'app.status'> => {
    const state = session.current;
    return {
      version: options.appVersion,
      workspace:
        state.kind === 'failed'
          ? { state: 'unavailable', code: state.failure.code, message: state.failure.message }
          : state.kind === 'open'
            ? { state: 'ready', schemaVersion: state.workspace.schemaVersion, encrypted: state.encrypted }
            : { state: state.kind },
      language: settings.rememberedLanguage(options.workspaceDir, ctx),
      identity: ctx ? getIdentity(ctx) : null,
    };
  };

  const jobs = new Jobs();
  const bundleImports = new BundleImports();
  const evidenceService = <T,>(run: (c: EvidenceContext) => T): T =>
    service((c) => run({ ...c, vault: (session.workspace() as Workspace).vault }));

  // Fonts and the printer are loaded on the first document, not at start-up.
  let documentDeps: DocumentDeps | null = null;
  const documents = (): DocumentDeps => {
    if (documentDeps) return documentDeps;
    const fonts = documentFonts();
    const shell = shellPrinting();
    const chooseFolder = options.chooseFolder ?? shell?.chooseFolder;
    documentDeps = {
      fonts,
      printer: options.printer ?? shell?.printer ?? playwrightPrinter({ fontFile: (url) => fonts.filePath(url) }),
      matrix: proposalMatrix,
      creator: `Casebench ${options.appVersion}`,
      ...(chooseFolder ? { chooseFolder } : {}),
    };
    return documentDeps;
  };

  const handlers: Handlers = {
    'app.status': status,
    // A preference of this machine, kept while locked too (services/settings-service.ts); a
    // workspace that failed to open is left untouched.
    'settings.setLanguage': (input) => {
      if (session.current.kind === 'failed') throw new Failure('WORKSPACE_UNAVAILABLE', 'The workspace is not open.');
      return settings.rememberLanguage(options.workspaceDir, ctx, input.language);
    },
    'identity.set': (input) => service((c) => setIdentity(c, input)),
    ...caseHandlers(service, evidenceService),
    ...allegationHandlers(service),
    ...protectedHandlers(service),
    ...evidenceHandlers(evidenceService, jobs),
    ...listHandlers(evidenceService, jobs),
    ...subjectHandlers(service),
    ...findingHandlers(service),
    ...documentHandlers(evidenceService, documents),
    ...workflowHandlers(evidenceService),
    ...screeningHandlers(service),
    ...keyHandlers(service),
    ...bundleHandlers(evidenceService, jobs, bundleImports, () => options.chooseFolder ?? shellPrinting()?.chooseFolder),
    'search.query': (input) => service((c) => searchWorkspace(c, input, SEARCH_PROVIDERS)),
    ...workspaceHandlers(session, service),
  };

  return {
    router: createRouter(handlers),
    extractionResumed: () => resumed,
    listsPurged: () => {
      const workspace = session.workspace();
      return workspace ? purgesSettled(workspace.db) : Promise.resolve();
    },
    evidence: createEvidenceTransport(() => {
      const workspace = session.workspace();
      return workspace ? { vault: workspace.vault, db: workspace.db } : null;
    }),
    close: () => {
      jobs.cancelAll();
      bundleImports.close();
      void documentDeps?.printer.close();
      session.close();
    },
  };
}
