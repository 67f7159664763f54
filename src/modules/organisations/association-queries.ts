import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../core/db/client.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import { associationMembers, type LegalForm, type OrganisationStatus, organisations } from './schema.ts';

type Names = { nameKk: string; nameRu: string; nameEn: string | null };

/** A member of an association (union) of legal entities, with its membership certificate. */
export type AssociationMember = Names & {
  bin: string;
  legalForm: LegalForm;
  status: OrganisationStatus;
  certificateNumber: string;
  /** ISO date. */
  certificateDate: string;
};

/** An association an organisation belongs to, with the certificate it was given. */
export type AssociationMembership = Names & {
  bin: string;
  certificateNumber: string;
  certificateDate: string;
};

/** What an organisation's profile shows about associations: its members, and what it is a member of. */
export type AssociationProfile = { members: AssociationMember[] | null; memberships: AssociationMembership[] };

/**
 * Reads both sides of association membership for one organisation's profile: the member list
 * when it is an association of legal entities (in Kazakh alphabetical order of the reader's
 * name), and the associations it belongs to. Membership is public, like the register.
 */
export async function associationProfile(db: Db, org: { id: string; legalForm: string }, lang: Lang): Promise<AssociationProfile> {
  const member = organisations;
  const association = alias(organisations, 'association');
  const name = lang === 'ru' ? member.nameRu : member.nameKk;
  const [members, memberships] = await Promise.all([
    org.legalForm === 'association-of-legal-entities'
      ? db
          .select({
            bin: member.bin,
            nameKk: member.nameKk,
            nameRu: member.nameRu,
            nameEn: member.nameEn,
            legalForm: member.legalForm,
            status: member.status,
            certificateNumber: associationMembers.certificateNumber,
            certificateDate: associationMembers.certificateDate,
          })
          .from(associationMembers)
          .innerJoin(member, eq(member.id, associationMembers.memberId))
          .where(eq(associationMembers.associationId, org.id))
          .orderBy(asc(sql`${name} collate kazakh`), asc(member.bin))
      : Promise.resolve(null),
    db
      .select({
        bin: association.bin,
        nameKk: association.nameKk,
        nameRu: association.nameRu,
        nameEn: association.nameEn,
        certificateNumber: associationMembers.certificateNumber,
        certificateDate: associationMembers.certificateDate,
      })
      .from(associationMembers)
      .innerJoin(association, eq(association.id, associationMembers.associationId))
      .where(eq(associationMembers.memberId, org.id))
      .orderBy(asc(associationMembers.certificateDate)),
  ]);
  return { members, memberships };
}

/** Everything a membership certificate states, or undefined when there is no such membership. */
export async function findMembershipCertificate(db: Db, memberBin: string, associationBin: string) {
  const member = alias(organisations, 'member');
  const association = alias(organisations, 'association');
  const [row] = await db
    .select({
      member: { id: member.id, bin: member.bin, nameKk: member.nameKk, nameRu: member.nameRu, nameEn: member.nameEn, legalForm: member.legalForm, status: member.status },
      association: { bin: association.bin, nameKk: association.nameKk, nameRu: association.nameRu, nameEn: association.nameEn, regionCode: association.regionCode, headName: association.headName },
      certificateNumber: associationMembers.certificateNumber,
      certificateDate: associationMembers.certificateDate,
    })
    .from(associationMembers)
    .innerJoin(member, eq(member.id, associationMembers.memberId))
    .innerJoin(association, eq(association.id, associationMembers.associationId))
    .where(and(eq(member.bin, memberBin), eq(association.bin, associationBin)));
  return row;
}
export type MembershipCertificate = NonNullable<Awaited<ReturnType<typeof findMembershipCertificate>>>;
