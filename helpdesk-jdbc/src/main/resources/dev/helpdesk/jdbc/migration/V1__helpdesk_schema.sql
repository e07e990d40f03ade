-- The help desk's tables on PostgreSQL 14 or newer (helpdesk-jdbc, schema version 1).
--
-- HelpDeskSchema.migrate runs this file with Flyway; a host that manages its schema with other
-- tooling applies the same file, in version order with any later V<n>__*.sql, to the schema its
-- DataSource's connections use (their search_path). Every table and sequence is prefixed helpdesk_.
--
-- Identifiers sort with the "C" collation, byte by byte, as Java orders the ids' text: the desk
-- lists tickets oldest first, then by id (D-15), and pages through them by that key. Instants are
-- timestamptz, kept to the microsecond.

-- Ticket numbers (HD-1, HD-2, ...) and customer numbers, unique across every node.
CREATE SEQUENCE helpdesk_ticket_number;
CREATE SEQUENCE helpdesk_customer_number;

-- One row per ticket (D-04), as last saved. version is the compare-and-set key: a save names the
-- version it read and bumps it by one. history_length counts the ticket's events.
CREATE TABLE helpdesk_tickets (
  id                     text COLLATE "C" PRIMARY KEY,
  version                bigint NOT NULL CHECK (version > 0),
  customer_id            text COLLATE "C" NOT NULL,
  channel                text NOT NULL,
  support_mode           text NOT NULL,
  category               text NOT NULL,
  subject                text NOT NULL,
  description            text NOT NULL,
  system_information     jsonb,
  priority               text NOT NULL,
  tier_level             integer NOT NULL,
  tier_name              text NOT NULL,
  assignee               text COLLATE "C",
  department             text COLLATE "C",
  status                 text NOT NULL,
  is_open                boolean NOT NULL GENERATED ALWAYS AS (status NOT IN ('CLOSED', 'CANCELLED', 'MERGED')) STORED,
  entered                timestamptz NOT NULL,
  updated                timestamptz NOT NULL,
  customer_updated       timestamptz NOT NULL,
  links                  jsonb NOT NULL,
  source_channel         text,
  source_external_id     text,
  required_skills        jsonb NOT NULL,
  preferred_skills       jsonb NOT NULL,
  resolution             text,
  resolution_article     text,
  resolved_by_role       text,
  resolved_by_id         text,
  resolved_at            timestamptz,
  resolved_first_contact boolean,
  reopen_count           integer NOT NULL,
  history_length         integer NOT NULL,
  -- One inbound contact opens one ticket, however often and on however many nodes it is delivered.
  CONSTRAINT helpdesk_tickets_one_per_contact UNIQUE (source_channel, source_external_id)
);

-- The work queues (D-15): open tickets oldest first, by tier, by technician, by department, and all.
CREATE INDEX helpdesk_tickets_open_by_tier ON helpdesk_tickets (tier_level, entered, id) WHERE is_open;
CREATE INDEX helpdesk_tickets_open_by_assignee ON helpdesk_tickets (assignee, entered, id) WHERE is_open;
CREATE INDEX helpdesk_tickets_open_by_department ON helpdesk_tickets (department, entered, id) WHERE is_open;
CREATE INDEX helpdesk_tickets_open ON helpdesk_tickets (entered, id) WHERE is_open;
-- A customer's tickets, tickets in one status (the desk's time-driven work), every ticket by
-- period (D-20), and solutions by period (D-22).
CREATE INDEX helpdesk_tickets_by_customer ON helpdesk_tickets (customer_id, entered, id);
CREATE INDEX helpdesk_tickets_by_status ON helpdesk_tickets (status, entered, id);
CREATE INDEX helpdesk_tickets_by_entered ON helpdesk_tickets (entered, id);
CREATE INDEX helpdesk_tickets_by_resolved_at ON helpdesk_tickets (resolved_at) WHERE resolved_at IS NOT NULL;

