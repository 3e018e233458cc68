import type { PublicCard } from '../../shared/contract/channels/keys';
import { setIdentity } from '../services/identity-service';
import { testContext } from '../test-support/service-context';
import { ownCard } from './own-keys';

/** A colleague's real card: their own workspace, identity and key pair, as on their machine. */
export async function colleagueCard(name: string, organisation = 'Justice Partners'): Promise<PublicCard> {
  const theirs = testContext();
  setIdentity(theirs, { name, organisation });
  return ownCard(theirs);
}
