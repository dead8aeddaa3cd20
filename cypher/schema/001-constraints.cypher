// Every node is an :Entity with a unique, stable id; MERGE in the loader relies on this.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT reference_number IF NOT EXISTS FOR (r:Reference) REQUIRE r.number IS UNIQUE;
