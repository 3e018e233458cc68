import type { ScreeningFactor } from '../../../../shared/contract/channels/screening';

/** A score as a whole percentage: "87%". */
export const percent = (score: number) => `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;

/** Stronger colour for a likelier match: investigators look at the red ones first. */
export function scoreColor(score: number): string {
  if (score >= 0.9) return 'red';
  if (score >= 0.75) return 'orange';
  return 'yellow';
}

/** A factor's effect on the score as signed points: "+5", "−20"; "" when it changed nothing. */
export function effectPoints(effect: number): string {
  const points = Math.round(effect * 100);
  if (points === 0) return '';
  return points > 0 ? `+${points}` : `−${Math.abs(points)}`;
}

export const FACTOR_COLORS: Record<ScreeningFactor['result'], string> = {
  agrees: 'teal',
  close: 'lime',
  disagrees: 'red',
  unknown: 'gray',
};
