import type { keyChannels } from '../../shared/contract/channels/keys';
import { Failure } from '../ipc/failure';
import type { Handlers } from '../ipc/router';
import { addColleague, decodeCard, encodeCard, fingerprint, listColleagues, ownCard, removeColleague, standingOf } from '../keys';
import type { RunService } from './run-service';

export const keyHandlers = (service: RunService): Pick<Handlers, keyof typeof keyChannels> => ({
  'keys.own': () =>
    service(async (c) => {
      const card = await ownCard(c);
      return { card, text: encodeCard(card), fingerprint: fingerprint(card) };
    }),
  'keys.colleagues': () => service((c) => ({ colleagues: listColleagues(c) })),
  'keys.readCard': (input) =>
    service((c) => {
      const card = decodeCard(input.text);
      return { card, fingerprint: fingerprint(card), standing: standingOf(c, card) };
    }),
  'keys.addColleague': (input) =>
    service((c) => {
      const card = decodeCard(input.text);
      // The user confirmed the fingerprint they compared by phone; any other card is not the one they confirmed.
      if (fingerprint(card) !== input.fingerprint) {
        throw new Failure('BAD_REQUEST', 'The pasted key is not the one whose fingerprint was confirmed; nothing was added.');
      }
      const standing = standingOf(c, card);
      return { colleague: addColleague(c, card, 'pasted'), standing };
    }),
  'keys.removeColleague': (input) => service((c) => removeColleague(c, input.id)),
});
