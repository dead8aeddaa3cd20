// Challenges and remedies: the challenges the authors name, the recommendations that address each, and what each is about.
MATCH path = (r:Claim {claimType: 'recommendation'})-[:ADDRESSES]->(c:Claim {claimType: 'challenge'})
OPTIONAL MATCH about = (c)-[:ABOUT]->()
RETURN path, about;
