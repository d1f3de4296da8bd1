import type { Migration } from '../vault/migrations/types';

/**
 * Formal documents (公文): each document of a round or inspection with its versions (every save
 * adds one, none is ever changed), the feedback meeting, the print register (印制登记) with the
 * office's one copy-number counter (份号), and the on-site figures of an inspection (谈话人次,
 * 受理信访举报, 调阅资料 …) that the feedback letter quotes.
 */
export function documentsMigration(version: number): Migration {
  return {
    version,
    name: 'documents',
    up(db) {
      db.exec(`
        CREATE TABLE documents (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('feedbackLetter', 'inspectionReport', 'rectificationNotice')),
          round_id INTEGER NOT NULL REFERENCES rounds (id),
          inspection_id INTEGER REFERENCES inspections (id),
          -- Copied from the newest version, so lists and the register need not parse JSON.
          classification TEXT NOT NULL CHECK (classification IN ('public', 'internal', 'secret', 'confidential')),
          classification_period TEXT NOT NULL DEFAULT '',
          title TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
          latest_version INTEGER NOT NULL DEFAULT 1,
          final_version INTEGER,
          finalised_by INTEGER REFERENCES accounts (id),
          finalised_at TEXT,
          created_by INTEGER REFERENCES accounts (id),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          CHECK ((status = 'final') = (final_version IS NOT NULL))
        );
        CREATE INDEX documents_round ON documents (round_id, kind);
        CREATE INDEX documents_inspection ON documents (inspection_id, kind);

        CREATE TABLE document_versions (
          id INTEGER PRIMARY KEY,
          document_id INTEGER NOT NULL REFERENCES documents (id),
          version INTEGER NOT NULL,
          -- The whole LetterDocument as JSON (shared/documents.ts).
          content TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          created_by INTEGER REFERENCES accounts (id),
          created_at TEXT NOT NULL,
          UNIQUE (document_id, version)
        );
        -- A saved version is a record of what someone wrote: the database itself refuses to
        -- change or remove one, whatever the code above it does.
        CREATE TRIGGER document_versions_no_update BEFORE UPDATE ON document_versions
          BEGIN SELECT RAISE(ABORT, 'document versions are never changed'); END;
        CREATE TRIGGER document_versions_no_delete BEFORE DELETE ON document_versions
          BEGIN SELECT RAISE(ABORT, 'document versions are never removed'); END;
        -- A final document stays final, on the version it was finalised on.
        CREATE TRIGGER documents_final_locked BEFORE UPDATE ON documents
          WHEN OLD.status = 'final'
          BEGIN SELECT RAISE(ABORT, 'a final document is locked'); END;

        CREATE TABLE feedback_meetings (
          id INTEGER PRIMARY KEY,
          inspection_id INTEGER NOT NULL UNIQUE REFERENCES inspections (id),
          held_on TEXT NOT NULL,
          place TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          updated_by INTEGER REFERENCES accounts (id),
          updated_at TEXT NOT NULL
        );
        CREATE TABLE feedback_meeting_attendees (
          meeting_id INTEGER NOT NULL REFERENCES feedback_meetings (id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          name TEXT NOT NULL,
          -- Where the attendee comes from: leading group, 纪委监委, 组织部, the group, the unit.
          capacity TEXT NOT NULL CHECK (capacity IN ('leadingGroup', 'discipline', 'organisation', 'inspectionGroup', 'unit', 'other')),
          -- Their post as printed in the minutes, e.g. 市委常委、市纪委书记.
          position TEXT NOT NULL DEFAULT '',
          PRIMARY KEY (meeting_id, ordinal)
        );

        -- One row: the last 份号 handed out by this office. Raised in the same transaction that
        -- writes the register row, so a number is never given twice, even across processes.
        CREATE TABLE copy_number_counter (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          last_number INTEGER NOT NULL CHECK (last_number BETWEEN 0 AND 999999)
        );
        INSERT INTO copy_number_counter (id, last_number) VALUES (1, 0);

        CREATE TABLE print_register (
          id INTEGER PRIMARY KEY,
          document_id INTEGER REFERENCES documents (id),
          version INTEGER,
          -- What was printed when it is not a stored document: one of the four lists.
          list_kind TEXT CHECK (list_kind IS NULL OR list_kind IN ('problems', 'clues', 'accountability', 'personMatters')),
          round_id INTEGER REFERENCES rounds (id),
          title TEXT NOT NULL,
          purpose TEXT NOT NULL CHECK (purpose IN ('print', 'pdf')),
          classification TEXT NOT NULL CHECK (classification IN ('public', 'internal', 'secret', 'confidential')),
          classification_period TEXT NOT NULL DEFAULT '',
          copies INTEGER NOT NULL CHECK (copies >= 1),
          first_copy INTEGER,
          last_copy INTEGER,
          watermark INTEGER NOT NULL DEFAULT 0,
          pages INTEGER,
          -- 'failed': the numbers were handed out but no file came of them; they stay used.
          outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'done', 'failed')),
          printed_by INTEGER NOT NULL REFERENCES accounts (id),
          printed_at TEXT NOT NULL,
          CHECK ((first_copy IS NULL) = (last_copy IS NULL)),
          CHECK (first_copy IS NULL OR last_copy - first_copy + 1 = copies),
          CHECK ((document_id IS NULL) != (list_kind IS NULL))
        );
        CREATE INDEX print_register_printed_at ON print_register (printed_at);
        CREATE INDEX print_register_document ON print_register (document_id);

        CREATE TABLE inspection_figures (
          inspection_id INTEGER PRIMARY KEY REFERENCES inspections (id),
          interviews INTEGER NOT NULL DEFAULT 0 CHECK (interviews >= 0),
          petitions INTEGER NOT NULL DEFAULT 0 CHECK (petitions >= 0),
          documents_reviewed INTEGER NOT NULL DEFAULT 0 CHECK (documents_reviewed >= 0),
          volumes_reviewed INTEGER NOT NULL DEFAULT 0 CHECK (volumes_reviewed >= 0),
          visits INTEGER NOT NULL DEFAULT 0 CHECK (visits >= 0),
          questionnaires INTEGER NOT NULL DEFAULT 0 CHECK (questionnaires >= 0),
          forums INTEGER NOT NULL DEFAULT 0 CHECK (forums >= 0),
          updated_by INTEGER REFERENCES accounts (id),
          updated_at TEXT NOT NULL
        );
      `);
    },
  };
}
