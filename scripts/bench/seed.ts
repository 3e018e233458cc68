import { ALLEGATION_STATUSES, STAGES } from '../../shared/domain/workflow';
import { CONDUCT_CATEGORY_CODES } from '../../shared/domain/conduct-categories';
import { createAllegation } from '../../main/services/allegation-service';
import { createCase } from '../../main/services/case-service';
import type { ServiceContext } from '../../main/services/context';

const PLACES = ['新疆ウイグル自治区', 'ラカイン州', 'Chechnya', 'Belarus', 'Tigray', 'Xinjiang', 'Hong Kong', 'Kasai'];
const COUNTRIES = ['CN', 'MM', 'RU', 'BY', 'ET', 'CD', 'IR', 'KP', 'NI', 'SY'] as const;
const TOPICS = ['強制労働', '恣意的拘禁', '超法規的殺害', '強制失踪', 'forced labour', 'arbitrary detention', 'torture of detainees', 'killing of protesters'];

/** Deterministic pseudo-random numbers, so every run seeds the same workspace. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Seeds `count` cases with `perCase` allegations each, through the real services, in one transaction. */
export function seedCases(ctx: ServiceContext, count: number, perCase: number): void {
  const random = rng(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  ctx.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const place = pick(PLACES);
      const made = createCase(ctx, {
        title: `${place}における${pick(TOPICS)} ${i}`,
        country: pick(COUNTRIES),
        situation: `${place} ${2015 + (i % 10)}`,
        summary: `Case ${i}: ${pick(TOPICS)} reported in ${place}.`,
      });
      ctx.db.prepare('UPDATE cases SET stage = ? WHERE id = ?').run(pick(STAGES), made.id);
      for (let j = 0; j < perCase; j++) {
        createAllegation(ctx, {
          caseId: made.id,
          category: pick(CONDUCT_CATEGORY_CODES),
          period: { precision: 'year', value: String(2015 + (j % 10)) },
          place,
          narrative: `Allegation ${j} of case ${i}.`,
          victims: [{ pseudonym: `V-${i}-${j}` }],
          status: pick(ALLEGATION_STATUSES),
        });
      }
    }
  })();
}
