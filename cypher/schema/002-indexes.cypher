// Timeline and range filters read the start of each dated entity.
CREATE RANGE INDEX entity_date_start IF NOT EXISTS FOR (n:Entity) ON (n.dateStart);
CREATE RANGE INDEX entity_year IF NOT EXISTS FOR (n:Entity) ON (n.year);
CREATE RANGE INDEX statistic_metric IF NOT EXISTS FOR (s:Statistic) ON (s.metric);
// search(text:) ranks names, aliases (with the article's stated spellings) and descriptions.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.searchText];
// searchConnection(text:) also reads the article's words for each fact and its figure.
CREATE FULLTEXT INDEX entity_search_full IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.searchText, n.searchExtra];
// search(text:, includeRetracted: true) reads retracted entities from an index of their own.
CREATE FULLTEXT INDEX retracted_search IF NOT EXISTS FOR (n:Retracted) ON EACH [n.name, n.searchText];
CREATE FULLTEXT INDEX retracted_search_full IF NOT EXISTS FOR (n:Retracted) ON EACH [n.name, n.searchText, n.searchExtra];

// Lists are ordered by name unless asked otherwise: a range index per kind lets the first page, and
// the page after a cursor, read the index in order instead of sorting every match.
CREATE RANGE INDEX agency_name IF NOT EXISTS FOR (n:Agency) ON (n.name);
CREATE RANGE INDEX department_name IF NOT EXISTS FOR (n:Department) ON (n.name);
CREATE RANGE INDEX track_name IF NOT EXISTS FOR (n:Track) ON (n.name);
CREATE RANGE INDEX guideline_name IF NOT EXISTS FOR (n:Guideline) ON (n.name);
CREATE RANGE INDEX reform_name IF NOT EXISTS FOR (n:Reform) ON (n.name);
CREATE RANGE INDEX pathway_name IF NOT EXISTS FOR (n:Pathway) ON (n.name);
CREATE RANGE INDEX event_name IF NOT EXISTS FOR (n:Event) ON (n.name);
CREATE RANGE INDEX product_name IF NOT EXISTS FOR (n:Product) ON (n.name);
CREATE RANGE INDEX target_name IF NOT EXISTS FOR (n:Target) ON (n.name);
CREATE RANGE INDEX sponsor_name IF NOT EXISTS FOR (n:Sponsor) ON (n.name);
CREATE RANGE INDEX classification_name IF NOT EXISTS FOR (n:Classification) ON (n.name);
CREATE RANGE INDEX statistic_name IF NOT EXISTS FOR (n:Statistic) ON (n.name);
CREATE RANGE INDEX claim_name IF NOT EXISTS FOR (n:Claim) ON (n.name);
CREATE RANGE INDEX reference_name IF NOT EXISTS FOR (n:Reference) ON (n.name);
CREATE RANGE INDEX finding_name IF NOT EXISTS FOR (n:Finding) ON (n.name);

// Dated kinds are also listed by date or year; reforms before an approval and approvals after a reform
// are range seeks on the year.
CREATE RANGE INDEX guideline_date_start IF NOT EXISTS FOR (n:Guideline) ON (n.dateStart);
CREATE RANGE INDEX guideline_year IF NOT EXISTS FOR (n:Guideline) ON (n.year);
CREATE RANGE INDEX reform_date_start IF NOT EXISTS FOR (n:Reform) ON (n.dateStart);
CREATE RANGE INDEX reform_year IF NOT EXISTS FOR (n:Reform) ON (n.year);
CREATE RANGE INDEX event_date_start IF NOT EXISTS FOR (n:Event) ON (n.dateStart);
CREATE RANGE INDEX event_year IF NOT EXISTS FOR (n:Event) ON (n.year);
CREATE RANGE INDEX product_date_start IF NOT EXISTS FOR (n:Product) ON (n.dateStart);
CREATE RANGE INDEX product_year IF NOT EXISTS FOR (n:Product) ON (n.year);

// Statistics are listed by value.
CREATE RANGE INDEX statistic_value IF NOT EXISTS FOR (s:Statistic) ON (s.value);

// Relationship lists of products are ordered by date, then name: this index gives that order, so a
// hub's first products are read in order instead of sorting its whole degree (src/graph/read/render.ts relatedRead).
CREATE RANGE INDEX product_date_start_name IF NOT EXISTS FOR (n:Product) ON (n.dateStart, n.name);

// A hub's products listed by date (products(filter: {target}, orderBy: {field: DATE})) come in this
// index's order, date then id as the list orders them, so the page is read in order and stops at the
// page size (src/graph/read/render.ts hubPage); on the date alone every product of one date was read to sort them by id
// (1M nodes: 174,709 db hits for a hub target's first page, 1,174 with this index).
CREATE RANGE INDEX product_date_start_id IF NOT EXISTS FOR (n:Product) ON (n.dateStart, n.id);

// References are listed, found and sorted by their number in the article's list.
CREATE RANGE INDEX reference_number IF NOT EXISTS FOR (n:Reference) ON (n.number);
CREATE RANGE INDEX retracted_id IF NOT EXISTS FOR (n:Retracted) ON (n.id);
// Lists asked with includeRetracted: true read a kind's retracted entities from here.
CREATE RANGE INDEX retracted_kind IF NOT EXISTS FOR (n:Retracted) ON (n.kind);
CREATE RANGE INDEX change_target IF NOT EXISTS FOR (c:Change) ON (c.target, c.seq);
CREATE RANGE INDEX change_seq IF NOT EXISTS FOR (c:Change) ON (c.seq);
// The files of seeds/changes/ already applied, read at every start.
CREATE RANGE INDEX changeset_file IF NOT EXISTS FOR (cs:ChangeSet) ON (cs.file);
// Retractions are listed newest first (the retractions query).
CREATE RANGE INDEX change_op_seq IF NOT EXISTS FOR (c:Change) ON (c.op, c.seq);
// Captions are distinct within a kind: a change set looks up the captions it would give.
CREATE RANGE INDEX entity_caption IF NOT EXISTS FOR (n:Entity) ON (n.caption);
// The kinds statistics count, read by every change set that creates or retracts an entity.
CREATE RANGE INDEX statistic_counts_kind IF NOT EXISTS FOR (s:Statistic) ON (s.countsKind);
// Drafts by id and by status (newest first); change sets by their actor (the audit query changes(by:)).
CREATE RANGE INDEX draft_status_proposed IF NOT EXISTS FOR (d:Draft) ON (d.status, d.proposedAt);
CREATE RANGE INDEX changeset_actor_seq IF NOT EXISTS FOR (cs:ChangeSet) ON (cs.actor, cs.seq);
// Reads as of a date-time find the change set committed last before it.
CREATE RANGE INDEX changeset_at IF NOT EXISTS FOR (cs:ChangeSet) ON (cs.at);
