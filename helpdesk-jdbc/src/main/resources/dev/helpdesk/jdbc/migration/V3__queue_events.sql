-- Queue events (issue 7, D-21): what a channel's queue did with each contact waiting for a live
-- person. One row per contact and kind: the same event reported twice is kept once.
CREATE TABLE helpdesk_queue_events (
  seq          BIGSERIAL    PRIMARY KEY,
  channel      TEXT         NOT NULL,
  external_id  TEXT         NOT NULL,
  kind         TEXT         NOT NULL,
  at           TIMESTAMPTZ  NOT NULL,
  waited_us    BIGINT       NOT NULL CHECK (waited_us >= 0),
  CONSTRAINT helpdesk_queue_events_once UNIQUE (channel, external_id, kind)
);

-- Reports read a period's events, oldest first.
CREATE INDEX helpdesk_queue_events_by_time ON helpdesk_queue_events (at, seq);
