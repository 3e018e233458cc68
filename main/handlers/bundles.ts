import type { bundleChannels } from '../../shared/contract/channels/bundles';
import { BundleImports, prepareExport, takeDownload } from '../bundles/case/bundle-service';
import type { Handlers } from '../ipc/router';
import type { Jobs } from '../vault/jobs';
import type { RunEvidenceService } from './evidence';

/**
 * Case bundles run with the vault (evidence files go out and come in). Export and inspect are jobs;
 * the app asks where to save through `chooseFolder`, the browser host keeps the file for download.
 */
export const bundleHandlers = (
  service: RunEvidenceService,
  jobs: Jobs,
  imports: BundleImports,
  /** The desktop app's folder chooser, if there is one (looked up at each export: the shell registers it at start-up). */
  folderChooser: () => (() => Promise<string | null>) | undefined,
): Pick<Handlers, keyof typeof bundleChannels> => ({
  'bundles.export': async (input) => {
    let folder: string | null = input.folder ?? null;
    const chooseFolder = folderChooser();
    if (folder === null && chooseFolder) {
      folder = await chooseFolder();
      if (folder === null) return { jobId: null };
    }
    const prepared = await service((c) => prepareExport(c, input, folder));
    return { jobId: jobs.start('bundles.export', (control) => prepared.run(control)) };
  },
  'bundles.download': (input) => service((c) => takeDownload(c, input.downloadId)),
  'bundles.inspect': (input) => service((c) => ({ jobId: jobs.start('bundles.inspect', (control) => imports.inspect(c, input, control)) })),
  'bundles.apply': (input) => service((c) => imports.apply(c, input)),
  'bundles.discard': (input) => service(() => imports.discard(input.token)),
  'bundles.trustSender': (input) => service((c) => imports.trustSender(c, input)),
});
