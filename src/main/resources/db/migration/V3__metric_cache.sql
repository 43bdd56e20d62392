-- Impact graphs: the last series fetched per (incident, impact query), so a chart still shows
-- with "data as of ... (offline)" when the monitoring source cannot be reached. A cache, not the
-- record: the incident's own log holds the queries (IMPACT_QUERY_SET) and the snapshots
-- (METRIC_SNAPSHOT). raw_json is the source's response body exactly as returned.
CREATE TABLE impact_series_cache (
    incident_id  UUID NOT NULL,
    query_id     VARCHAR(64) NOT NULL,
    source_kind  VARCHAR(16) NOT NULL,
    query_text   CHARACTER LARGE OBJECT NOT NULL,
    range_from   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    range_to     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    fetched_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    raw_json     CHARACTER LARGE OBJECT NOT NULL,
    PRIMARY KEY (incident_id, query_id)
);
