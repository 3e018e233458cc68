import type { CoordinationMatrix } from '../../shared/contract/channels/screening';
import { coordinationMatrix } from '../screening/matrix-service';
import type { ServiceContext } from '../services/context';

/**
 * The case's coordination matrix for a proposal (main/screening). With no partner's list loaded at
 * all, the check has not been run: the proposal says so instead of a table of "list not loaded".
 */
export function proposalMatrix(ctx: ServiceContext, caseId: string): CoordinationMatrix | null {
  const matrix = coordinationMatrix(ctx, { caseId });
  return Object.values(matrix.lists).every((lists) => lists.length === 0) ? null : matrix;
}
