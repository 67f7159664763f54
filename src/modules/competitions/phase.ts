import type { CompetitionStage } from './schema.ts';

export const PHASES = ['draft', 'upcoming', 'accepting', 'admission', 'evaluation', 'results'] as const;
export type Phase = (typeof PHASES)[number];

type Dated = { stage: CompetitionStage; announcedAt: Date; deadlineAt: Date };

/** Where a competition stands now: the organiser's stage, read against the server clock. */
export function competitionPhase(c: Dated, now: Date): Phase {
  switch (c.stage) {
    case 'draft':
      return 'draft';
    case 'evaluation':
      return 'evaluation';
    case 'published':
      return 'results';
    case 'announced':
      if (now < c.announcedAt) return 'upcoming';
      return now < c.deadlineAt ? 'accepting' : 'admission';
  }
}

/** Applications are taken from the announcement until the deadline, by server time. */
export const isAccepting = (c: Dated, now: Date) => competitionPhase(c, now) === 'accepting';
