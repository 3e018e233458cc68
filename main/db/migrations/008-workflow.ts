import type { Migration } from './migration';

/**
 * The workflow's records that a case row cannot hold (its stage stays on `cases.stage`):
 * every stage transition with who, when, from, to and why; checks waived for a case with the
 * reason; review rounds (who submitted, who reviewed, approve or return) and their comments, each
 * anchored to the part it concerns; and the decision. All are appended or stamped, never rewritten,
 * except a comment's resolution and a round's status.
 */
export const workflow: Migration = {
  version: 8,
  name: 'workflow',
  up(db) {
    db.exec(`
      CREATE TABLE stage_transitions (
        id           TEXT PRIMARY KEY,
        case_id      TEXT NOT NULL REFERENCES cases (id),
        at           TEXT NOT NULL,
        actor        TEXT NOT NULL,
        from_stage   TEXT NOT NULL,
        to_stage     TEXT NOT NULL,
        direction    TEXT NOT NULL CHECK (direction IN ('advance', 'return')),
        reason       TEXT,
        unmet_checks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(unmet_checks)),
        CHECK (from_stage <> to_stage),
        -- Going back always says why; going forward past unmet checks does too.
        CHECK (direction = 'advance' OR reason IS NOT NULL),
        CHECK (unmet_checks = '[]' OR reason IS NOT NULL)
      ) STRICT;
      CREATE INDEX stage_transitions_case ON stage_transitions (case_id, at);

      CREATE TABLE gate_waivers (
        case_id   TEXT NOT NULL REFERENCES cases (id),
        check_id  TEXT NOT NULL,
        reason    TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        waived_by TEXT NOT NULL,
        waived_at TEXT NOT NULL,
        PRIMARY KEY (case_id, check_id)
      ) STRICT;

      CREATE TABLE review_rounds (
        id           TEXT PRIMARY KEY,
        case_id      TEXT NOT NULL REFERENCES cases (id),
        seq          INTEGER NOT NULL,
        submitted_by TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'returned', 'withdrawn')),
        reviewer     TEXT,
        decided_at   TEXT,
        summary      TEXT NOT NULL DEFAULT '',
        UNIQUE (case_id, seq),
        -- A decided round names its reviewer, who is never the person who submitted it.
        CHECK ((status IN ('approved', 'returned')) = (reviewer IS NOT NULL)),
        CHECK ((status = 'pending') = (decided_at IS NULL)),
        CHECK (reviewer IS NULL OR reviewer <> submitted_by)
      ) STRICT;

      CREATE TABLE review_comments (
        id          TEXT PRIMARY KEY,
        round_id    TEXT NOT NULL REFERENCES review_rounds (id),
        seq         INTEGER NOT NULL,
        anchor_type TEXT NOT NULL CHECK (anchor_type IN ('finding', 'reasons', 'allegation', 'proposal_section')),
        anchor_id   TEXT NOT NULL,
        body        TEXT NOT NULL CHECK (length(trim(body)) > 0),
        author      TEXT NOT NULL,
        at          TEXT NOT NULL,
        resolved_by TEXT,
        resolved_at TEXT,
        UNIQUE (round_id, seq),
        CHECK ((resolved_by IS NULL) = (resolved_at IS NULL))
      ) STRICT;

      CREATE TABLE case_decisions (
        case_id       TEXT PRIMARY KEY REFERENCES cases (id),
        outcome       TEXT NOT NULL CHECK (outcome IN ('designated', 'not_designated')),
        notice_date   TEXT,
        notice_number TEXT,
        review_date   TEXT,
        reasons       TEXT NOT NULL DEFAULT '',
        recorded_by   TEXT NOT NULL,
        recorded_at   TEXT NOT NULL,
        -- A designation has its public notice (date and number) and a review date; a refusal its reasons.
        CHECK (outcome = 'not_designated' OR (notice_date IS NOT NULL AND notice_number IS NOT NULL AND review_date IS NOT NULL)),
        CHECK (outcome = 'designated' OR length(trim(reasons)) > 0)
      ) STRICT;
    `);
  },
};
