import type { Vault } from '../vault/vault';
import type { ServiceContext } from './context';

/** Evidence services also need the workspace's vault (the stored files). */
export interface EvidenceContext extends ServiceContext {
  vault: Vault;
}
