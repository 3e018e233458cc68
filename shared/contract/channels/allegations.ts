import { z } from 'zod';
import { AllegationFieldsSchema, AllegationSchema, IdSchema, requiredLine } from '../records';

export const allegationChannels = {
  'allegations.list': { input: z.object({ caseId: IdSchema }), output: z.array(AllegationSchema) },
  'allegations.create': { input: AllegationFieldsSchema.extend({ caseId: IdSchema }), output: AllegationSchema },
  'allegations.update': { input: AllegationFieldsSchema.extend({ id: IdSchema }), output: AllegationSchema },
  'allegations.delete': {
    input: z.object({ id: IdSchema, reason: requiredLine(2000).optional() }),
    output: z.object({ id: IdSchema }),
  },
} as const;
