-- The knowledge base and the tickets' service levels (helpdesk-jdbc, schema version 2).
--
-- Applied after V1__helpdesk_schema.sql, by HelpDeskSchema.migrate or by the host's own tooling.

-- A ticket's service-level state (issue 6): the policy in force, when staff first responded, the
-- next instant the desk owes the customer something, and the targets decided so far, as a JSON
-- array of {target, tierLevel, tierName, met, due, at}.
ALTER TABLE helpdesk_tickets
  ADD COLUMN sla_policy     text,
  ADD COLUMN first_response timestamptz,
  ADD COLUMN sla_due        timestamptz,
  ADD COLUMN sla_results    jsonb NOT NULL DEFAULT '[]';

-- Knowledge-base articles (D-11), as last saved; version is the compare-and-set key. The steps
-- and keywords keep their order. Pages are read by id, and the knowledge base loads the published
-- ones when it starts: (status, id) serves both a page of one status and the walk through it.
CREATE TABLE helpdesk_articles (
  id             text COLLATE "C" PRIMARY KEY,
  version        bigint NOT NULL CHECK (version > 0),
  title          text NOT NULL,
  symptoms       text NOT NULL,
  solution_steps text[] NOT NULL,
  keywords       text[] NOT NULL,
  category       text NOT NULL,
  language       text NOT NULL,
  audience       text NOT NULL,
  status         text NOT NULL,
  updated_at     timestamptz NOT NULL
);

CREATE INDEX helpdesk_articles_by_status ON helpdesk_articles (status, id);

-- How many article writes were committed, on every node: one row, bumped in the statement that
-- writes an article. A desk reads it to learn, in one cheap read, that its search index is stale.
-- A row, not a sequence: its lock orders the bumps as the writes commit, so a reader that sees a
-- count can read every write it counts (a sequence hands out numbers before commit, in any order).
CREATE TABLE helpdesk_article_changes (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  count    bigint NOT NULL
);

INSERT INTO helpdesk_article_changes (count) VALUES (0);

-- Bulletins about known problems (D-12). active_until is when a bulletin stops being active: the
-- end of its window, or its closing if that came first (LEAST ignores a missing closed_at). The
-- bulletins active at an instant are those with valid_from <= instant < active_until, found from
-- the index on active_until without reading the bulletins of the past.
CREATE TABLE helpdesk_bulletins (
  id                text COLLATE "C" PRIMARY KEY,
  version           bigint NOT NULL CHECK (version > 0),
  title             text NOT NULL,
  description       text NOT NULL,
  answer            text NOT NULL,
  affected_services text[] NOT NULL,
  keywords          text[] NOT NULL,
  valid_from        timestamptz NOT NULL,
  valid_until       timestamptz NOT NULL,
  status            text NOT NULL,
  closed_at         timestamptz,
  posted_by_role    text NOT NULL,
  posted_by_id      text NOT NULL,
  active_until      timestamptz NOT NULL GENERATED ALWAYS AS (LEAST(valid_until, closed_at)) STORED
);

CREATE INDEX helpdesk_bulletins_by_end ON helpdesk_bulletins (active_until, valid_from);

-- The tickets linked to each bulletin (D-12), once each, in the order first linked. A ticket may
-- be linked just before it is stored, so ticket_id is not a foreign key.
CREATE TABLE helpdesk_bulletin_links (
  bulletin_id text COLLATE "C" NOT NULL REFERENCES helpdesk_bulletins (id) ON DELETE CASCADE,
  ticket_id   text COLLATE "C" NOT NULL,
  link_order  bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (bulletin_id, ticket_id)
);

CREATE INDEX helpdesk_bulletin_links_in_order ON helpdesk_bulletin_links (bulletin_id, link_order);