-- Each ticket's history (D-16), append-only: position 0, 1, 2, ... in the order appended.
CREATE TABLE helpdesk_ticket_events (
  ticket_id       text COLLATE "C" NOT NULL REFERENCES helpdesk_tickets (id) ON DELETE CASCADE,
  position        integer NOT NULL,
  at              timestamptz NOT NULL,
  actor_role      text NOT NULL,
  actor_id        text NOT NULL,
  from_status     text NOT NULL,
  to_status       text NOT NULL,
  tier_level      integer NOT NULL,
  tier_name       text NOT NULL,
  change_type     text NOT NULL,
  change          jsonb NOT NULL,
  note            text NOT NULL,
  note_visibility text NOT NULL,
  PRIMARY KEY (ticket_id, position)
);

-- Events by period, for analytics (D-20, D-22, D-23).
CREATE INDEX helpdesk_ticket_events_by_time ON helpdesk_ticket_events (at);

-- History is never rewritten: an event may not change, and goes only with its ticket (erasure).
CREATE FUNCTION helpdesk_keep_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' OR EXISTS (SELECT 1 FROM helpdesk_tickets WHERE id = OLD.ticket_id) THEN
    RAISE EXCEPTION 'the history of ticket % is append-only: its event % cannot be changed or removed',
      OLD.ticket_id, OLD.position USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN OLD;
END;
$$;

CREATE TRIGGER helpdesk_ticket_events_append_only
  BEFORE UPDATE OR DELETE ON helpdesk_ticket_events
  FOR EACH ROW EXECUTE FUNCTION helpdesk_keep_history();

-- Notifications, written in the same transaction as the change that caused them and delivered at
-- least once. notification_id is the idempotency key a notifier drops repeats by. A pending
-- entry is due at next_attempt_at; a claim leases it by moving next_attempt_at to the end of the
-- lease. state_order says in which order entries reached their state. Entries outlive their ticket.
CREATE SEQUENCE helpdesk_outbox_order;

CREATE TABLE helpdesk_outbox (
  notification_id   text COLLATE "C" PRIMARY KEY,
  ticket_id         text COLLATE "C" NOT NULL,
  kind              text NOT NULL,
  recipient_kind    text NOT NULL,
  recipient_id      text NOT NULL,
  recipient_name    text NOT NULL,
  recipient_address text NOT NULL,
  locale            text NOT NULL,
  subject           text NOT NULL,
  body              text NOT NULL,
  created           timestamptz NOT NULL,
  state             text NOT NULL,
  attempts          integer NOT NULL DEFAULT 0,
  next_attempt_at   timestamptz NOT NULL,
  last_error        text NOT NULL DEFAULT '',
  state_order       bigint NOT NULL DEFAULT nextval('helpdesk_outbox_order')
);

CREATE INDEX helpdesk_outbox_due ON helpdesk_outbox (next_attempt_at, state_order) WHERE state = 'PENDING';
CREATE INDEX helpdesk_outbox_by_state ON helpdesk_outbox (state, state_order);

-- Registered customers (D-03). An email address or phone number identifies at most one customer.
CREATE TABLE helpdesk_customers (
  id           text COLLATE "C" PRIMARY KEY,
  kind         text NOT NULL,
  name         text NOT NULL,
  email        text UNIQUE,
  phone        text UNIQUE,
  organisation text NOT NULL,
  location     text NOT NULL,
  locale       text NOT NULL,
  registered   timestamptz NOT NULL
);

-- The desk's technicians; version is the compare-and-set key, as for tickets.
CREATE TABLE helpdesk_technicians (
  id            text COLLATE "C" PRIMARY KEY,
  version       bigint NOT NULL CHECK (version > 0),
  name          text NOT NULL,
  email         text NOT NULL,
  tier_level    integer NOT NULL,
  tier_name     text NOT NULL,
  skills        jsonb NOT NULL,
  support_modes text[] NOT NULL,
  capacity      jsonb NOT NULL,
  availability  text NOT NULL
);

CREATE INDEX helpdesk_technicians_by_tier ON helpdesk_technicians (tier_level, id);
