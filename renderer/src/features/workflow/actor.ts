import type { Identity } from '../../../../shared/contract/channels/app';

/**
 * How the workspace stamps an identity on what it records ("Aiko Tanaka (Human Rights Now)"), as
 * main/services/identity-service.ts writes it: to tell the author of a submission that someone
 * else must review it before the service refuses (REVIEWER_IS_AUTHOR).
 */
export const actorOf = (identity: Identity): string =>
  identity.organisation ? `${identity.name} (${identity.organisation})` : identity.name;
