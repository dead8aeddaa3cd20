// Agency structure and the dual track: who is part of whom, CDE's reviewing departments, succession, and which agency governs which track.
MATCH path = (:Agency)-[:PART_OF|SUCCEEDED_BY|GOVERNS]->()
RETURN path
UNION
MATCH path = (:Department)-[:DEPARTMENT_OF]->(:Agency)
RETURN path;
