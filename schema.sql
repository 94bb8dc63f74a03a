-- boardbrief data contract, schema version 1 (docs/data-contract.md explains every column).
-- The monitoring pipeline writes this database; boardbrief only reads it.
PRAGMA user_version = 1;

-- One monitored account. owner: 'own' (ours) or 'competitor' (share of voice, benchmarks).
CREATE TABLE channel (
  id       INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,               -- facebook, instagram, x, linkedin, youtube, tiktok, ...
  handle   TEXT NOT NULL,
  name     TEXT NOT NULL,
  owner    TEXT NOT NULL CHECK (owner IN ('own', 'competitor')),
  UNIQUE (platform, handle)
);

-- The metric catalogue: how days combine into a period and which direction is good.
CREATE TABLE metric (
  key         TEXT PRIMARY KEY,         -- impressions, followers, ...
  label       TEXT NOT NULL,
  aggregation TEXT NOT NULL CHECK (aggregation IN ('sum', 'last', 'mean', 'max')),
  unit        TEXT NOT NULL,            -- count, minutes, ...
  better      TEXT NOT NULL CHECK (better IN ('up', 'down', 'none'))
);

-- One number per channel, local calendar day and metric.
CREATE TABLE daily_metric (
  channel_id INTEGER NOT NULL REFERENCES channel (id),
  day        TEXT NOT NULL,             -- YYYY-MM-DD, the channel's local calendar day
  metric     TEXT NOT NULL REFERENCES metric (key),
  value      REAL NOT NULL,
  PRIMARY KEY (channel_id, metric, day)
) WITHOUT ROWID;
CREATE INDEX daily_metric_day ON daily_metric (day);

-- Each inbound customer message, comment or mention. Instants are UTC ISO-8601
-- (YYYY-MM-DDTHH:MM:SSZ); first_reply_at NULL = not answered; sentiment in [-1, 1] or NULL.
CREATE TABLE interaction (
  id             INTEGER PRIMARY KEY,
  channel_id     INTEGER NOT NULL REFERENCES channel (id),
  received_at    TEXT NOT NULL,
  kind           TEXT NOT NULL,         -- message, comment, mention, review, ...
  needs_reply    INTEGER NOT NULL CHECK (needs_reply IN (0, 1)),
  first_reply_at TEXT,
  sentiment      REAL CHECK (sentiment IS NULL OR (sentiment BETWEEN -1 AND 1)),
  topic          TEXT
);
CREATE INDEX interaction_received_at ON interaction (received_at);

-- Optional board targets: the value a report period inside [valid_from, valid_to] should reach
-- (at least, or at most when the metric's better is 'down'). channel_id NULL = all own channels.
CREATE TABLE target (
  metric     TEXT NOT NULL,             -- a catalogue key or a derived key (response_rate, ...)
  channel_id INTEGER REFERENCES channel (id),
  valid_from TEXT NOT NULL,             -- YYYY-MM-DD
  valid_to   TEXT NOT NULL,             -- YYYY-MM-DD
  value      REAL NOT NULL
);
