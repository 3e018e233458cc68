/**
 * Investigators' keys and colleagues (issue 5, part B; the contract in the bundles plan). Part C
 * signs and encrypts with ownKeys, puts ownCard in a bundle, and tells the user standingOf its
 * sender. Private keys live in the workspace database, in the clear until issue 7.
 */
export type { Colleague, PublicCard, SignerStanding } from '../../shared/contract/channels/keys';
export { ownKeys, ownCard, type InvestigatorKeys } from './own-keys';
export { fingerprint } from './fingerprint';
export { encodeCard, decodeCard, checkedCard, CARD_TEXT_VERSION } from './card-text';
export { standingOf, listColleagues, addColleague, removeColleague } from './colleagues';
