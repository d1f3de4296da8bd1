import type { DocumentKind } from '../../../../shared/contract';
import type { LetterDocument } from '../../../../shared/documents';
import type { Office } from '../../../../shared/contract';
import type { Db } from '../../vault/database';
import { readMeeting } from '../meetings';
import { inspectionFacts } from './facts';
import { feedbackLetter } from './feedback-letter';
import { inspectionReport } from './inspection-report';
import { rectificationNotice } from './rectification-notice';

export { inspectionFacts, type InspectionFacts } from './facts';

/** A first draft of a document kind for one inspection, filled from the vault as it is today. */
export function fillTemplate(db: Db, office: Office, kind: DocumentKind, inspectionId: number, today: string): { roundId: number; content: LetterDocument } {
  const facts = inspectionFacts(db, office, inspectionId);
  const content =
    kind === 'feedbackLetter'
      ? feedbackLetter(facts, today)
      : kind === 'inspectionReport'
        ? inspectionReport(facts, today)
        : rectificationNotice(facts, readMeeting(db, inspectionId), today);
  return { roundId: facts.inspection.roundId, content };
}
