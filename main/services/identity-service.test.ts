import { describe, expect, it } from 'vitest';
import { openWorkbench } from '../workbench';
import { tempDir } from '../test-support/temp-dir';
import type { CaseDetail } from '../../shared/contract';

describe('the investigator identity', () => {
  it('is unset at first, then stamped on every event from the moment it is given', async () => {
    const bench = openWorkbench({ workspaceDir: tempDir(), appVersion: '1' });
    try {
      const status = await bench.router.invoke({ channel: 'app.status', input: {} });
      expect(status).toMatchObject({ ok: true, value: { identity: null } });

      const refused = await bench.router.invoke({ channel: 'identity.set', input: { name: ' ', organisation: '' } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { name: { code: 'required' } } } });

      await bench.router.invoke({ channel: 'identity.set', input: { name: '田中 愛子', organisation: 'Human Rights Now' } });
      const created = await bench.router.invoke({
        channel: 'cases.create',
        input: { title: 'x', country: null, situation: '', summary: '' },
      });
      const kase = (created as { ok: true; value: CaseDetail }).value;
      expect(kase.history[0]?.actor).toBe('田中 愛子 (Human Rights Now)');
      expect(await bench.router.invoke({ channel: 'app.status', input: {} })).toMatchObject({
        ok: true,
        value: { identity: { name: '田中 愛子', organisation: 'Human Rights Now' } },
      });
    } finally {
      bench.close();
    }
  });
});
