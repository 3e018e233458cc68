import { describe, expect, it } from 'vitest';
import { Failure } from '../ipc/failure';
import { setIdentity } from '../services/identity-service';
import { testContext } from '../test-support/service-context';
import { addColleague, listColleagues, removeColleague, standingOf } from './colleagues';
import { fingerprint } from './fingerprint';
import { ownCard } from './own-keys';
import { colleagueCard } from './test-cards';

async function me() {
  const ctx = testContext();
  setIdentity(ctx, { name: '田中 愛子', organisation: 'Human Rights Now' });
  return { ctx, card: await ownCard(ctx) };
}

describe('colleagues', () => {
  it('stand as self, known, unknown, or a known name with another key', async () => {
    const { ctx, card: mine } = await me();
    const ana = await colleagueCard('Ana Lima');
    expect(standingOf(ctx, mine)).toEqual({ kind: 'self' });
    expect(standingOf(ctx, ana)).toEqual({ kind: 'unknown' });

    const added = addColleague(ctx, ana);
    expect(added).toMatchObject({ ...ana, fingerprint: fingerprint(ana), addedFrom: 'pasted', addedAt: '2026-11-27T09:00:00.000Z' });
    expect(standingOf(ctx, ana)).toEqual({ kind: 'known', colleague: added });
    // The key decides, not the name the card gives.
    expect(standingOf(ctx, { ...ana, name: 'Somebody Else' })).toEqual({ kind: 'known', colleague: added });

    const impostor = await colleagueCard('ana  lima', 'Other NGO');
    expect(standingOf(ctx, impostor)).toEqual({ kind: 'name-mismatch', colleague: added });
    const fullWidth = await colleagueCard('ＡＮＡ ＬＩＭＡ');
    expect(standingOf(ctx, fullWidth).kind).toBe('name-mismatch');
    expect(standingOf(ctx, await colleagueCard('Ana Limão')).kind).toBe('unknown');
  });

  it('are unique by signing key: adding a known key again changes nothing', async () => {
    const { ctx } = await me();
    const ana = await colleagueCard('Ana Lima');
    const first = addColleague(ctx, ana);
    ctx.setNow('2026-12-01T00:00:00.000Z');
    expect(addColleague(ctx, { ...ana, name: 'Renamed' }, 'bundle')).toEqual(first);
    expect(listColleagues(ctx)).toEqual([first]);
  });

  it('never replace a colleague with a card of the same name and another key: both are kept', async () => {
    const { ctx } = await me();
    const ana = addColleague(ctx, await colleagueCard('Ana Lima'));
    const second = addColleague(ctx, await colleagueCard('Ana Lima', 'Other NGO'), 'bundle');
    expect(second.id).not.toBe(ana.id);
    expect(second.addedFrom).toBe('bundle');
    expect(listColleagues(ctx).map((c) => c.id).sort()).toEqual([ana.id, second.id].sort());
    expect(listColleagues(ctx).find((c) => c.id === ana.id)).toEqual(ana);
  });

  it('do not include me', async () => {
    const { ctx, card } = await me();
    expect(() => addColleague(ctx, card)).toThrow(Failure);
    expect(listColleagues(ctx)).toEqual([]);
  });

  it('refuse an invalid card without writing anything', async () => {
    const { ctx } = await me();
    const ana = await colleagueCard('Ana Lima');
    const failure = (() => {
      try {
        addColleague(ctx, { ...ana, ageRecipient: 'age1nope' });
      } catch (error) {
        return error as Failure;
      }
    })();
    expect(failure?.code).toBe('KEY_TEXT_INVALID');
    expect(listColleagues(ctx)).toEqual([]);
  });

  it('are listed by name and removed one at a time', async () => {
    const { ctx } = await me();
    const zoe = addColleague(ctx, await colleagueCard('Zoe Park'));
    const ana = addColleague(ctx, await colleagueCard('ana Lima'));
    expect(listColleagues(ctx).map((c) => c.name)).toEqual(['ana Lima', 'Zoe Park']);
    expect(removeColleague(ctx, ana.id)).toEqual({ id: ana.id });
    expect(listColleagues(ctx)).toEqual([zoe]);
    expect(() => removeColleague(ctx, ana.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
