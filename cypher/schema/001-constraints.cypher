// Every node is an :Entity with a unique, stable id; MERGE in the loader relies on this.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT reference_number IF NOT EXISTS FOR (r:Reference) REQUIRE r.number IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT sentence_locator IF NOT EXISTS FOR (s:Sentence) REQUIRE (s.document, s.number) IS UNIQUE;
CREATE CONSTRAINT change_set_seq IF NOT EXISTS FOR (c:ChangeSet) REQUIRE c.seq IS UNIQUE;
CREATE CONSTRAINT change_log_id IF NOT EXISTS FOR (l:ChangeLog) REQUIRE l.id IS UNIQUE;
CREATE CONSTRAINT draft_id IF NOT EXISTS FOR (d:Draft) REQUIRE d.id IS UNIQUE;
