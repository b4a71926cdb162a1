/** What every editorial check reads and returns. */
import type { Source } from '../../engine/types';
import type { LocatedEntity, Problem } from '../validate';

export interface CheckInput {
  sources: Source[];
  entities: LocatedEntity[];
}

/** One editorial check; it names itself in each problem it reports (`Problem.check`). */
export type EditorialCheck = (input: CheckInput) => Problem[];
