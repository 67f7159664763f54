import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { ApplicationContent } from './schema.ts';

export const EMPTY_CONTENT: ApplicationContent = {
  summary: { title: '', summary: '' },
  goals: { goal: '', tasks: '' },
  plan: [],
  indicators: [],
  beneficiaries: { description: '', count: null },
  budget: [],
  team: [],
};

/** The steps of the application form, in order; each saves its own part of the content. */
export const STEPS = ['summary', 'goals', 'plan', 'indicators', 'beneficiaries', 'budget', 'team', 'attachments', 'review'] as const;
export type Step = (typeof STEPS)[number];
export type ContentStep = Exclude<Step, 'attachments' | 'review'>;

/**
 * The fingerprint printed on the receipt: SHA-256 over the canonical JSON (RFC 8785) of what was
 * submitted, so anyone holding the same content can recompute it.
 */
export function contentFingerprint(submitted: {
  lotId: string;
  organisationBin: string;
  language: string;
  content: ApplicationContent;
  attachments: { documentCode: string; sha256: string }[];
}): string {
  const sorted = { ...submitted, attachments: [...submitted.attachments].sort((a, b) => a.sha256.localeCompare(b.sha256)) };
  return createHash('sha256').update(canonicalize(sorted) ?? '').digest('hex');
}
