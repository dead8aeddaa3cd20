// TEXT indexes on each kind's searchText (name, aliases, stated spelling, acronym, description, in lower
// case): `nameContains` is a CONTAINS on it, which a TEXT index answers without scanning the kind.
CREATE TEXT INDEX agency_search_text IF NOT EXISTS FOR (n:Agency) ON (n.searchText);
CREATE TEXT INDEX department_search_text IF NOT EXISTS FOR (n:Department) ON (n.searchText);
CREATE TEXT INDEX track_search_text IF NOT EXISTS FOR (n:Track) ON (n.searchText);
CREATE TEXT INDEX guideline_search_text IF NOT EXISTS FOR (n:Guideline) ON (n.searchText);
CREATE TEXT INDEX reform_search_text IF NOT EXISTS FOR (n:Reform) ON (n.searchText);
CREATE TEXT INDEX pathway_search_text IF NOT EXISTS FOR (n:Pathway) ON (n.searchText);
CREATE TEXT INDEX event_search_text IF NOT EXISTS FOR (n:Event) ON (n.searchText);
CREATE TEXT INDEX product_search_text IF NOT EXISTS FOR (n:Product) ON (n.searchText);
CREATE TEXT INDEX target_search_text IF NOT EXISTS FOR (n:Target) ON (n.searchText);
CREATE TEXT INDEX sponsor_search_text IF NOT EXISTS FOR (n:Sponsor) ON (n.searchText);
CREATE TEXT INDEX classification_search_text IF NOT EXISTS FOR (n:Classification) ON (n.searchText);
CREATE TEXT INDEX statistic_search_text IF NOT EXISTS FOR (n:Statistic) ON (n.searchText);
CREATE TEXT INDEX claim_search_text IF NOT EXISTS FOR (n:Claim) ON (n.searchText);
CREATE TEXT INDEX reference_search_text IF NOT EXISTS FOR (n:Reference) ON (n.searchText);
CREATE TEXT INDEX finding_search_text IF NOT EXISTS FOR (n:Finding) ON (n.searchText);
